import type { Readable } from 'node:stream';

/** The whole of a stream, or undefined when it fails. */
export async function readWhole(stream: Readable): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}
