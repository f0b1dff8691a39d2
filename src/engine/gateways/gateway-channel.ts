/**
 * The engine's gateway processes talk over Node's IPC channel (decision 044): the primary owns the
 * instance cap, recordings.db and the invocation logs; a second gateway asks and tells it. Both
 * ends are the engine's own code, so messages are typed, not parsed; a request that outlives the
 * other end (it exited) is answered with an error rather than left waiting.
 */

/** What carries the messages: a ChildProcess, `process` in the child, or a test pair. */
export type ChannelEndpoint = {
  send(message: unknown): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
};

export type GatewayChannel = {
  /** Asks the other end; settles with what its handler for `type` returned. */
  request<T = unknown>(type: string, payload?: unknown): Promise<T>;
  /**
   * Asks the other end, settling with `fallback` when it is gone, refuses, or has not answered within
   * `ms` (the request is then forgotten: a late answer is dropped).
   */
  requestWithin<T>(type: string, payload: unknown, ms: number, fallback: T): Promise<T>;
  /** Tells the other end; nothing comes back. Messages arrive in the order they were sent. */
  notify(type: string, payload?: unknown): void;
  /** Serves `type` (one handler per type); a thrown error or rejection is the request's rejection. */
  handle(type: string, handler: (payload: unknown) => unknown): void;
  /** Pending requests are rejected from now on; called when the other end is gone. */
  close(reason?: string): void;
  readonly closed: boolean;
};

type Envelope =
  | { k: 'n'; type: string; payload: unknown }
  | { k: 'q'; id: number; type: string; payload: unknown }
  | { k: 'a'; id: number; ok: true; value: unknown }
  | { k: 'a'; id: number; ok: false; message: string };

const isEnvelope = (message: unknown): message is Envelope =>
  typeof message === 'object' && message !== null && 'k' in message && typeof message.k === 'string';

/** A channel over an IPC endpoint. Messages that are not envelopes are left to other listeners. */
export function channelOver(endpoint: ChannelEndpoint): GatewayChannel {
  const handlers = new Map<string, (payload: unknown) => unknown>();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let closed = false;

  const answer = (envelope: Envelope) => {
    if (!closed) endpoint.send(envelope);
  };

  endpoint.on('message', (message) => {
    if (!isEnvelope(message)) return;
    if (message.k === 'a') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.message));
      return;
    }
    const handler = handlers.get(message.type);
    if (message.k === 'n') {
      handler?.(message.payload);
      return;
    }
    const { id } = message;
    if (!handler) return answer({ k: 'a', id, ok: false, message: `No gateway handler for ${message.type}` });
    Promise.resolve()
      .then(() => handler(message.payload))
      .then(
        (value) => answer({ k: 'a', id, ok: true, value }),
        (error: unknown) =>
          answer({ k: 'a', id, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
  });

  const channel: GatewayChannel = {
    request<T>(type: string, payload?: unknown): Promise<T> {
      if (closed) return Promise.reject(new Error('The other gateway is gone'));
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        endpoint.send({ k: 'q', id, type, payload } satisfies Envelope);
      });
    },
    requestWithin<T>(type: string, payload: unknown, ms: number, fallback: T): Promise<T> {
      if (closed) return Promise.resolve(fallback);
      const id = ++nextId;
      return new Promise<T>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(fallback);
        }, ms);
        const settle = (value: T) => {
          clearTimeout(timer);
          resolve(value);
        };
        pending.set(id, { resolve: (value) => settle(value as T), reject: () => settle(fallback) });
        endpoint.send({ k: 'q', id, type, payload } satisfies Envelope);
      });
    },
    notify(type, payload) {
      if (!closed) endpoint.send({ k: 'n', type, payload } satisfies Envelope);
    },
    handle(type, handler) {
      handlers.set(type, handler);
    },
    close(reason = 'The other gateway is gone') {
      closed = true;
      for (const waiter of pending.values()) waiter.reject(new Error(reason));
      pending.clear();
    },
    get closed() {
      return closed;
    },
  };
  endpoint.on('disconnect', () => channel.close());
  return channel;
}
