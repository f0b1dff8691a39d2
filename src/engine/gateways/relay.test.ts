import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvocationLogs } from '../invoke/invocation-logs';
import type { CapturedRequest } from '../recording/capture';
import { createRecorder, type Recorder } from '../recording/recorder';
import { unpackBatch } from '../recording/recording-message';
import { sendObserved, type ObservedReply } from '../recording/testing/observed-requests';
import { channelOver, type GatewayChannel } from './gateway-channel';
import { acceptRelay, LOG_TAIL_MARK, relayToPrimary, RELAY_MESSAGES } from './relay';
import { fromRelayed } from './relay-batch';
import { channelPair } from './testing/channel-pair';

const LIMITS = { perFunction: 100, totalBytes: 1024 * 1024 };
const CHILD = fileURLToPath(new URL('./testing/relay-child.ts', import.meta.url));

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The primary's recorder and logs, on a data dir of their own. */
function startPrimary() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-relay-'));
  const logs = createInvocationLogs();
  const recorder = createRecorder({ dataDir, limits: LIMITS, logs });
  cleanups.push(
    () => fs.rmSync(dataDir, { recursive: true, force: true }),
    () => recorder.close(),
  );
  return { recorder, logs };
}

/** A gateway process's side, relaying over a channel pair; its requests each leave a log line. */
function startGateway(channel: GatewayChannel) {
  const relay = relayToPrimary(channel, { limits: LIMITS });
  const send = (count: number) =>
    sendObserved(relay.recorder.gateway!, count, {
      beforeAnswer: (requestId) => relay.logs.record('fn', requestId, `log of ${requestId}\n`),
    });
  return { relay, send };
}

/** relay-child.ts: a gateway process's relay alone, over Node's JSON IPC. */
function startChild() {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  cleanups.push(() => {
    child.kill('SIGKILL');
    return exited;
  });
  return { child, channel: channelOver(child), exited };
}

async function expectSeenByPrimary(recorder: Recorder, replies: ObservedReply[]): Promise<void> {
  const { requests } = await recorder.list('fn', {});
  expect(requests.map((r) => r.requestId).sort()).toEqual(replies.map((r) => r.requestId).sort());
  expect(requests[0]).toMatchObject({ functionName: 'fn', triggerName: 'http', status: 200, sourceIp: '127.0.0.1' });
  const detail = await recorder.get('fn', replies[1]!.requestId);
  expect(detail?.request?.body.data).toBe(replies[1]!.body);
  expect(detail?.logs).toBe(`log of ${replies[1]!.requestId}\n`);
}

describe('recordings and logs of a gateway process, relayed to the primary', () => {
  it('are listed by the primary right after their answers, with their logs, and counted in its metrics', async () => {
    const { recorder, logs } = startPrimary();
    const [primary, worker] = channelPair();
    acceptRelay(primary, recorder, logs);
    const gateway = startGateway(worker);
    const replies = await gateway.send(3);
    await expectSeenByPrimary(recorder, replies);
    const metrics = await recorder.metrics('fn', { window: '1h' });
    expect(metrics.buckets.reduce((sum, bucket) => sum + bucket.invocations, 0)).toBe(3);
    // GetInvocationLogs' read: it waits for the gateway process too.
    await logs.relayed.settled();
    expect(logs.get('fn', replies[2]!.requestId)?.logs).toBe(`log of ${replies[2]!.requestId}\n`);
  });

  it('travel over a real process’s JSON IPC: absent fields and bodies arrive as they were captured', async () => {
    const { recorder, logs } = startPrimary();
    const { child, channel, exited } = startChild();
    acceptRelay(channel, recorder, logs);
    const replies = await channel.request<ObservedReply[]>('test.send', 3);
    await expectSeenByPrimary(recorder, replies);
    const detail = await recorder.get('fn', replies[0]!.requestId);
    expect(detail?.errorCode).toBeUndefined();
    expect(detail?.domainName).toBeUndefined();
    expect(detail?.response?.headers).toContainEqual(['x-fc-request-id', replies[0]!.requestId]);

    child.kill('SIGKILL');
    await exited;
    expect((await recorder.list('fn', {})).requests).toHaveLength(3);
  });

  it('reach the primary from a gateway process that exits right after its last answer', async () => {
    const { recorder, logs } = startPrimary();
    const { channel, exited } = startChild();
    acceptRelay(channel, recorder, logs);
    void channel.request('test.send-and-exit', 2).catch(() => undefined);
    expect(await exited).toBe(0);
    const { requests } = await recorder.list('fn', {});
    expect(requests.map((r) => r.requestId).sort()).toEqual(['req-0', 'req-1']);
    expect((await recorder.get('fn', 'req-1'))?.logs).toBe('log of req-1\n');
  });

  it('never hang a reader when the gateway process is gone or does not answer', async () => {
    const { recorder, logs } = startPrimary();
    const gone = channelPair();
    acceptRelay(gone[0], recorder, logs);
    const stuck = channelPair();
    acceptRelay(stuck[0], recorder, logs);
    stuck[1].handle(RELAY_MESSAGES.flush, () => new Promise(() => {}));
    const replies = await startGateway(gone[1]).send(2);
    const ids = replies.map((r) => r.requestId).sort();
    expect((await recorder.list('fn', {})).requests.map((r) => r.requestId).sort()).toEqual(ids);
    gone.disconnect();
    // Stuck and gone, the list answers, and what arrived before the process went is kept.
    expect((await recorder.list('fn', {})).requests.map((r) => r.requestId).sort()).toEqual(ids);
    await expect(logs.relayed.settled()).resolves.toBeUndefined();
  });

  it("keep a log's end only, once the logs waiting to be sent pass their bound", async () => {
    const [primary, worker] = channelPair();
    const sent: Array<[string, string, string]> = [];
    primary.handle(RELAY_MESSAGES.logs, (message) => void sent.push(...(message as Array<[string, string, string]>)));
    const relay = relayToPrimary(worker, { limits: LIMITS });
    const megabyte = (mark: string) => `${mark}${'x'.repeat(1024 * 1024 - 2)}${mark}`;
    // Nine 1 MB logs within one batch: eight fit the 8 MB bound, the ninth keeps its end.
    for (let i = 0; i < 9; i++) relay.logs.record('fn', `req-${i}`, megabyte(String(i)));
    relay.flush();
    await worker.request('unanswered').catch(() => undefined);
    expect(sent.map(([, requestId]) => requestId)).toEqual([...Array(9).keys()].map((i) => `req-${i}`));
    expect(sent.slice(0, 8).every(([, , text], i) => text === megabyte(String(i)))).toBe(true);
    const last = sent[8]![2];
    expect(last.startsWith(LOG_TAIL_MARK)).toBe(true);
    expect(last.endsWith('x8')).toBe(true);
    expect(last.length).toBeLessThan(8 * 1024);
  });

  it('drop their detail, never the request, while the primary has not stored what was sent', async () => {
    const [primary, worker] = channelPair();
    const arrived: CapturedRequest[] = [];
    // A primary that never finishes storing: every batch stays in flight.
    primary.handle(RELAY_MESSAGES.recordings, (message) => {
      arrived.push(...unpackBatch(fromRelayed(message)!));
      return new Promise(() => {});
    });
    const relay = relayToPrimary(worker, { limits: LIMITS, queue: { maxPendingDetail: 1 } });
    await sendObserved(relay.recorder.gateway!, 1);
    relay.flush();
    await sendObserved(relay.recorder.gateway!, 1, { body: 'second' });
    relay.flush();
    await worker.request('unanswered').catch(() => undefined);
    expect(arrived.map((r) => [r.requestId, r.detail !== undefined])).toEqual([
      ['req-0', true],
      ['req-0', false],
    ]);
  });
});
