import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import {
  eventTestRequestSchema,
  httpTestRequestSchema,
  type HttpTestRequest,
  type TestRequest,
} from '../../../contract/invocation';
import type { Trigger } from '../../../contract/trigger';
import { DEFAULT_EVENT, defaultAuth, defaultParams, type TestParams } from './test-params';

/** Configure Test Parameters: both request kinds are kept while the user switches between them. */
export type TestParamsForm = {
  /** '' sends the event payload with InvokeFunction. */
  triggerName: string;
  endpoint: 'internet' | 'intranet';
  http: HttpTestRequest;
  event: string;
  username: string;
  tokenName: string;
  jwt: string;
};

const EMPTY_HTTP: HttpTestRequest = {
  kind: 'http',
  method: 'GET',
  path: '/',
  query: [],
  headers: [],
  bodyType: 'text',
  body: '',
};

export function toForm(params: TestParams, triggers: readonly Trigger[]): TestParamsForm {
  const trigger = triggers.find((t) => t.triggerName === params.triggerName);
  const fallback = defaultParams(trigger ?? triggers[0]);
  const auth = params.auth ?? defaultAuth(trigger);
  const { request } = params;
  return {
    triggerName: request.kind === 'http' ? (params.triggerName ?? '') : '',
    endpoint: params.endpoint ?? (trigger?.triggerConfig.disableURLInternet ? 'intranet' : 'internet'),
    http: request.kind === 'http' ? request : fallback.request.kind === 'http' ? fallback.request : EMPTY_HTTP,
    event: request.kind === 'event' ? request.event : DEFAULT_EVENT,
    username: auth?.type === 'basic' ? auth.username : '',
    tokenName: auth?.type === 'bearer' ? auth.tokenName : '',
    jwt: auth?.type === 'jwt' ? auth.token : '',
  };
}

/** The form with a saved request loaded: an event request switches to InvokeFunction. */
export function withRequest(form: TestParamsForm, request: TestRequest, triggers: readonly Trigger[]): TestParamsForm {
  if (request.kind === 'event') return { ...form, triggerName: '', event: request.event };
  return { ...form, triggerName: form.triggerName || (triggers[0]?.triggerName ?? ''), http: request };
}

export function requestOf(form: TestParamsForm): TestRequest {
  return form.triggerName ? form.http : { kind: 'event', event: form.event };
}

export function fromForm(form: TestParamsForm, triggers: readonly Trigger[]): TestParams {
  if (!form.triggerName) return { request: requestOf(form) };
  const authType = triggers.find((t) => t.triggerName === form.triggerName)?.triggerConfig.authType;
  const auth =
    authType === 'basic' && form.username
      ? ({ type: 'basic', username: form.username } as const)
      : authType === 'bearer' && form.tokenName
        ? ({ type: 'bearer', tokenName: form.tokenName } as const)
        : authType === 'jwt' && form.jwt.trim()
          ? ({ type: 'jwt', token: form.jwt.trim() } as const)
          : undefined;
  return { request: form.http, triggerName: form.triggerName, endpoint: form.endpoint, ...(auth ? { auth } : {}) };
}

const httpResolver = zodResolver(z.object({ http: httpTestRequestSchema }), undefined, { raw: true });
const eventResolver = zodResolver(z.object({ event: eventTestRequestSchema.shape.event }), undefined, { raw: true });

/** The contract's rules (path, header names, the JSON check) for the kind being sent. */
export const testParamsResolver: Resolver<TestParamsForm> = (values, context, options) =>
  (values.triggerName ? httpResolver : eventResolver)(values as never, context, options as never) as ReturnType<
    Resolver<TestParamsForm>
  >;
