import { http, HttpResponse } from 'msw';
import { functionCreateSchema, functionUpdateSchema } from '../../src/contract/function';
import { LATEST } from '../../src/contract/names';
import { openApiErrors } from '../../src/contract/openapi-errors';
import { fromBase64 } from '../bytes';
import { fcJson, fcNoContent, MockFcError, parseInput, readJson, withFcErrors } from '../fc-errors';
import {
  addFunction,
  buildFunction,
  codeFields,
  fcState,
  functionResponse,
  now,
  pageByName,
  requireFunction,
  requireQualifier,
  resolveQualifier,
} from '../fc-state';

const FUNCTIONS = '*/2023-03-30/functions';
const FUNCTION = `${FUNCTIONS}/:functionName`;
/** Where GetFunctionCode's `url` points (an OSS link in the cloud). */
const CODE_DOWNLOAD = '*/fc-mock-code/:functionName';

export const functionHandlers = [
  http.get(
    FUNCTIONS,
    withFcErrors(({ request }) => {
      const all = [...fcState.functions.values()].map((e) => e.fn);
      const { items, nextToken } = pageByName(all, (fn) => fn.functionName, request);
      return fcJson({ functions: items.map(functionResponse), ...(nextToken ? { nextToken } : {}) });
    }),
  ),

  http.post(
    FUNCTIONS,
    withFcErrors(async ({ request }) => {
      const input = parseInput(functionCreateSchema, await readJson(request));
      if (fcState.functions.has(input.functionName))
        throw new MockFcError(...openApiErrors.functionAlreadyExists(input.functionName));
      return fcJson(functionResponse(addFunction(buildFunction(input)).fn));
    }),
  ),

  http.get(
    FUNCTION,
    withFcErrors(({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const qualifier = new URL(request.url).searchParams.get('qualifier') || LATEST;
      return fcJson(functionResponse(requireQualifier(entry, qualifier)));
    }),
  ),

  http.put(
    FUNCTION,
    withFcErrors(async ({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const { code, ...settings } = parseInput(functionUpdateSchema, await readJson(request));
      entry.fn = { ...entry.fn, ...settings, ...(code ? codeFields(code.zipFile) : {}), lastModifiedTime: now() };
      return fcJson(functionResponse(entry.fn));
    }),
  ),

  // The engine's rule (brief): a function's triggers, versions and aliases go with it.
  http.delete(
    FUNCTION,
    withFcErrors(({ params }) => {
      requireFunction(String(params.functionName));
      fcState.functions.delete(String(params.functionName));
      return fcNoContent();
    }),
  ),

  http.get(
    `${FUNCTION}/code`,
    withFcErrors(({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const qualifier = new URL(request.url).searchParams.get('qualifier') || LATEST;
      const fn = requireQualifier(entry, qualifier);
      const url = new URL(`/fc-mock-code/${encodeURIComponent(fn.functionName)}`, request.url);
      url.searchParams.set('qualifier', qualifier);
      return fcJson({ checksum: fn.codeChecksum, url: url.href });
    }),
  ),

  http.get(CODE_DOWNLOAD, ({ request, params }) => {
    const entry = fcState.functions.get(String(params.functionName));
    const fn = entry && resolveQualifier(entry, new URL(request.url).searchParams.get('qualifier') || LATEST);
    if (!fn) return new HttpResponse('NoSuchKey', { status: 404 });
    return new HttpResponse(fromBase64(fn.zipFile), { headers: { 'content-type': 'application/zip' } });
  }),
];
