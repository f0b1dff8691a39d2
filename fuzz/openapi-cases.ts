import { newDraft, type Draft } from './draft';
import { signedHeaders, type EngineKeys } from './engine-keys';
import { invalidSegment, mutateJson } from './json-mutations';
import { ANY_BYTE, PRINTABLE, type Random } from './random';
import { API, OPERATIONS } from './openapi-operations';
import type { Targets } from './targets';

export type OpenApiDraft = { kind: string; detail: string; draft: Draft };

const PATH_NOISE = [
  '%zz',
  '%',
  '..',
  '%2e%2e',
  'a%2Fb',
  '%00',
  '%C0%AF',
  '%FF',
  '.',
  '',
  '%E4%BD%A0',
  ';x',
  'x?y',
  '//',
];

function mutatePath(path: string, rng: Random): { path: string; detail: string } {
  const segments = path.split('/');
  switch (rng.int(0, 3)) {
    case 0: {
      const at = rng.int(2, segments.length - 1);
      segments[at] = rng.chance(0.5) ? rng.pick(PATH_NOISE) : invalidSegment(rng);
      return { path: segments.join('/'), detail: `segment ${at} = ${JSON.stringify(segments[at]!.slice(0, 30))}` };
    }
    case 1:
      return { path: `${path}/${rng.pick(['extra', 'x/y/z', '..', '%2F'])}`, detail: 'extra segments' };
    case 2:
      return {
        path: rng.pick([
          '/',
          '/2023-03-30',
          '/2023-03-30/',
          '/2023-03-30/unknown',
          '/2016-08-15/services',
          `${API}//`,
          `/${rng.string(rng.int(1, 30), ANY_BYTE)}`,
        ]),
        detail: 'unknown route',
      };
    default:
      return { path: `${path}${'/'.repeat(rng.int(1, 3))}`, detail: 'trailing slashes' };
  }
}

type Signing = 'signed' | 'unsigned' | 'bad-signature';

function sign(
  d: Draft,
  rawPath: string,
  rawQuery: string,
  host: string,
  keys: EngineKeys,
  rng: Random,
): { signing: Signing; note: string } {
  const signing: Signing = rng.pick([
    'signed',
    'signed',
    'signed',
    'signed',
    'signed',
    'unsigned',
    'bad-signature',
    'bad-signature',
  ]);
  if (signing === 'unsigned') return { signing, note: 'unsigned' };
  const contentType = d.headers.find(([n]) => n === 'content-type')?.[1];
  const variant =
    signing === 'signed'
      ? 'valid'
      : rng.pick([
          'wrong secret',
          'unknown key',
          'stale date',
          'future date',
          'garbage Authorization',
          'no date',
          'hash mismatch',
          'body changed',
        ]);
  const now =
    variant === 'stale date'
      ? Date.now() - 20 * 60_000
      : variant === 'future date'
        ? Date.now() + 20 * 60_000
        : Date.now();
  const useKeys =
    variant === 'wrong secret'
      ? { ...keys, accessKeySecret: 'x'.repeat(30) }
      : variant === 'unknown key'
        ? { ...keys, accessKeyId: 'LTAIunknownunknown00' }
        : keys;
  const headers = signedHeaders(
    {
      method: d.method,
      rawPath,
      rawQuery,
      host,
      headers: contentType ? { 'content-type': contentType } : {},
      body: d.body,
    },
    useKeys,
    now,
  );
  for (const [name, value] of Object.entries(headers))
    if (name !== 'host' && name !== 'content-type') d.headers.push([name, value]);
  const set = (name: string, value: string | undefined) => {
    d.headers = d.headers.filter(([n]) => n.toLowerCase() !== name);
    if (value !== undefined) d.headers.push([name, value]);
  };
  if (variant === 'garbage Authorization')
    set(
      'authorization',
      rng.pick([
        'ACS3-HMAC-SHA256',
        'x',
        `ACS3-HMAC-SHA256 Credential=${keys.accessKeyId},SignedHeaders=,Signature=zz`,
        rng.string(rng.int(1, 300), PRINTABLE),
      ]),
    );
  if (variant === 'no date') set('x-acs-date', undefined);
  if (variant === 'hash mismatch') set('x-acs-content-sha256', '0'.repeat(64));
  if (variant === 'body changed') d.body = Buffer.concat([d.body, Buffer.from(' ')]);
  return { signing, note: variant };
}

export function openApiDraft(rng: Random, targets: Targets): OpenApiDraft {
  const op = rng.pick(OPERATIONS);
  let rawPath = op.path(rng);
  const rawQuery = op.query?.(rng) ?? '';
  const notes: string[] = [op.name];
  let kind = 'valid';
  if (rng.chance(0.15)) {
    const mutated = mutatePath(rawPath, rng);
    rawPath = mutated.path;
    kind = 'path';
    notes.push(mutated.detail);
  } else if (rawQuery !== '') kind = 'query';
  let body = Buffer.alloc(0);
  if (op.body) {
    const mutated =
      op.payload && rng.chance(0.5)
        ? { kind: 'payload-bytes', text: rng.string(rng.size(100_000), ANY_BYTE), detail: 'random payload' }
        : mutateJson(op.body(rng), rng);
    body = Buffer.from(mutated.text, mutated.kind === 'payload-bytes' ? 'latin1' : 'utf8');
    if (kind === 'valid') kind = mutated.kind;
    notes.push(mutated.detail);
  }
  if (rng.chance(0.03)) {
    // Is a body read whole before its signature is checked? The engine's peak RSS tells.
    const mb = rng.pick([7, 30, 60]);
    body = Buffer.from(`{"functionName":"fuzz_tmp_1","code":{"zipFile":"${'A'.repeat(mb * 1024 * 1024)}"}}`);
    kind = 'huge-body';
    notes.push(`a ${mb} MB body`);
  }
  const host = `127.0.0.1:${targets.enginePort}`;
  const headers: Array<[string, string]> = [['host', host]];
  if (op.body) headers.push(['content-type', 'application/json']);
  if (op.payload)
    headers.push(
      ['x-fc-invocation-type', rng.pick(['Sync', 'Sync', 'Async', 'async', 'Nope'])],
      ['x-fc-log-type', rng.pick(['None', 'Tail', 'Nope'])],
    );
  const d = newDraft(op.method, rawQuery ? `${rawPath}?${rawQuery}` : rawPath, headers, body);
  const { signing, note } = sign(d, rawPath, rawQuery, host, targets.keys, rng);
  d.headers.push(['content-length', String(d.body.length)], ['connection', 'close']);
  return { kind: `${signing}:${kind}`, detail: `${notes.join(', ')} (${note})`, draft: d };
}
