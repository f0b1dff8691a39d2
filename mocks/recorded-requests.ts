import type { RecordedRequest } from '../src/contract/recorded-request';

/**
 * What the mock gateway answered, recorded in the engine's shapes (src/contract/recorded-request.ts)
 * for the Requests inspector and Monitoring handlers. Newest last; one per test run (reset with fcState).
 */
export const recordedRequests = {
  rows: [] as RecordedRequest[],
  seq: 0,
  record(row: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    const stored = { ...row, seq: ++this.seq };
    this.rows.push(stored);
    return stored;
  },
  reset(): void {
    this.rows = [];
    this.seq = 0;
  },
};
