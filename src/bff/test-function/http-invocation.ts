import * as $FC from '@alicloud/fc20230330';
import type { HttpTestRequest, InvocationResult, InvokeInput } from '../../contract/invocation';
import { LATEST } from '../../contract/names';
import { CONSOLE_REQUEST_HEADER } from '../../contract/recorded-request';
import { utf8Length } from '../../contract/request-limits';
import type { HttpTriggerConfig } from '../../contract/trigger';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { outgoingRequest, type OutgoingRequest } from '../snippets/outgoing-request';
import { placeCredentials } from '../snippets/place-credentials';
import { storedTriggerConfig } from '../views';
import { toInvocationResult } from './invocation-result';
import { logsOf } from './invocation-logs';
import { toResponseBody } from './response-body';
import { sendHttp } from './send-http';

export type InvocationContext = { fcCall: FcCall; mode: 'local' | 'cloud'; functionName: string };

type ChosenTrigger = { triggerName: string; config: HttpTriggerConfig; urlInternet: string; urlIntranet: string };

async function listHttpTriggers(fcCall: FcCall, functionName: string) {
  const triggers: $FC.Trigger[] = [];
  let nextToken: string | undefined;
  do {
    const request = new $FC.ListTriggersRequest({ limit: 100, ...(nextToken ? { nextToken } : {}) });
    const { body } = await fcCall((fc) => fc.listTriggers(functionName, request));
    triggers.push(...(body?.triggers ?? []).filter((t) => t.triggerType === 'http'));
    nextToken = body?.nextToken || undefined;
  } while (nextToken);
  return triggers;
}

/** The named trigger, else the one on LATEST, else the first; with its secrets (GetTrigger answers them). */
async function chooseTrigger(context: InvocationContext, triggerName: string | undefined): Promise<ChosenTrigger> {
  const { fcCall, functionName } = context;
  let name = triggerName;
  if (!name) {
    const triggers = await listHttpTriggers(fcCall, functionName);
    name = (triggers.find((t) => (t.qualifier || LATEST) === LATEST) ?? triggers[0])?.triggerName;
    if (!name)
      throw new FcError(
        404,
        'TriggerNotFound',
        `The function "${functionName}" has no HTTP trigger: test it with an event payload, or create an HTTP trigger.`,
      );
  }
  const { body } = await fcCall((fc) => fc.getTrigger(functionName, name));
  const config = storedTriggerConfig(body ?? {});
  const urls = body?.httpTrigger;
  if (!config || !urls?.urlInternet)
    throw new FcError(502, 'InvalidResponse', `The trigger "${name}" has no HTTP configuration the console can read.`);
  return {
    triggerName: name,
    config,
    urlInternet: urls.urlInternet,
    urlIntranet: urls.urlIntranet ?? urls.urlInternet,
  };
}

/** The placed request as Node sends it: Basic credentials become their header, a repeated name stays repeated. */
function onTheWire(request: OutgoingRequest): { headers: Record<string, string | string[]>; body: Buffer | undefined } {
  const headers: Record<string, string | string[]> = {};
  const pairs = [...request.headers];
  if (request.basicAuth) {
    const { username, password } = request.basicAuth;
    pairs.push(['authorization', `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`]);
  }
  for (const [key, value] of pairs) {
    const name = key.toLowerCase();
    const before = headers[name];
    headers[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return { headers, body: request.body === '' ? undefined : Buffer.from(request.body, 'utf8') };
}

function triggerGone(
  context: InvocationContext,
  input: InvokeInput & { request: HttpTestRequest },
  error: FcError,
): InvocationResult {
  const answer = {
    Code: error.code,
    Message: error.message,
    ...(error.requestId ? { RequestId: error.requestId } : {}),
  };
  return toInvocationResult({
    functionName: context.functionName,
    mode: input.mode,
    kind: 'http',
    triggerName: input.triggerName,
    target: `${input.request.method} ${input.request.path}`,
    request: input.request,
    invokedAt: new Date(),
    durationMs: 0,
    status: 404,
    headers: error.requestId ? [['x-fc-request-id', error.requestId]] : [],
    body: toResponseBody(Buffer.from(JSON.stringify(answer)), { contentType: 'application/json' }),
  });
}

/** Where a test request goes and whose credentials it carries: a trigger's endpoint, or a custom domain. */
export type TestTarget = {
  url: string;
  config: HttpTriggerConfig;
  triggerName?: string;
  /** Where to connect when it is not the URL's own host (the local engine serving a custom domain by Host). */
  connectHost?: string;
};

/** Test Function through the trigger's endpoint, so every gateway rule (method, auth, limits, CORS) applies. */
export async function invokeThroughTrigger(
  context: InvocationContext,
  input: InvokeInput & { request: HttpTestRequest },
): Promise<InvocationResult> {
  const chosen = await chooseTrigger(context, input.triggerName).catch((error: unknown) => {
    // Deleted elsewhere since the console listed it: Function Compute's 404, kept as the test's answer.
    if (input.triggerName && error instanceof FcError && error.code === 'TriggerNotFound') return error;
    throw error;
  });
  if (chosen instanceof FcError) return triggerGone(context, input, chosen);
  const trigger = chosen;
  // Disable Internet URL closes the public endpoint: only the internal one answers then.
  const endpoint = input.endpoint ?? (trigger.config.disableURLInternet ? 'intranet' : 'internet');
  const url = endpoint === 'intranet' ? trigger.urlIntranet : trigger.urlInternet;
  return sendTestRequest(context, input, { url, config: trigger.config, triggerName: trigger.triggerName });
}

/** One test request to its target, with the target's credentials placed by the console. */
export async function sendTestRequest(
  context: InvocationContext,
  input: InvokeInput & { request: HttpTestRequest },
  target: TestTarget,
): Promise<InvocationResult> {
  const outgoing = outgoingRequest(target.url, input.request, input.mode);
  if (input.mode === 'sync') outgoing.headers.push(['x-fc-log-type', 'Tail']);
  // Before the credentials are placed: a signature covers it like every other header.
  outgoing.headers.push([CONSOLE_REQUEST_HEADER, '1']);
  const url = outgoing.url;
  const shown = `${input.request.method} ${url.href}`; // before auth: a JWT in the query is not kept
  const signingKey = () =>
    context.fcCall(async (fc) => ({
      accessKeyId: await fc.getAccessKeyId(),
      accessKeySecret: await fc.getAccessKeySecret(),
      securityToken: (await fc.getSecurityToken()) || undefined,
    }));
  const invokedAt = new Date();
  const placed = await placeCredentials(outgoing, target.config, input.auth, signingKey, invokedAt);
  const reply = await sendHttp({
    method: placed.request.method,
    url: placed.request.url,
    ...onTheWire(placed.request),
    ...(target.connectHost ? { connectHost: target.connectHost } : {}),
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FcError(502, 'TriggerUnreachable', `The trigger endpoint ${url.origin} could not be reached: ${reason}`);
  });
  const contentType = reply.headers.find(([name]) => name === 'content-type')?.[1];
  return toInvocationResult({
    functionName: context.functionName,
    mode: input.mode,
    kind: 'http',
    triggerName: target.triggerName,
    target: shown,
    request: input.request,
    invokedAt,
    durationMs: reply.durationMs,
    status: reply.status,
    headers: reply.headers,
    body: toResponseBody(reply.body, { size: reply.size, contentType, truncated: reply.truncated }),
    logs: input.mode === 'sync' ? await logsOf(context, reply.headers) : undefined,
    sent: {
      headerBytes: reply.sentHeaderBytes,
      pathWithQueryBytes: utf8Length(`${placed.request.url.pathname}${placed.request.url.search}`),
    },
  });
}
