import { beforeEach, describe, expect, it } from 'vitest';
import { recordedRow } from './fixtures/recorded-rows';
import { recordedRequests } from './recorded-requests';

describe('the mock’s recorded requests', () => {
  beforeEach(() => recordedRequests.reset());

  it('records each request once, as the engine does: recording it again is refused, not listed twice', () => {
    const row = recordedRow({ path: '/before' });
    // @ts-expect-error a row that has its seq is already recorded
    expect(() => recordedRequests.record(row)).toThrow(`request ${row.requestId} of hello-world is already recorded`);
    const { seq: _seq, ...again } = row;
    expect(() => recordedRequests.record(again)).toThrow('already recorded');
    expect(recordedRequests.rows.map((kept) => [kept.requestId, kept.seq])).toEqual([[row.requestId, 1]]);
  });

  it('records the same request id under another function', () => {
    const row = recordedRow();
    const { seq: _seq, ...again } = row;
    expect(recordedRequests.record({ ...again, functionName: 'another' }).seq).toBe(2);
  });
});
