/** Chunks up to this size are copied into a staging buffer of {@link STAGING_BYTES}, not kept one entry each. */
const SMALL_CHUNK = 512;
const STAGING_BYTES = 4096;

/**
 * The first `bound` bytes of what is written, and the count of all of it. A chunk that fits is kept
 * by reference (`data()` copies, in the batch writer) while the buffers behind the chunks so kept stay
 * under twice the bound; past that, or for a larger chunk, the part kept is copied: whatever the
 * length of the body, a tee holds at most three times its bound (and one staging buffer). A first
 * small chunk is copied to its size (most bodies are one: no staging buffer for them); the next small
 * chunks are gathered into staging and empty ones skipped, so a body streamed a byte at a time keeps a
 * few entries, not one per chunk: about `bound / 256` at most.
 */
export class BoundedTee {
  size = 0;
  private kept = 0;
  /** Bytes of the buffers behind the chunks kept by reference: at most twice the bound. */
  private held = 0;
  private readonly parts: Array<Uint8Array | string> = [];
  private readonly encodings: BufferEncoding[] = [];
  private staging: Buffer | undefined;
  private staged = 0;

  constructor(private readonly bound: number) {}

  /** A chunk as `write`/`end` take it: a string (in `encoding`), a Buffer or Uint8Array, or a callback (ignored). */
  add(chunk: unknown, encoding?: unknown): void {
    if (typeof chunk === 'string') {
      if (!chunk.length) return;
      const enc = encodingOf(encoding);
      const length = Buffer.byteLength(chunk, enc);
      if (this.kept < this.bound && length <= SMALL_CHUNK) this.stage(Buffer.from(chunk, enc), true);
      else if (this.kept < this.bound) {
        const whole = length <= this.bound - this.kept;
        this.keep(whole ? chunk : Buffer.from(chunk.slice(0, this.bound - this.kept), enc), enc, whole ? length : 0);
      }
      this.size += length;
    } else if (chunk instanceof Uint8Array && chunk.byteLength > 0) {
      const room = this.bound - this.kept;
      if (room > 0 && chunk.byteLength <= SMALL_CHUNK) this.stage(chunk, false);
      else if (room > 0) {
        const byReference = chunk.byteLength <= room && this.held + chunk.buffer.byteLength <= this.bound * 2;
        if (byReference) this.held += chunk.buffer.byteLength;
        this.keep(byReference ? chunk : Buffer.from(chunk.subarray(0, room)), 'utf8', 0);
      }
      this.size += chunk.byteLength;
    }
  }

  /** How many parts it holds (staging included): bounded whatever the chunks written. */
  get entries(): number {
    return this.parts.length + (this.staged > 0 ? 1 : 0);
  }

  data(): Buffer {
    this.flush();
    const buffers = this.parts.map((part, i) =>
      typeof part === 'string'
        ? Buffer.from(part, this.encodings[i])
        : Buffer.from(part.buffer, part.byteOffset, part.byteLength),
    );
    const data = buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers);
    return data.subarray(0, this.bound);
  }

  /** `owned`: `bytes` is a copy made for the tee, which it may keep as is. */
  private stage(bytes: Uint8Array, owned: boolean): void {
    const part = bytes.subarray(0, this.bound - this.kept);
    if (this.parts.length === 0 && this.staged === 0) return this.keep(owned ? part : Buffer.from(part), 'utf8', 0);
    this.staging ??= Buffer.alloc(Math.min(STAGING_BYTES, this.bound));
    if (this.staged + part.byteLength > this.staging.byteLength) this.flush();
    this.staging.set(part, this.staged);
    this.staged += part.byteLength;
    this.kept += part.byteLength;
  }

  /** The staged bytes become one part, copied to their length (the staging buffer is reused). */
  private flush(): void {
    if (this.staged === 0) return;
    this.parts.push(Buffer.from(this.staging!.subarray(0, this.staged)));
    this.encodings.push('utf8');
    this.staged = 0;
  }

  private keep(part: Uint8Array | string, encoding: BufferEncoding, byteLength: number): void {
    this.flush();
    this.parts.push(part);
    this.encodings.push(encoding);
    this.kept += typeof part === 'string' ? byteLength : part.byteLength;
  }
}

function encodingOf(encoding: unknown): BufferEncoding {
  return typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
}
