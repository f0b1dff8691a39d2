import { Readable } from 'node:stream';
import * as $dara from '@darabonba/typescript';
import type { Harness } from '../../src/engine/conformance/harness';
import { $FC } from '../../src/engine/openapi/testing/engine-kit';

/** InvokeFunction as fc3's `s invoke` sends it: a payload stream, the x-fc-* headers it names. */
export const invoke = (h: Harness, fn: string, headers: Partial<$FC.InvokeFunctionHeaders> = {}, qualifier?: string) =>
  h.client.invokeFunctionWithOptions(
    fn,
    new $FC.InvokeFunctionRequest({ body: Readable.from([Buffer.from('{}')]), qualifier }),
    new $FC.InvokeFunctionHeaders(headers),
    new $dara.RuntimeOptions({}),
  );

/** Asks until `read` answers something `done` accepts (an async task reaching its end); 20 s at most. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
