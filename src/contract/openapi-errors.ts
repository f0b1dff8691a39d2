import type { OpenApiErrorCode } from './api-error';

/**
 * The FC OpenAPI errors both the engine and the MSW mock answer, code and message together, so a
 * message is written once (`new FcError(...openApiErrors.functionNotFound(name))`). `field` names
 * the input that pointed at the missing resource (`qualifier: version "3" of ...`).
 */
export type OpenApiErrorArgs = readonly [code: OpenApiErrorCode, message: string];

const error = (code: OpenApiErrorCode, message: string): OpenApiErrorArgs => [code, message];
const prefixed = (field: string | undefined, text: string) => (field ? `${field}: ${text}` : text);

export const openApiErrors = {
  functionNotFound: (functionName: string) => error('FunctionNotFound', `function "${functionName}" does not exist`),
  functionAlreadyExists: (functionName: string) =>
    error('FunctionAlreadyExists', `function "${functionName}" already exists`),
  triggerNotFound: (functionName: string, triggerName: string) =>
    error('TriggerNotFound', `trigger "${triggerName}" of function "${functionName}" does not exist`),
  triggerAlreadyExists: (functionName: string, triggerName: string) =>
    error('TriggerAlreadyExists', `trigger "${triggerName}" of function "${functionName}" already exists`),
  /** Seed rule: a version or an alias has at most one HTTP trigger. */
  qualifierHasTrigger: (functionName: string, qualifier: string, triggerName: string) =>
    error(
      'TriggerAlreadyExists',
      `qualifier "${qualifier}" of function "${functionName}" already has an HTTP trigger ("${triggerName}"); a version or alias has at most one`,
    ),
  versionNotFound: (functionName: string, versionId: string, field?: string) =>
    error('VersionNotFound', prefixed(field, `version "${versionId}" of function "${functionName}" does not exist`)),
  aliasNotFound: (functionName: string, aliasName: string, field?: string) =>
    error('AliasNotFound', prefixed(field, `alias "${aliasName}" of function "${functionName}" does not exist`)),
  aliasAlreadyExists: (functionName: string, aliasName: string) =>
    error('AliasAlreadyExists', `alias "${aliasName}" of function "${functionName}" already exists`),
  /** A weighted version of an alias that does not exist is a bad argument, not a missing resource. */
  weightedVersionNotFound: (functionName: string, versionId: string) =>
    error(
      'InvalidArgument',
      `additionalVersionWeight: version "${versionId}" of function "${functionName}" does not exist`,
    ),
  versionUsedByAlias: (versionId: string, aliasName: string) =>
    error('ResourceInUse', `version "${versionId}" is used by alias "${aliasName}"; update or delete the alias first`),
  versionUsedByTrigger: (versionId: string, triggerName: string) =>
    error(
      'ResourceInUse',
      `version "${versionId}" is used by trigger "${triggerName}"; delete the trigger or move it to another qualifier first`,
    ),
  aliasUsedByTrigger: (aliasName: string, triggerName: string) =>
    error(
      'ResourceInUse',
      `alias "${aliasName}" is used by trigger "${triggerName}"; delete the trigger or move it to another qualifier first`,
    ),
  asyncTaskNotExist: (taskId: string) => error('AsyncTaskNotExist', `The async task ${taskId} does not exist.`),
  asyncTaskAlreadyExists: (taskId: string) =>
    error('AsyncTaskAlreadyExists', `The async task ${taskId} already exists.`),
  asyncTaskNotStoppable: (taskId: string, status: string) =>
    error('PreconditionFailed', `The async task ${taskId} is ${status} and cannot be stopped.`),
  /** The engine's own GetInvocationLogs: it keeps the logs of its last invocations only. */
  invocationLogNotFound: (functionName: string, requestId: string) =>
    error(
      'InvocationLogNotFound',
      `No logs are kept for request ${requestId} of function "${functionName}": the engine keeps the logs of its last invocations only.`,
    ),
  /** The engine's own GetRecordedRequest: it keeps a bounded number of requests per function. */
  recordedRequestNotFound: (functionName: string, requestId: string) =>
    error(
      'RecordedRequestNotFound',
      `Request ${requestId} of function "${functionName}" is not recorded: the engine keeps the latest requests of each function only, and none while recording is off.`,
    ),
  invalidJson: () => error('InvalidArgument', 'The request body is not valid JSON.'),
} as const;
