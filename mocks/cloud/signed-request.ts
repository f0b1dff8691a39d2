import type { z } from 'zod';
import { ACS3_ALGORITHM, sha256Hex, verifyAcs3, type HeaderValue } from '../../src/contract/acs3-signature';
import { describeIssues } from '../../src/contract/validation-messages';
import { CLOUD_ACCOUNT, CLOUD_FC_HOSTS } from './cloud-account';
import type { FcOperation } from './fc-operations';

export type ReceivedRequest = { method: string; url: URL; headers: Headers; body: Uint8Array };

const AUTHORIZATION = new RegExp(
  `^${ACS3_ALGORITHM} Credential=(?<id>[^,]+),SignedHeaders=(?<signed>[a-z0-9;-]+),Signature=[0-9a-f]{64}$`,
);
const ACS_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The headers as signed: Fetch's Headers drops `host`, which the client sent as the URL's host. */
function headerRecord(request: ReceivedRequest): Record<string, HeaderValue> {
  return { host: request.url.host, ...Object.fromEntries(request.headers) };
}

/**
 * What is wrong with a request signed as the SDK signs it (empty when nothing): the Authorization's
 * form, the AccessKey ID, the headers it must cover, the body hash and the signature itself, which
 * must verify with `secret`.
 */
export function signatureProblems(request: ReceivedRequest, secret: string): string[] {
  const problems: string[] = [];
  const authorization = request.headers.get('authorization') ?? '';
  const match = AUTHORIZATION.exec(authorization);
  if (!match)
    return [`Authorization is not "${ACS3_ALGORITHM} Credential=…,SignedHeaders=…,Signature=…": ${authorization}`];
  if (match.groups!.id !== CLOUD_ACCOUNT.accessKeyId) problems.push(`signed with the AccessKey ${match.groups!.id}`);
  const signed = match.groups!.signed!.split(';');
  for (const name of ['host', 'x-acs-date', 'x-acs-content-sha256', 'x-acs-signature-nonce'])
    if (!signed.includes(name)) problems.push(`SignedHeaders leaves out ${name}`);
  if (!ACS_DATE.test(request.headers.get('x-acs-date') ?? '')) problems.push('x-acs-date is not yyyy-MM-ddTHH:mm:ssZ');
  if (request.headers.get('x-acs-content-sha256') !== sha256Hex(request.body))
    problems.push('x-acs-content-sha256 is not the hash of the body sent');
  const verified = verifyAcs3(
    {
      method: request.method,
      rawPath: request.url.pathname,
      query: request.url.search.slice(1),
      headers: headerRecord(request),
      body: request.body,
    },
    (id) => (id === CLOUD_ACCOUNT.accessKeyId ? secret : undefined),
  );
  if (!verified.ok) problems.push(`${verified.code}: ${verified.message}`);
  return problems;
}

function parsedProblems(what: string, schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : [`${what}: ${describeIssues(parsed.error.issues)}`];
}

function jsonOf(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return Symbol('not JSON');
  }
}

/** Everything a call to FC 3.0's endpoint must get right besides its signature: where, what, how. */
export function requestProblems(
  request: ReceivedRequest,
  operation: FcOperation,
): { problems: string[]; body: unknown } {
  const { url, headers } = request;
  const problems: string[] = [];
  if (url.protocol !== 'https:') problems.push(`sent over ${url.protocol}, not https`);
  if (!CLOUD_FC_HOSTS.has(url.host)) problems.push(`sent to ${url.host}, not the account's endpoint in an FC region`);
  if (headers.get('x-acs-version') !== '2023-03-30') problems.push(`x-acs-version ${headers.get('x-acs-version')}`);
  if (headers.get('x-acs-action') !== operation.action) problems.push(`x-acs-action ${headers.get('x-acs-action')}`);
  if (!headers.get('x-acs-signature-nonce')) problems.push('no x-acs-signature-nonce');
  problems.push(...parsedProblems('query', operation.query, Object.fromEntries(url.searchParams)));
  const fcHeaders = Object.fromEntries([...headers].filter(([name]) => name.startsWith('x-fc-')));
  if (operation.fcHeaders) problems.push(...parsedProblems('x-fc-* headers', operation.fcHeaders, fcHeaders));
  else if (Object.keys(fcHeaders).length > 0) problems.push(`unexpected headers ${Object.keys(fcHeaders).join(', ')}`);

  const contentType = headers.get('content-type');
  let body: unknown;
  if (operation.body === undefined) {
    if (request.body.length > 0) problems.push(`a body of ${request.body.length} bytes where FC takes none`);
  } else if (operation.body === 'bytes') {
    if (contentType !== 'application/octet-stream') problems.push(`content-type ${contentType} for a payload`);
    body = request.body;
  } else {
    if (contentType !== 'application/json; charset=utf-8') problems.push(`content-type ${contentType} for JSON`);
    body = jsonOf(request.body);
    problems.push(...parsedProblems('body', operation.body, body));
  }
  return { problems, body };
}
