import type { InvocationLogs, KeptInvocationLogs } from '../invoke/invocation-logs';
import { createCapture, type Capture, type CaptureSettings } from '../recording/recording-capture';
import type { RecorderRelay } from '../recording/recorder';
import type { GatewayChannel } from './gateway-channel';
import { fromRelayed, toRelayed } from './relay-batch';

/** The relay's messages on the gateway channel. */
export const RELAY_MESSAGES = {
  /** Request, gateway process to primary: a packed batch (`RelayedBatch`); answered once it is stored. */
  recordings: 'relay.recordings',
  /** Notice, gateway process to primary: `[functionName, requestId, logs][]`, the invocations' logs since the last. */
  logs: 'relay.logs',
  /** Request, primary to gateway process: answered after what waits there was sent (the channel keeps order). */
  flush: 'relay.flush',
  /** Request, gateway process to primary: answered once what was sent before it arrived (at close). */
  sync: 'relay.sync',
} as const;

/** Invocation logs are sent together, this often at most: one message per batch, not one per request. */
const LOGS_EVERY_MS = 10;
/** Log text waiting to be sent past this (the primary behind, a function logging a lot) keeps only its end. */
const PENDING_LOG_BYTES_MAX = 8 * 1024 * 1024;
const LOG_TAIL_CHARS = 4096;
/** What such a log starts with (the runtime's own mark says 1 MB: not this cut). */
export const LOG_TAIL_MARK = '... (log cut to its last 4 KB: too many logs were waiting for the engine)';

/** How long a closing gateway process waits for the primary to take what it sent last. */
export const RELAY_CLOSE_WAIT_MS = 3000;

export type RelayToPrimary = {
  /** The gateway's recorder (its `gateway` hook goes to `createGatewayHandler`). */
  recorder: Capture;
  /** For `withInvocationLogs`: every invocation's log goes to the primary before the answer is written. */
  logs: InvocationLogs;
  /** Sends what waits. */
  flush(): void;
  /**
   * Sends what waits and settles once the primary stored it and took every log sent (or is gone, or
   * past `RELAY_CLOSE_WAIT_MS`): call it after the server closed, before the process exits (an exit
   * drops IPC messages not yet written).
   */
  close(): Promise<void>;
};

/**
 * A gateway process's recording and invocation logs, kept by the primary (one writer of
 * recordings.db). Requests are captured as in the primary, with the same bounds; each packed batch
 * is sent to the primary instead of a thread, and counts against the bounds until the primary
 * stored it. The primary gone, batches and logs are dropped: answers never wait for them.
 */
export function relayToPrimary(channel: GatewayChannel, settings: CaptureSettings): RelayToPrimary {
  let inFlight = 0;
  const sent = new Set<Promise<unknown>>();
  const recorder = createCapture({
    ...settings,
    write(packed, count) {
      inFlight += count;
      const stored = channel.request(RELAY_MESSAGES.recordings, toRelayed(packed)).catch(() => undefined);
      sent.add(stored);
      void stored.then(() => {
        inFlight -= count;
        sent.delete(stored);
      });
    },
    backlog: () => inFlight,
  });
  let pendingLogs: [string, string, string][] = [];
  let pendingLogBytes = 0;
  let logsTimer: NodeJS.Timeout | undefined;
  const sendLogs = () => {
    clearTimeout(logsTimer);
    logsTimer = undefined;
    if (pendingLogs.length === 0) return;
    channel.notify(RELAY_MESSAGES.logs, pendingLogs);
    pendingLogs = [];
    pendingLogBytes = 0;
  };
  // Logs first: a reader's flush is answered after both reached the primary (the channel keeps order).
  const flush = () => {
    sendLogs();
    recorder.flush();
  };
  channel.handle(RELAY_MESSAGES.flush, flush);
  const logs: InvocationLogs = {
    record(functionName, requestId, text) {
      const kept = pendingLogBytes + text.length > PENDING_LOG_BYTES_MAX ? tailOf(text) : text;
      pendingLogs.push([functionName, requestId, kept]);
      pendingLogBytes += kept.length;
      logsTimer ??= setTimeout(sendLogs, LOGS_EVERY_MS);
    },
    // Read in the primary only: a gateway process forwards every OpenAPI request there.
    get: () => undefined,
  };
  const close = async () => {
    flush();
    const taken = [...sent, channel.request(RELAY_MESSAGES.sync).catch(() => undefined)];
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise((resolve) => (timer = setTimeout(resolve, RELAY_CLOSE_WAIT_MS)));
    await Promise.race([Promise.all(taken), waited]);
    clearTimeout(timer);
  };
  return { recorder, logs, flush, close };
}

/**
 * The primary's side of one gateway process: its batches go to the recording thread, its logs to
 * the primary's, and every reader (`recorder.list/get/metrics/flush`, GetInvocationLogs) asks it
 * to flush first. Answers a function that stops relaying from it (call it when the process is gone;
 * until then a closed channel is skipped anyway).
 */
export function acceptRelay(
  channel: GatewayChannel,
  recorder: { relayed: RecorderRelay },
  logs: KeptInvocationLogs,
): () => void {
  channel.handle(RELAY_MESSAGES.recordings, (message) => {
    const packed = fromRelayed(message);
    return packed && recorder.relayed.write(packed, packed.count);
  });
  channel.handle(RELAY_MESSAGES.logs, (message) => {
    if (!Array.isArray(message)) return;
    for (const entry of message as unknown[]) {
      if (!Array.isArray(entry)) continue;
      const [functionName, requestId, text] = entry as unknown[];
      if (typeof functionName === 'string' && typeof requestId === 'string' && typeof text === 'string')
        logs.record(functionName, requestId, text);
    }
  });
  channel.handle(RELAY_MESSAGES.sync, () => true);
  const flush = () => (channel.closed ? Promise.resolve() : channel.request(RELAY_MESSAGES.flush));
  const stopRecordings = recorder.relayed.from(flush);
  const stopLogs = logs.relayed.add(flush);
  return () => {
    stopRecordings();
    stopLogs();
  };
}

/** The end of a log that arrived while too much waited to be sent, marked as cut. */
function tailOf(text: string): string {
  return text.length <= LOG_TAIL_CHARS ? text : `${LOG_TAIL_MARK}\n${text.slice(-LOG_TAIL_CHARS)}`;
}
