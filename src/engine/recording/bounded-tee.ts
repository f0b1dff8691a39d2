/**
 * A copy of the first `bound` bytes of what is written, and the count of all of it: a response of
 * any length costs at most `bound` bytes of memory.
 */
export class BoundedTee {
  size = 0;
  private kept = 0;
  private readonly chunks: Buffer[] = [];

  constructor(private readonly bound: number) {}

  /** A chunk as `write`/`end` take it: a string (in `encoding`), a Buffer or Uint8Array, or a callback (ignored). */
  add(chunk: unknown, encoding?: unknown): void {
    if (typeof chunk === 'string') {
      const length = Buffer.byteLength(chunk, encodingOf(encoding));
      if (this.kept < this.bound) this.keep(Buffer.from(chunk.slice(0, this.bound - this.kept), encodingOf(encoding)));
      this.size += length;
    } else if (chunk instanceof Uint8Array) {
      if (this.kept < this.bound) this.keep(chunk.subarray(0, this.bound - this.kept));
      this.size += chunk.byteLength;
    }
  }

  data(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
  }

  private keep(part: Uint8Array): void {
    const copy = Buffer.from(part.subarray(0, this.bound - this.kept));
    this.chunks.push(copy);
    this.kept += copy.length;
  }
}

function encodingOf(encoding: unknown): BufferEncoding {
  return typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8';
}
