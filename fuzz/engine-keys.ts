import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentialsFileSchema } from '../src/contract/environment';
import { signAcs3 } from '../src/contract/acs3-signature';

export type EngineKeys = { accessKeyId: string; accessKeySecret: string };

/** The keys the engine wrote to `<dataDir>/credentials.json` at its first start. */
export function readEngineKeys(dataDir: string): EngineKeys {
  const { accessKeyId, accessKeySecret } = credentialsFileSchema.parse(
    JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')),
  );
  return { accessKeyId, accessKeySecret };
}

export type ToSign = {
  method: string;
  /** Path as sent (still percent-encoded) and the raw query without `?`. */
  rawPath: string;
  rawQuery: string;
  host: string;
  headers: Record<string, string>;
  body: Uint8Array;
};

/** The headers to send for a request signed as the SDK signs it (host included). */
export function signedHeaders(request: ToSign, keys: EngineKeys, now = Date.now()): Record<string, string> {
  return signAcs3(
    {
      method: request.method,
      rawPath: request.rawPath,
      query: request.rawQuery,
      headers: { host: request.host, ...request.headers },
      body: request.body,
    },
    keys,
    now,
  );
}

/** One signed OpenAPI call over fetch: the fuzzer's own set-up, not a fuzzed request. */
export async function callOpenApi(
  port: number,
  keys: EngineKeys,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const bytes = body === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(body));
  const headers = signedHeaders(
    {
      method,
      rawPath: path,
      rawQuery: '',
      host: `127.0.0.1:${port}`,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: bytes,
    },
    keys,
  );
  delete headers.host; // fetch sends the same Host itself and refuses to be given one
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : bytes,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
