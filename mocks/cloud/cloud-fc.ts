import { randomUUID } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { http, HttpResponse } from 'msw';
import { CLOUD_ACCOUNT, CLOUD_FC_HOST, CODE_OSS_ORIGIN } from './cloud-account';
import { operationFor } from './fc-operations';
import { requestProblems, signatureProblems, type ReceivedRequest } from './signed-request';

/** One request the bff sent out, named by what it was for, with everything found wrong with it. */
export type RecordedCall = { action: string; target: string; problems: string[] };

export const CLOUD_CODE_FILES = { 'index.js': "exports.handler = async () => 'hello';\n", 'server.js': '// web\n' };

function fcError(status: number, code: string, message: string) {
  const requestId = randomUUID();
  return HttpResponse.json(
    { Code: code, Message: message, RequestId: requestId },
    { status, headers: { 'x-fc-request-id': requestId } },
  );
}

/**
 * Function Compute 3.0 as the bff meets it in the cloud, for MSW: its endpoint (which checks each
 * call's signature with `secret` and its shape against the SDK's models), the trigger URLs and the
 * OSS link of a code package. Every request is recorded; a call found wrong is also answered as FC
 * would (400/403), so the bff sees the refusal the real service would give.
 */
export function createCloudFc(secret: string = CLOUD_ACCOUNT.accessKeySecret) {
  const calls: RecordedCall[] = [];
  /** The endpoint each FC operation was sent to (the region selector changes it). */
  const hosts: string[] = [];
  const nonces = new Set<string>();

  function fcCall(request: ReceivedRequest) {
    const target = `${request.method} ${request.url.pathname}${request.url.search}`;
    const found = operationFor(request.method, request.url.pathname);
    if (!found) {
      calls.push({ action: 'unknown', target, problems: [`FC 3.0 has no ${target}`] });
      return fcError(404, 'RouteNotFound', `No route for ${target}.`);
    }
    const { operation, params } = found;
    const signature = signatureProblems(request, secret);
    const nonce = request.headers.get('x-acs-signature-nonce') ?? '';
    if (nonces.has(nonce)) signature.push('x-acs-signature-nonce used twice');
    nonces.add(nonce);
    const { problems, body } = requestProblems(request, operation);
    calls.push({ action: operation.action, target, problems: [...signature, ...problems] });
    hosts.push(request.url.host);
    if (signature.length > 0) return fcError(403, 'SignatureNotMatch', signature.join('; '));
    if (problems.length > 0) return fcError(400, 'InvalidArgument', problems.join('; '));

    const answer = operation.answer(params, body);
    const headers = { 'x-fc-request-id': randomUUID(), ...answer.headers };
    if (answer.body === undefined) return new HttpResponse(null, { status: answer.status, headers });
    if (typeof answer.body === 'string') return new HttpResponse(answer.body, { status: answer.status, headers });
    return HttpResponse.json(answer.body, { status: answer.status, headers });
  }

  /** A trigger URL: the `signed` trigger takes Signature Authentication, the others none. */
  function triggerCall(request: ReceivedRequest) {
    const target = `${request.method} ${request.url.href}`;
    const problems: string[] = [];
    if (request.url.protocol !== 'https:') problems.push(`sent over ${request.url.protocol}, not https`);
    const signedTrigger = request.url.hostname.includes('-signed-');
    if (signedTrigger) problems.push(...signatureProblems(request, secret));
    else if (request.headers.has('authorization'))
      problems.push('an Authorization header sent to an anonymous trigger');
    calls.push({ action: signedTrigger ? 'SignedTriggerRequest' : 'TriggerRequest', target, problems });
    if (problems.length > 0) return fcError(403, 'AccessDenied', problems.join('; '));
    return new HttpResponse('hello over https', {
      headers: {
        'content-type': 'text/plain',
        'x-fc-request-id': randomUUID(),
        'x-fc-code-checksum': '1427561391739524718',
      },
    });
  }

  function codeDownload(request: ReceivedRequest) {
    const problems = request.headers.has('authorization')
      ? ['an Authorization header sent to OSS with a signed URL']
      : [];
    calls.push({ action: 'DownloadCode', target: `${request.method} ${request.url.href}`, problems });
    const zip = zipSync(
      Object.fromEntries(Object.entries(CLOUD_CODE_FILES).map(([name, text]) => [name, strToU8(text)])),
    );
    return new HttpResponse(zip, { headers: { 'content-type': 'application/zip' } });
  }

  const handler = http.all('*', async ({ request }) => {
    const received: ReceivedRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: new Uint8Array(await request.arrayBuffer()),
    };
    const { url } = received;
    const leaked =
      [...received.headers].some(([, v]) => v.includes(secret)) || Buffer.from(received.body).includes(secret);
    if (leaked)
      calls.push({
        action: 'leak',
        target: `${request.method} ${url.href}`,
        problems: ['the AccessKey secret sent in clear'],
      });
    if (url.host === CLOUD_FC_HOST || url.hostname.endsWith('.fc.aliyuncs.com')) return fcCall(received);
    if (url.hostname.endsWith('.fcapp.run')) return triggerCall(received);
    if (url.origin === CODE_OSS_ORIGIN) return codeDownload(received);
    calls.push({
      action: 'elsewhere',
      target: `${request.method} ${url.href}`,
      problems: [`a request to ${url.origin}`],
    });
    return fcError(502, 'Unreachable', `${url.origin} is not part of Function Compute.`);
  });

  return { handlers: [handler], calls, hosts };
}
