import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asyncTaskListQuerySchema, type AsyncTask } from '../../contract/async-task';
import { describeIssues } from '../../contract/validation-messages';
import { createAsyncQueue, type AsyncQueue } from './async-queue';
import { openTestDatabase, removeDatabaseFile, tempDatabaseFile } from './testing/queue-database';

let db: Database.Database;
let queue: AsyncQueue;
let clock: number;
let file: string;

type Answer = { status: number; message?: string; tasks?: AsyncTask[]; nextToken?: string };

/** ListAsyncTasks as the OpenAPI serves it: the URL's query parsed by the contract schema. */
function list(query: Record<string, string>): Answer {
  const parsed = asyncTaskListQuerySchema.safeParse(query);
  if (!parsed.success) return { status: 400, message: describeIssues(parsed.error.issues) };
  const result = queue.list('fn', parsed.data);
  return result.ok ? { status: 200, ...result.value } : { status: result.error.status, message: result.error.message };
}
const ids = (query: Record<string, string>) => list(query).tasks?.map((t) => t.taskId);

beforeEach(async () => {
  clock = 1_000;
  file = tempDatabaseFile();
  db = openTestDatabase(file);
  queue = createAsyncQueue({ db, run: async () => ({ ok: true, returnPayload: '' }), now: () => clock });
  const add = async (taskId: string, qualifier = 'LATEST', functionName = 'fn') => {
    clock += 1_000;
    const result = await queue.enqueue({
      functionName,
      qualifier,
      taskId,
      kind: 'event',
      event: Buffer.from(`payload of ${taskId}`),
    });
    if (!result.ok) throw new Error(result.error.message);
  };
  await add('a_1'); // created at 2000
  await add('ab1', 'prod'); // 3000
  await add('b-1'); // 4000
  await add('b-2', 'prod'); // 5000
  await add('c-1'); // 6000
  await add('x-1', 'LATEST', 'other');
  queue.stopTask('fn', 'b-1');
});

afterEach(() => {
  db.close();
  removeDatabaseFile(file);
});

describe('ListAsyncTasks', () => {
  it("lists the function's tasks, newest first, without payloads by default", () => {
    const page = list({});
    expect(page.tasks?.map((t) => t.taskId)).toEqual(['c-1', 'b-2', 'b-1', 'ab1', 'a_1']);
    expect(page.tasks?.every((t) => t.taskPayload === undefined)).toBe(true);
    expect(page.nextToken).toBeUndefined();
  });

  it('sorts oldest first with sortOrderByTime=asc', () => {
    expect(ids({ sortOrderByTime: 'asc' })).toEqual(['a_1', 'ab1', 'b-1', 'b-2', 'c-1']);
  });

  it('filters by qualifier, status and task id prefix (an underscore is not a wildcard)', () => {
    expect(ids({ qualifier: 'prod' })).toEqual(['b-2', 'ab1']);
    expect(ids({ status: 'Stopped' })).toEqual(['b-1']);
    expect(ids({ status: 'Enqueued', prefix: 'b' })).toEqual(['b-2']);
    expect(ids({ prefix: 'a_' })).toEqual(['a_1']);
  });

  it('filters by time, counting a task that has not run at the time it was accepted', () => {
    expect(ids({ startedTimeBegin: '3000', startedTimeEnd: '5000' })).toEqual(['b-2', 'b-1', 'ab1']);
  });

  it('includes each task payload with includePayload=true', () => {
    expect(list({ includePayload: 'true', prefix: 'c' }).tasks?.[0]?.taskPayload).toBe('payload of c-1');
    expect(list({ includePayload: 'false', prefix: 'c' }).tasks?.[0]?.taskPayload).toBeUndefined();
  });

  it('pages with limit and nextToken, every task once, in both orders', () => {
    for (const sortOrderByTime of ['asc', 'desc']) {
      const seen: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = list({ limit: '2', sortOrderByTime, ...(nextToken ? { nextToken } : {}) });
        expect(page.tasks?.length).toBeLessThanOrEqual(2);
        seen.push(...(page.tasks ?? []).map((t) => t.taskId));
        nextToken = page.nextToken;
      } while (nextToken);
      expect(seen).toEqual(ids({ sortOrderByTime }));
    }
  });

  it('defaults to 20 tasks a page', async () => {
    for (let i = 0; i < 25; i++)
      await queue.enqueue({ functionName: 'fn', taskId: `many-${i}`, kind: 'event', event: Buffer.from('') });
    const page = list({});
    expect(page.tasks).toHaveLength(20);
    expect(page.nextToken).toBeTypeOf('string');
  });

  it('answers 400 naming the field for a bad limit, status or nextToken', () => {
    expect(list({ limit: '101' })).toEqual({ status: 400, message: 'limit: Limit is a whole number from 1 to 100.' });
    expect(list({ status: 'Done' })).toMatchObject({ status: 400, message: expect.stringMatching(/^status: /) });
    expect(list({ nextToken: 'garbage' })).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^nextToken: /),
    });
  });
});
