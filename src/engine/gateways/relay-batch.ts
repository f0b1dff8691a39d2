import type { PostedBatch } from '../recording/recording-message';

/**
 * A packed batch as Node's JSON IPC carries it: the bodies' one buffer as base64 (JSON has no
 * binary, and an ArrayBuffer would arrive as `{}`), the values as they are (strings, numbers,
 * booleans; an absent field, `undefined`, arrives as `null`).
 */
export type RelayedBatch = { count: number; values: unknown[]; bodies: string; now: number };

export function toRelayed(packed: PostedBatch): RelayedBatch {
  return {
    count: packed.count,
    values: packed.values,
    bodies: Buffer.from(packed.bodies).toString('base64'),
    now: packed.now,
  };
}

/**
 * The batch as `packObservations` made it, for the recording thread: nulls back to `undefined` (no
 * packed value is null), the bodies decoded into a buffer of their own, which is transferred to
 * the thread (a small decoded Buffer is a slice of Node's shared pool: never transfer that).
 * Undefined when the message is not a batch.
 */
export function fromRelayed(message: unknown): PostedBatch | undefined {
  if (!isRelayedBatch(message)) return undefined;
  const { values } = message;
  for (let i = 0; i < values.length; i++) if (values[i] === null) values[i] = undefined;
  const bodies = Buffer.alloc(Buffer.byteLength(message.bodies, 'base64'));
  bodies.write(message.bodies, 'base64');
  return { count: message.count, values, bodies: bodies.buffer as ArrayBuffer, now: message.now };
}

function isRelayedBatch(message: unknown): message is RelayedBatch {
  if (typeof message !== 'object' || message === null) return false;
  const { count, values, bodies, now } = message as Partial<RelayedBatch>;
  return Number.isInteger(count) && Array.isArray(values) && typeof bodies === 'string' && typeof now === 'number';
}
