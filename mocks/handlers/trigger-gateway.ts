import { http, HttpResponse } from 'msw';
import {
  basicRefusal,
  bearerRefusal,
  INTERNET_URL_DISABLED_MESSAGE,
  methodNotAllowedMessage,
  noTriggerMessage,
  type AuthRefusal,
} from '../../src/contract/gateway-rules';
import { GATEWAY_ERRORS, type GatewayErrorBody, type GatewayErrorCode } from '../../src/contract/status-catalogue';
import type { HttpTriggerConfig } from '../../src/contract/trigger';
import { toBase64 } from '../bytes';
import { requestId, withFcErrors } from '../fc-errors';
import { fcState, type FunctionEntry, type StoredTrigger } from '../fc-state';
import { enqueueTask, keepLogs, logLines } from '../invocation-state';
import { recordExchange } from '../record-exchange';

/** A trigger URL's host, as the engine gives them (`triggerUrls` in fc-state.ts). */
const TRIGGER_HOST = /\.fcapp\.localhost(:\d+)?$/i;

type Found = { entry: FunctionEntry; trigger: StoredTrigger; endpoint: 'internet' | 'intranet' };

/** The trigger whose public or internal URL the Host names. */
function triggerFor(host: string | null): Found | undefined {
  for (const entry of fcState.functions.values())
    for (const trigger of entry.triggers.values()) {
      if (new URL(trigger.urls.urlInternet).host === host) return { entry, trigger, endpoint: 'internet' };
      if (new URL(trigger.urls.urlIntranet).host === host) return { entry, trigger, endpoint: 'intranet' };
    }
  return undefined;
}

function gatewayError(code: GatewayErrorCode, message: string, headers: Record<string, string> = {}) {
  const id = requestId();
  const body: GatewayErrorBody = { Code: code, Message: message, RequestId: id };
  return HttpResponse.json(body, {
    status: GATEWAY_ERRORS[code].status,
    headers: { ...headers, 'x-fc-request-id': id },
  });
}

/**
 * The engine's rules in the engine's order (public URL, method, authentication), from the
 * contract. The mock compares secrets plainly: it guards nothing. JWT and signature (`function`)
 * triggers are not checked: verifying them needs the engine's keys and its JOSE code.
 */
function refusal(found: Found, request: Request): Response | undefined {
  const config: HttpTriggerConfig = found.trigger.config;
  if (config.disableURLInternet && found.endpoint === 'internet')
    return gatewayError('InternetURLDisabled', INTERNET_URL_DISABLED_MESSAGE);
  const method = request.method.toUpperCase();
  if (!(config.methods as readonly string[]).includes(method))
    return gatewayError('MethodNotAllowed', methodNotAllowedMessage(method, config.methods));
  const authorization = request.headers.get('authorization') ?? undefined;
  const equals = (given: string, expected: string) => given === expected;
  let refused: AuthRefusal | undefined;
  if (config.authType === 'basic') refused = basicRefusal(authorization, config.authConfig, equals);
  if (config.authType === 'bearer') refused = bearerRefusal(authorization, config.authConfig, equals);
  return refused && gatewayError(refused.code, refused.message, { 'www-authenticate': refused.challenge });
}

/** The function's answer (it runs no code): what it received, with its log lines. */
async function run(found: Found, request: Request): Promise<{ response: Response; logs?: string }> {
  const { entry, trigger } = found;
  const url = new URL(request.url);
  const id = requestId();
  const body = await request.text();
  if (request.headers.get('x-fc-invocation-type')?.toLowerCase() === 'async') {
    const taskId = request.headers.get('x-fc-async-task-id') || id;
    enqueueTask(entry, {
      taskId,
      requestId: id,
      qualifier: trigger.qualifier,
      startedTime: Date.now(),
      alreadyRetriedTimes: 0,
      taskPayload: body,
    });
    const response = new HttpResponse(null, {
      status: 202,
      headers: { 'x-fc-request-id': id, 'x-fc-async-task-id': taskId },
    });
    return { response };
  }
  const headers = Object.fromEntries(
    [...request.headers].filter(([name]) => !name.startsWith('x-fc-') && name !== 'authorization'),
  );
  const logs = logLines(id, `${request.method} ${url.pathname}`);
  keepLogs(entry, id, logs);
  const answer: Record<string, string> = { 'content-type': 'application/json', 'x-fc-request-id': id };
  if (request.headers.get('x-fc-log-type')?.toLowerCase() === 'tail')
    answer['x-fc-log-result'] = toBase64(new TextEncoder().encode(logs));
  const received = {
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  };
  return { response: HttpResponse.json(received, { headers: answer }), logs };
}

/**
 * A trigger URL (Node reaches `*.fcapp.localhost` on 127.0.0.1 with the Host header): the
 * gateway's own answers, then a function that answers what it received; each recorded for the
 * Requests inspector as the engine records it.
 */
export const triggerGateway = http.all(
  '*',
  withFcErrors(async ({ request }) => {
    const host = request.headers.get('host');
    const found = triggerFor(host);
    if (!found)
      return host && TRIGGER_HOST.test(host) ? gatewayError('TriggerNotFound', noTriggerMessage(host)) : undefined;
    const startedAt = new Date();
    const copy = request.clone();
    const refused = refusal(found, request);
    const { response, logs } = refused ? { response: refused, logs: undefined } : await run(found, request);
    await recordExchange({
      request: copy,
      response: response.clone(),
      startedAt,
      functionName: found.entry.fn.functionName,
      qualifier: found.trigger.qualifier,
      triggerName: found.trigger.triggerName,
      via: found.endpoint,
      logs,
    });
    return response;
  }),
);
