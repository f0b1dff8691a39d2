import type { RecordedRequest } from '../src/contract/recorded-request';

/** A request to record: the store gives it its seq (a row that has one is already recorded). */
type Unrecorded = Omit<RecordedRequest, 'seq'> & { seq?: never };

/**
 * What the mock gateway answered, recorded in the engine's shapes (src/contract/recorded-request.ts)
 * for the Requests inspector and Monitoring handlers. Newest last; one per test run (reset with fcState).
 */
export const recordedRequests = {
  rows: [] as RecordedRequest[],
  seq: 0,
  record(row: Unrecorded): RecordedRequest {
    // The engine records each request once, under the id its gateway gave it: a second record of the
    // same id (recording what `recordedRow` answered, say) would list one request twice.
    if (this.rows.some((kept) => kept.functionName === row.functionName && kept.requestId === row.requestId))
      throw new Error(`request ${row.requestId} of ${row.functionName} is already recorded`);
    const stored = { ...row, seq: ++this.seq };
    this.rows.push(stored);
    return stored;
  },
  reset(): void {
    this.rows = [];
    this.seq = 0;
  },
};
