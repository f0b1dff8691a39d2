import { anonymousTrigger, jwtTrigger } from '../fixtures/triggers';
import { CODE_CHECKSUM } from './recorded-answers';

/** One thing a user does in the console, as the SPA asks the bff, and the calls it must cost in the cloud. */
export type ConsoleCall = {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** What the bff sends out, in order: FC operations by action, trigger requests, the code download. */
  sends: string[];
};

const FN = '/api/functions/web-fn';
const httpRequest = (path: string) => ({
  kind: 'http',
  method: 'POST',
  path,
  query: [{ key: 'q', value: 'a b' }],
  headers: [{ key: 'x-trace', value: '1' }],
  bodyType: 'json',
  body: '{"hello":"cloud"}',
});

/** Every route of the bff that reaches Function Compute, each way it can (Test Function: event and HTTP, sync and async). */
export const CONSOLE_CALLS: ConsoleCall[] = [
  { name: 'settings', method: 'GET', path: '/api/settings', status: 200, sends: [] },
  {
    name: 'list functions',
    method: 'GET',
    path: '/api/functions?prefix=web&limit=10',
    status: 200,
    sends: ['ListFunctions'],
  },
  {
    name: 'create a function from a template',
    method: 'POST',
    path: '/api/functions',
    body: {
      functionName: 'web-fn',
      template: 'nodejs-web',
      description: 'made in the console',
      memorySize: 1024,
      timeout: 30,
    },
    status: 201,
    sends: ['CreateFunction'],
  },
  { name: 'get a function', method: 'GET', path: FN, status: 200, sends: ['GetFunction'] },
  {
    name: 'update its settings',
    method: 'PUT',
    path: FN,
    body: {
      description: 'edited',
      timeout: 60,
      memorySize: 2048,
      instanceConcurrency: 10,
      environmentVariables: { MODE: 'cloud' },
    },
    status: 200,
    sends: ['UpdateFunction'],
  },
  {
    name: 'open the Code tab',
    method: 'GET',
    path: `${FN}/code`,
    status: 200,
    sends: ['GetFunctionCode', 'DownloadCode'],
  },
  {
    name: 'deploy edited code',
    method: 'PUT',
    path: `${FN}/code`,
    body: { files: [{ path: 'index.js', content: "exports.handler = async () => 'edited';\n" }] },
    headers: { 'if-match': `"${CODE_CHECKSUM}"` },
    status: 200,
    sends: ['GetFunctionCode', 'DownloadCode', 'UpdateFunction'],
  },
  { name: 'list triggers', method: 'GET', path: `${FN}/triggers`, status: 200, sends: ['ListTriggers'] },
  {
    name: 'create an anonymous trigger',
    method: 'POST',
    path: `${FN}/triggers`,
    body: anonymousTrigger,
    status: 201,
    sends: ['CreateTrigger'],
  },
  {
    name: 'create a JWT trigger',
    method: 'POST',
    path: `${FN}/triggers`,
    body: jwtTrigger,
    status: 201,
    sends: ['CreateTrigger'],
  },
  { name: 'get a trigger', method: 'GET', path: `${FN}/triggers/http`, status: 200, sends: ['GetTrigger'] },
  {
    name: 'edit a trigger',
    method: 'PUT',
    path: `${FN}/triggers/http`,
    body: {
      description: 'GET only',
      triggerConfig: { methods: ['GET'], authType: 'function', disableURLInternet: true },
    },
    status: 200,
    sends: ['GetTrigger', 'UpdateTrigger'],
  },
  { name: 'delete a trigger', method: 'DELETE', path: `${FN}/triggers/http`, status: 204, sends: ['DeleteTrigger'] },
  {
    name: 'copy a signed request as cURL',
    method: 'POST',
    path: `${FN}/snippets`,
    body: { request: httpRequest('/hook'), mode: 'sync', triggerName: 'signed', endpoint: 'internet' },
    status: 200,
    sends: ['GetTrigger'],
  },
  {
    name: 'list versions',
    method: 'GET',
    path: `${FN}/versions?limit=20`,
    status: 200,
    sends: ['ListFunctionVersions'],
  },
  {
    name: 'publish a version',
    method: 'POST',
    path: `${FN}/versions`,
    body: { description: 'release' },
    status: 201,
    sends: ['PublishFunctionVersion'],
  },
  {
    name: 'delete a version',
    method: 'DELETE',
    path: `${FN}/versions/1`,
    status: 204,
    sends: ['DeleteFunctionVersion'],
  },
  { name: 'list aliases', method: 'GET', path: `${FN}/aliases`, status: 200, sends: ['ListAliases'] },
  {
    name: 'create an alias with a weighted version',
    method: 'POST',
    path: `${FN}/aliases`,
    body: { aliasName: 'prod', versionId: '2', description: 'production', additionalVersionWeight: { '1': 0.1 } },
    status: 201,
    sends: ['CreateAlias'],
  },
  { name: 'get an alias', method: 'GET', path: `${FN}/aliases/prod`, status: 200, sends: ['GetAlias'] },
  {
    name: 'update an alias',
    method: 'PUT',
    path: `${FN}/aliases/prod`,
    body: { versionId: '3' },
    status: 200,
    sends: ['UpdateAlias'],
  },
  { name: 'delete an alias', method: 'DELETE', path: `${FN}/aliases/prod`, status: 204, sends: ['DeleteAlias'] },
  {
    name: 'Test Function with an event, sync',
    method: 'POST',
    path: `${FN}/invocations`,
    body: { mode: 'sync', request: { kind: 'event', event: '{"hello":"event"}' } },
    status: 200,
    sends: ['InvokeFunction'],
  },
  {
    name: 'Test Function with an event, async',
    method: 'POST',
    path: `${FN}/invocations`,
    body: { mode: 'async', request: { kind: 'event', event: '{"hello":"later"}' } },
    status: 200,
    sends: ['InvokeFunction'],
  },
  {
    name: 'Test Function through the default HTTP trigger',
    method: 'POST',
    path: `${FN}/invocations`,
    body: { mode: 'sync', request: httpRequest('/') },
    status: 200,
    sends: ['ListTriggers', 'GetTrigger', 'TriggerRequest'],
  },
  {
    name: 'Test Function through a Signature trigger, async',
    method: 'POST',
    path: `${FN}/invocations`,
    body: { mode: 'async', triggerName: 'signed', request: httpRequest('/hook') },
    status: 200,
    sends: ['GetTrigger', 'SignedTriggerRequest'],
  },
  {
    name: 'Test Function through the intranet URL',
    method: 'POST',
    path: `${FN}/invocations`,
    body: { mode: 'sync', triggerName: 'http', endpoint: 'intranet', request: httpRequest('/inner') },
    status: 200,
    sends: ['GetTrigger', 'TriggerRequest'],
  },
  {
    name: 'list async tasks',
    method: 'GET',
    path: `${FN}/async-tasks?status=Succeeded&limit=20`,
    status: 200,
    sends: ['ListAsyncTasks'],
  },
  { name: 'get an async task', method: 'GET', path: `${FN}/async-tasks/task_1`, status: 200, sends: ['GetAsyncTask'] },
  {
    name: 'stop an async task',
    method: 'POST',
    path: `${FN}/async-tasks/task_1/stop`,
    status: 200,
    sends: ['StopAsyncTask', 'GetAsyncTask'],
  },
  { name: 'delete the function', method: 'DELETE', path: FN, status: 204, sends: ['DeleteFunction'] },
];
