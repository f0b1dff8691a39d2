/**
 * The first `bound` bytes of what is written, and the count of all of it. A chunk that fits is kept
 * by reference (`data()` copies, in the batch writer) while the buffers behind the chunks so kept stay
 * under twice the bound; past that, or for a larger chunk, the part kept is copied: whatever the
 * length of the body, a tee holds at most three times its bound.
 */
export class BoundedTee {
  size = 0;
  private kept = 0;
  /** Bytes of the buffers behind the chunks kept by reference: at most twice the bound. */
  private held = 0;
  private readonly parts: Array<Uint8Array | string> = [];
  private readonly encodings: BufferEncoding[] = [];

  constructor(private readonly bound: number) {}

  /** A chunk as `write`/`end` take it: a string (in `encoding`), a Buffer or Uint8Array, or a callback (ignored). */
  add(chunk: unknown, encoding?: unknown): void {
    if (typeof chunk === 'string') {
      if (!chunk.length) return;
      const enc = encodingOf(encoding);
      const length = Buffer.byteLength(chunk, enc);
      if (this.kept < this.bound) {
        const whole = length <= this.bound - this.kept;
        this.keep(whole ? chunk : Buffer.from(chunk.slice(0, this.bound - this.kept), enc), enc, whole ? length : 0);
      }
      this.size += length;
    } else if (chunk instanceof Uint8Array) {
      const room = this.bound - this.kept;
      if (room > 0) {
        const byReference = chunk.byteLength <= room && this.held + chunk.buffer.byteLength <= this.bound * 2;
        if (byReference) this.held += chunk.buffer.byteLength;
        this.keep(byReference ? chunk : Buffer.from(chunk.subarray(0, room)), 'utf8', 0);
      }
      this.size += chunk.byteLength;
    }
  }

  data(): Buffer {
    const buffers = this.parts.map((part, i) =>
      typeof part === 'string'
        ? Buffer.from(part, this.encodings[i])
        : Buffer.from(part.buffer, part.byteOffset, part.byteLength),
    );
    const data = buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers);
    return data.subarray(0, this.bound);
  }

  private keep(part: Uint8Array | string, encoding: BufferEncoding, byteLength: number): void {
    this.parts.push(part);
    this.encodings.push(encoding);
    this.kept += typeof part === 'string' ? byteLength : part.byteLength;
  }
}

function encodingOf(encoding: unknown): BufferEncoding {
  return typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
}
