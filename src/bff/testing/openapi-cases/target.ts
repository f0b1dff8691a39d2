import * as $FC from '@alicloud/fc20230330';
import { zipSync } from 'fflate';
import { expect } from 'vitest';
import { OPENAPI_ERROR_STATUS } from '../../../contract/api-error';
import type { OpenApiErrorArgs } from '../../../contract/openapi-errors';
import type { FcCall } from '../../fc-client';
import { FcError } from '../../fc-error';

/**
 * What the shared cases run against: the bff's own `fcCall` (the official SDK client as the bff
 * builds it, errors turned into the bff's FcError), pointed at a real engine or at the MSW handlers.
 */
export type OpenApiTarget = { fcCall: FcCall };
export type TargetOf = () => OpenApiTarget;

let count = 0;
/** Names unique across the run: the engine is not emptied between cases, the mock is. */
export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${++count}`;

export function zipBase64(files: Record<string, string>): string {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)]),
  );
  return Buffer.from(zipSync(entries)).toString('base64');
}

/** An event function that answers its event back, as the mock's InvokeFunction does. */
export const ECHO_SOURCE = 'exports.handler = async (event) => event.toString();\n';

export function createFunction(target: TargetOf, functionName: string, extra: Partial<$FC.CreateFunctionInput> = {}) {
  const body = new $FC.CreateFunctionInput({
    functionName,
    runtime: 'nodejs20',
    handler: 'index.handler',
    code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': ECHO_SOURCE }) }),
    ...extra,
  });
  return target().fcCall((fc) => fc.createFunction(new $FC.CreateFunctionRequest({ body })));
}

/** Credentials the contract's rules accept (12+ characters, mixed classes; tokens of 32+). */
export const BASIC_USER = { username: 'console-tester', password: 'Pa55:word-for-tests' };
export const BEARER_TOKEN = { name: 'ci', token: 'tok-0123456789abcdef0123456789abcdef' };

export const ANONYMOUS_GET_POST = { authType: 'anonymous', methods: ['GET', 'POST'], disableURLInternet: false };

export function createTrigger(
  target: TargetOf,
  functionName: string,
  triggerName: string,
  triggerConfig: object = ANONYMOUS_GET_POST,
  qualifier?: string,
) {
  const body = new $FC.CreateTriggerInput({
    triggerName,
    triggerType: 'http',
    qualifier,
    triggerConfig: JSON.stringify(triggerConfig),
  });
  return target().fcCall((fc) => fc.createTrigger(functionName, new $FC.CreateTriggerRequest({ body })));
}

/** The bff's FcError of a call that must fail. */
export async function failureOf(call: Promise<unknown>): Promise<FcError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof FcError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The status, code and message of the contract's error, and a request id. */
export async function expectOpenApiError(call: Promise<unknown>, [code, message]: OpenApiErrorArgs) {
  const error = await failureOf(call);
  expect({ status: error.status, code: error.code, message: error.message }).toEqual({
    status: OPENAPI_ERROR_STATUS[code],
    code,
    message,
  });
  expect(error.requestId).toMatch(/^\S+$/);
}
