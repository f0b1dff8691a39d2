import type { z } from 'zod';
import {
  cloudAlias,
  cloudAsyncTask,
  cloudFunction,
  cloudTrigger,
  cloudVersion,
  codeLocation,
  INVOKE_HEADERS,
} from './recorded-answers';
import * as shape from './request-shapes';

type Params = Record<string, string>;
type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** One FC 3.0 operation the console calls: where it lives, what it takes, what it answers. */
export type FcOperation = {
  action: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched against the raw path; named groups are the path parameters. */
  path: RegExp;
  query: z.ZodType;
  /** The JSON body; `bytes` for InvokeFunction's payload; none: the request has no body. */
  body?: z.ZodType | 'bytes';
  /** The x-fc-* request headers; none: the request sends none. */
  fcHeaders?: z.ZodType;
  answer: (params: Params, body: unknown) => Answer;
};

const FN = '/2023-03-30/functions/(?<functionName>[^/?]+)';
const at = (suffix: string) => new RegExp(`^${FN}${suffix}$`);
const ok = (body: unknown): Answer => ({ status: 200, body });
const noContent: Answer = { status: 204 };
const named = (body: unknown, key: string) => (body as Record<string, string>)[key]!;

export const FC_OPERATIONS: FcOperation[] = [
  {
    action: 'ListFunctions',
    method: 'GET',
    path: /^\/2023-03-30\/functions$/,
    query: shape.pageQuery,
    answer: () =>
      ok({
        functions: [cloudFunction('web-fn'), cloudFunction('python-fn', { runtime: 'python3.10' })],
        nextToken: '',
      }),
  },
  {
    action: 'CreateFunction',
    method: 'POST',
    path: /^\/2023-03-30\/functions$/,
    query: shape.noQuery,
    body: shape.createFunctionBody,
    answer: (_, body) => ok(cloudFunction(named(body, 'functionName'))),
  },
  {
    action: 'GetFunction',
    method: 'GET',
    path: at(''),
    query: shape.qualifierQuery,
    answer: (p) => ok(cloudFunction(p.functionName!)),
  },
  {
    action: 'UpdateFunction',
    method: 'PUT',
    path: at(''),
    query: shape.noQuery,
    body: shape.updateFunctionBody,
    answer: (p, body) => ok(cloudFunction(p.functionName!, body as Record<string, unknown>)),
  },
  { action: 'DeleteFunction', method: 'DELETE', path: at(''), query: shape.noQuery, answer: () => noContent },
  {
    action: 'GetFunctionCode',
    method: 'GET',
    path: at('/code'),
    query: shape.qualifierQuery,
    answer: (p) => ok(codeLocation(p.functionName!)),
  },
  {
    action: 'ListTriggers',
    method: 'GET',
    path: at('/triggers'),
    query: shape.pageQuery,
    answer: (p) =>
      ok({ triggers: [cloudTrigger(p.functionName!, 'http'), cloudTrigger(p.functionName!, 'signed')], nextToken: '' }),
  },
  {
    action: 'CreateTrigger',
    method: 'POST',
    path: at('/triggers'),
    query: shape.noQuery,
    body: shape.createTriggerBody,
    answer: (p, body) => ok(cloudTrigger(p.functionName!, named(body, 'triggerName'))),
  },
  {
    action: 'GetTrigger',
    method: 'GET',
    path: at('/triggers/(?<triggerName>[^/]+)'),
    query: shape.noQuery,
    answer: (p) => ok(cloudTrigger(p.functionName!, p.triggerName!)),
  },
  {
    action: 'UpdateTrigger',
    method: 'PUT',
    path: at('/triggers/(?<triggerName>[^/]+)'),
    query: shape.noQuery,
    body: shape.updateTriggerBody,
    answer: (p) => ok(cloudTrigger(p.functionName!, p.triggerName!)),
  },
  {
    action: 'DeleteTrigger',
    method: 'DELETE',
    path: at('/triggers/(?<triggerName>[^/]+)'),
    query: shape.noQuery,
    answer: () => noContent,
  },
  {
    action: 'ListFunctionVersions',
    method: 'GET',
    path: at('/versions'),
    query: shape.pageQuery.omit({ prefix: true }),
    answer: () => ok({ versions: [cloudVersion('2'), cloudVersion('1')], direction: 'BACKWARD', nextToken: '' }),
  },
  {
    action: 'PublishFunctionVersion',
    method: 'POST',
    path: at('/versions'),
    query: shape.noQuery,
    body: shape.publishVersionBody,
    answer: () => ok(cloudVersion('3')),
  },
  {
    action: 'DeleteFunctionVersion',
    method: 'DELETE',
    path: at('/versions/(?<versionId>[0-9]+)'),
    query: shape.noQuery,
    answer: () => noContent,
  },
  {
    action: 'ListAliases',
    method: 'GET',
    path: at('/aliases'),
    query: shape.pageQuery,
    answer: () => ok({ aliases: [cloudAlias('prod')], nextToken: '' }),
  },
  {
    action: 'CreateAlias',
    method: 'POST',
    path: at('/aliases'),
    query: shape.noQuery,
    body: shape.createAliasBody,
    answer: (_, body) => ok(cloudAlias(named(body, 'aliasName'))),
  },
  {
    action: 'GetAlias',
    method: 'GET',
    path: at('/aliases/(?<aliasName>[^/]+)'),
    query: shape.noQuery,
    answer: (p) => ok(cloudAlias(p.aliasName!)),
  },
  {
    action: 'UpdateAlias',
    method: 'PUT',
    path: at('/aliases/(?<aliasName>[^/]+)'),
    query: shape.noQuery,
    body: shape.updateAliasBody,
    answer: (p) => ok(cloudAlias(p.aliasName!)),
  },
  {
    action: 'DeleteAlias',
    method: 'DELETE',
    path: at('/aliases/(?<aliasName>[^/]+)'),
    query: shape.noQuery,
    answer: () => noContent,
  },
  {
    action: 'InvokeFunction',
    method: 'POST',
    path: at('/invocations'),
    query: shape.qualifierQuery,
    body: 'bytes',
    fcHeaders: shape.invokeHeaders,
    answer: () => ({ status: 200, body: 'hello from the cloud', headers: INVOKE_HEADERS }),
  },
  {
    action: 'ListAsyncTasks',
    method: 'GET',
    path: at('/async-tasks'),
    query: shape.listAsyncTasksQuery,
    answer: (p) => ok({ tasks: [cloudAsyncTask(p.functionName!, 'task_1')], nextToken: '' }),
  },
  {
    action: 'GetAsyncTask',
    method: 'GET',
    path: at('/async-tasks/(?<taskId>[^/]+)'),
    query: shape.qualifierQuery,
    answer: (p) => ok(cloudAsyncTask(p.functionName!, p.taskId!)),
  },
  {
    action: 'StopAsyncTask',
    method: 'PUT',
    path: at('/async-tasks/(?<taskId>[^/]+)/stop'),
    query: shape.qualifierQuery,
    answer: () => ({ status: 200 }),
  },
];

/** The operation a request names by method and path, with its path parameters. */
export function operationFor(method: string, rawPath: string): { operation: FcOperation; params: Params } | undefined {
  for (const operation of FC_OPERATIONS) {
    if (operation.method !== method) continue;
    const match = operation.path.exec(rawPath);
    if (match) return { operation, params: { ...match.groups } };
  }
  return undefined;
}
