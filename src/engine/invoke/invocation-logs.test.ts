import { describe, expect, it } from 'vitest';
import { createInvocationLogs } from './invocation-logs';

describe('the logs the engine keeps', () => {
  it('answers a request id only for its own function', () => {
    const logs = createInvocationLogs();
    logs.record('fn', 'req-1', 'hello\n');
    expect(logs.get('fn', 'req-1')).toEqual({
      requestId: 'req-1',
      functionName: 'fn',
      logs: 'hello\n',
      truncated: false,
    });
    expect(logs.get('other', 'req-1')).toBeUndefined();
    expect(logs.get('fn', 'req-2')).toBeUndefined();
  });

  it('keeps the newest invocations once full', () => {
    const logs = createInvocationLogs(3);
    for (const id of ['a', 'b', 'c', 'd']) logs.record('fn', id, id);
    expect(logs.get('fn', 'a')).toBeUndefined();
    expect(['b', 'c', 'd'].map((id) => logs.get('fn', id)?.logs)).toEqual(['b', 'c', 'd']);
  });

  it("appends a retry's log to its task's first attempt, and the task counts as new again", () => {
    const logs = createInvocationLogs(2);
    logs.record('fn', 'task', 'attempt 1\n');
    logs.record('fn', 'other', 'x');
    logs.record('fn', 'task', 'attempt 2\n');
    logs.record('fn', 'third', 'y');
    expect(logs.get('fn', 'task')?.logs).toBe('attempt 1\nattempt 2\n');
    expect(logs.get('fn', 'other')).toBeUndefined();
  });

  it('caps one log and says it was cut', () => {
    const logs = createInvocationLogs(10, 16);
    logs.record('fn', 'big', 'x'.repeat(40));
    logs.record('fn', 'big', 'more');
    const entry = logs.get('fn', 'big')!;
    expect(entry.truncated).toBe(true);
    expect(entry.logs.startsWith('x'.repeat(16))).toBe(true);
    expect(entry.logs).toContain('log truncated at 1 MB');
    expect(entry.logs).not.toContain('more');
  });
});
