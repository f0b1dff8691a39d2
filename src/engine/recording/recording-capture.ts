import { performance } from 'node:perf_hooks';
import { RECORDING_DEFAULTS } from '../../contract/recorded-request';
import type { RecordingLimits } from '../config';
import { observeRequest, type GatewayRecorder, type Observation } from './capture';
import { packObservations } from './captured-request';
import type { PostedBatch } from './recording-message';
import { createRecordingQueue, type RecordingQueueOptions } from './recording-queue';

/** How a gateway captures requests: the same in the primary and in a gateway process. */
export type CaptureSettings = {
  limits: RecordingLimits;
  /** Epoch ms (the request's time, the metrics' minute) and a monotonic ms (durations); injectable for tests. */
  clock?: { now(): number; elapsed(): number };
  bodyBytes?: number;
  queue?: Pick<
    RecordingQueueOptions<Observation>,
    'schedule' | 'maxPending' | 'maxPendingDetail' | 'maxBatch' | 'warn'
  >;
};

export type Capture = {
  /** The gateway's hook; undefined when recording is off (0 requests per function). */
  gateway: GatewayRecorder | undefined;
  /** Packs and hands on everything waiting now. */
  flush(): void;
};

/**
 * The gateway's side of recording: observations go into the bounded queue, and each batch is packed
 * (`packObservations`) and handed to `write`: the recording thread in the primary, the relay to the
 * primary in a gateway process. `backlog` counts what was handed on and not yet stored: past the
 * queue's bounds, detail and then requests are dropped, never a request's answer.
 */
export function createCapture(
  settings: CaptureSettings & { write(packed: PostedBatch, count: number): void; backlog(): number },
): Capture {
  const clock = settings.clock ?? { now: Date.now, elapsed: () => performance.now() };
  const write = (batch: Observation[]) => settings.write(packObservations(batch, clock.now()), batch.length);
  const queue = createRecordingQueue<Observation>({ ...settings.queue, write, backlog: settings.backlog });
  const sink = {
    ...clock,
    wantsDetail: queue.wantsDetail,
    push: queue.push,
    bodyBytes: settings.bodyBytes ?? RECORDING_DEFAULTS.bodyBytes,
  };
  const gateway: GatewayRecorder | undefined =
    settings.limits.perFunction > 0
      ? { observe: (req, res, requestId, seen) => observeRequest(req, res, requestId, seen, sink) }
      : undefined;
  return { gateway, flush: queue.flush };
}
