import { describe, expect, it } from 'vitest';
import {
  InvocationLog,
  LINE_TRUNCATED,
  LOG_TRUNCATED,
  LineSplitter,
  MAX_LOG_CHARS,
  MAX_LOG_LINE_CHARS,
  PendingOutput,
} from './invocation-log';

function split(chunks: Iterable<string>) {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  let maxHeld = 0;
  for (const chunk of chunks) {
    splitter.push(chunk);
    maxHeld = Math.max(maxHeld, splitter.held);
  }
  splitter.end();
  return { lines, copied: splitter.copied, maxHeld };
}

function* repeat(chunk: string, times: number) {
  for (let i = 0; i < times; i++) yield chunk;
}

describe('LineSplitter', () => {
  it('cuts lines across chunks, drops \\r before \\n, and answers a last unterminated line at the end', () => {
    expect(split(['a', 'b\r', '\nc\n\nd']).lines).toEqual(['ab', 'c', '', 'd']);
  });

  it('holds at most one log entry of a line without a newline, however many tiny chunks arrive, copying each character at most once', () => {
    const chunks = 200_000;
    const { lines, copied, maxHeld } = split(repeat('x', chunks));
    expect(lines).toEqual(['x'.repeat(MAX_LOG_LINE_CHARS) + LINE_TRUNCATED]);
    expect(maxHeld).toBeLessThanOrEqual(MAX_LOG_LINE_CHARS + 1);
    expect(copied).toBeLessThanOrEqual(MAX_LOG_LINE_CHARS + 1);
  });

  it('copies no more than it was given for many short lines in big chunks', () => {
    const chunk = 'hello world\n'.repeat(5000);
    const { lines, copied } = split(repeat(chunk, 20));
    expect(lines).toHaveLength(100_000);
    expect(copied).toBeLessThanOrEqual(chunk.length * 20);
  });

  it('answers an over-long line as soon as it passes the entry size, then goes on with the next line', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push('y'.repeat(MAX_LOG_LINE_CHARS + 10));
    expect(lines).toEqual(['y'.repeat(MAX_LOG_LINE_CHARS) + LINE_TRUNCATED]);
    splitter.push('y'.repeat(1_000_000) + '\nnext\n');
    expect(lines).toEqual(['y'.repeat(MAX_LOG_LINE_CHARS) + LINE_TRUNCATED, 'next']);
  });

  it('keeps a line of exactly one entry whole', () => {
    expect(split(['z'.repeat(MAX_LOG_LINE_CHARS), '\n']).lines).toEqual(['z'.repeat(MAX_LOG_LINE_CHARS)]);
  });
});

describe('InvocationLog', () => {
  it('keeps what fits under 1 MB, then the truncation mark, then the end line', () => {
    const log = new InvocationLog('req-1');
    for (let i = 0; i < 100; i++) log.add('a'.repeat(20_000));
    const text = log.close();
    expect(text.length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(text.length).toBeGreaterThan(MAX_LOG_CHARS - 20_000);
    expect(text.endsWith(`${LOG_TRUNCATED}\nFC Invoke End RequestId: req-1\n`)).toBe(true);
  });

  it('cuts a line longer than one entry (a console.log that came over IPC)', () => {
    const log = new InvocationLog('req-2');
    log.add('b'.repeat(MAX_LOG_LINE_CHARS * 3));
    expect(log.close()).toContain('b'.repeat(MAX_LOG_LINE_CHARS) + LINE_TRUNCATED + '\n');
  });
});

it('PendingOutput keeps at most 1 MB of lines printed between requests', () => {
  const pending = new PendingOutput();
  for (let i = 0; i < 150; i++) pending.push('p'.repeat(MAX_LOG_LINE_CHARS * 2));
  const kept = pending.drain();
  expect(kept.reduce((sum, line) => sum + line.length, 0)).toBeLessThanOrEqual(MAX_LOG_CHARS);
  expect(kept.length).toBeGreaterThan(0);
});
