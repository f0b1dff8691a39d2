import { describe, expect, it } from 'vitest';
import type { FcCall } from '../fc-client';
import { CLOUD_LOGS_NOTE, logsOf } from './invocation-logs';

const tail = Buffer.from('...last lines\n').toString('base64');
const headers: Array<[string, string]> = [
  ['x-fc-request-id', 'req-1'],
  ['x-fc-log-result', tail],
];
const failingCall: FcCall = () => Promise.reject(new Error('no such operation'));
const completeCall: FcCall = (call) =>
  call({ callApi: async () => ({ body: { logs: 'every line\n' } }) } as never) as never;

describe('the logs a result shows', () => {
  it('in the cloud: the 4 KB tail, saying the rest is in Simple Log Service', async () => {
    const logs = await logsOf({ fcCall: completeCall, mode: 'cloud', functionName: 'fn' }, headers);
    expect(logs).toBe(`...last lines\n\n${CLOUD_LOGS_NOTE}\n`);
  });

  it("locally: the engine's complete logs, else the tail", async () => {
    expect(await logsOf({ fcCall: completeCall, mode: 'local', functionName: 'fn' }, headers)).toBe('every line\n');
    expect(await logsOf({ fcCall: failingCall, mode: 'local', functionName: 'fn' }, headers)).toBe('...last lines\n');
  });

  it('none when the function did not run (no x-fc-log-result)', async () => {
    expect(
      await logsOf({ fcCall: completeCall, mode: 'local', functionName: 'fn' }, [['x-fc-request-id', 'r']]),
    ).toBeUndefined();
  });
});
