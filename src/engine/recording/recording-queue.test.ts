import { describe, expect, it } from 'vitest';
import { createRecordingQueue } from './recording-queue';

/** A scheduler the test turns by hand: nothing is written until `turn()`. */
function manualTurns() {
  const waiting: Array<() => void> = [];
  return {
    schedule: (flush: () => void) => void waiting.push(flush),
    turn: () => waiting.splice(0).forEach((flush) => flush()),
    get armed() {
      return waiting.length;
    },
  };
}

describe('the recording queue', () => {
  it('writes nothing on push; one turn writes what waits in batches of maxBatch, arming again for the rest', () => {
    const turns = manualTurns();
    const batches: number[][] = [];
    const queue = createRecordingQueue<number>({
      write: (b) => batches.push(b),
      schedule: turns.schedule,
      maxBatch: 2,
    });
    for (const n of [1, 2, 3, 4, 5]) queue.push(n);
    expect([batches, turns.armed]).toEqual([[], 1]);
    turns.turn();
    expect(batches).toEqual([[1, 2]]);
    turns.turn();
    turns.turn();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect([queue.pending, turns.armed]).toEqual([0, 0]);
  });

  it('asks for the detail only while few wait, and past maxPending drops the request and says so once', () => {
    const turns = manualTurns();
    const warnings: string[] = [];
    const queue = createRecordingQueue<number>({
      write: () => undefined,
      schedule: turns.schedule,
      maxPendingDetail: 2,
      maxPending: 3,
      warn: (line) => warnings.push(line),
    });
    const wanted = [1, 2, 3].map((n) => {
      const detail = queue.wantsDetail();
      queue.push(n);
      return detail;
    });
    expect(wanted).toEqual([true, true, false]);
    expect([queue.push(4), queue.push(5), queue.dropped, warnings.length]).toEqual([false, false, 2, 1]);
    turns.turn();
    expect([queue.wantsDetail(), queue.push(6)]).toEqual([true, true]);
  });

  it('a failing write loses its batch, never throws to the request path, and is said once', () => {
    const turns = manualTurns();
    const warnings: string[] = [];
    const written: number[][] = [];
    let fail = true;
    const queue = createRecordingQueue<number>({
      write: (batch) => {
        if (fail) throw new Error('disk full');
        written.push(batch);
      },
      schedule: turns.schedule,
      warn: (line) => warnings.push(line),
    });
    queue.push(1);
    turns.turn();
    queue.push(2);
    expect(() => turns.turn()).not.toThrow();
    fail = false;
    queue.push(3);
    queue.flush();
    expect([written, warnings]).toEqual([[[3]], [expect.stringContaining('disk full')]]);
  });
});
