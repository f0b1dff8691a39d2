import * as $FC from '@alicloud/fc20230330';
import type { HttpTestRequest, InvocationResult, InvokeInput } from '../../contract/invocation';
import { LATEST } from '../../contract/names';
import type { HttpTriggerConfig } from '../../contract/trigger';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { rawQuery } from '../snippets/outgoing-request';
import { storedTriggerConfig } from '../views';
import { toInvocationResult } from './invocation-result';
import { logsOf } from './invocation-logs';
import { toResponseBody } from './response-body';
import { sendHttp } from './send-http';
import { authorize, type PreparedRequest } from './trigger-auth';

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

function targetUrl(base: string, request: HttpTestRequest): URL {
  const url = new URL(request.path, base.endsWith('/') ? base : `${base}/`);
  url.search = rawQuery(request.query);
  return url;
}

function prepare(request: HttpTestRequest, url: URL, mode: InvokeInput['mode']): PreparedRequest {
  const headers: Record<string, string> = {};
  for (const { key, value } of request.headers) {
    const name = key.toLowerCase();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  if (request.bodyType === 'json' && request.body.trim() !== '') headers['content-type'] ??= 'application/json';
  if (mode === 'async') headers['x-fc-invocation-type'] = 'Async';
  else headers['x-fc-log-type'] = 'Tail';
  return { method: request.method, url, headers, body: Buffer.from(request.body, 'utf8') };
}

/** Test Function through the trigger's endpoint, so every gateway rule (method, auth, limits, CORS) applies. */
export async function invokeThroughTrigger(
  context: InvocationContext,
  input: InvokeInput & { request: HttpTestRequest },
): Promise<InvocationResult> {
  const trigger = await chooseTrigger(context, input.triggerName);
  const url = targetUrl(input.endpoint === 'intranet' ? trigger.urlIntranet : trigger.urlInternet, input.request);
  const target = `${input.request.method} ${url.href}`; // before auth: a JWT in the query is not kept
  const signingKey = () =>
    context.fcCall(async (fc) => ({
      accessKeyId: await fc.getAccessKeyId(),
      accessKeySecret: await fc.getAccessKeySecret(),
      securityToken: (await fc.getSecurityToken()) || undefined,
    }));
  const prepared = await authorize(trigger.config, input.auth, prepare(input.request, url, input.mode), signingKey);
  const invokedAt = new Date();
  const reply = await sendHttp({ ...prepared, body: prepared.body.length > 0 ? prepared.body : undefined }).catch(
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new FcError(
        502,
        'TriggerUnreachable',
        `The trigger endpoint ${url.origin} could not be reached: ${reason}`,
      );
    },
  );
  const contentType = reply.headers.find(([name]) => name === 'content-type')?.[1];
  return toInvocationResult({
    functionName: context.functionName,
    mode: input.mode,
    kind: 'http',
    triggerName: trigger.triggerName,
    target,
    request: input.request,
    invokedAt,
    durationMs: reply.durationMs,
    status: reply.status,
    headers: reply.headers,
    body: toResponseBody(reply.body, { size: reply.size, contentType, truncated: reply.truncated }),
    logs: input.mode === 'sync' ? await logsOf(context, reply.headers) : undefined,
  });
}
