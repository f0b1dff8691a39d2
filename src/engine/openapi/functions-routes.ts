import { Hono } from 'hono';
import { FUNCTION_DEFAULTS, functionCreateSchema, functionUpdateSchema } from '../../contract/function';
import { LATEST } from '../../contract/names';
import { FcError } from '../fc-error';
import {
  deleteFunction,
  findFunction,
  insertFunction,
  listFunctions,
  updateFunction,
  type FunctionSettings,
} from '../store/functions-store';
import { lookupQualifier } from '../store/qualifier';
import { saveZipFile } from './function-code';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody, parseListQuery } from './request-input';
import { functionView } from './views';

/** FC's default handler for the event runtimes; a custom runtime's server ignores it. */
const DEFAULT_HANDLER = 'index.handler';

/** CreateFunction, ListFunctions, GetFunction, UpdateFunction, DeleteFunction. */
export function functionsRoutes(deps: OpenApiDeps) {
  const { store } = deps;
  return new Hono<OpenApiEnv>()
    .post('/', async (c) => {
      const input = parseBody(c, functionCreateSchema);
      if (findFunction(store.db, input.functionName))
        throw new FcError('FunctionAlreadyExists', `function "${input.functionName}" already exists`);
      const code = await saveZipFile(store, input.code.zipFile);
      const settings: FunctionSettings = {
        runtime: input.runtime,
        handler: input.handler ?? DEFAULT_HANDLER,
        description: input.description ?? '',
        timeout: input.timeout ?? FUNCTION_DEFAULTS.timeout,
        memorySize: input.memorySize ?? FUNCTION_DEFAULTS.memorySize,
        instanceConcurrency: input.instanceConcurrency ?? FUNCTION_DEFAULTS.instanceConcurrency,
        environmentVariables: input.environmentVariables ?? {},
        ...(input.customRuntimeConfig ? { customRuntimeConfig: input.customRuntimeConfig } : {}),
      };
      return c.json(functionView(deps, insertFunction(store.db, input.functionName, settings, code)));
    })
    .get('/', (c) => {
      const page = listFunctions(store.db, parseListQuery(c));
      return c.json({
        functions: page.items.map((fn) => functionView(deps, fn)),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      });
    })
    .get('/:functionName', (c) => {
      const fn = lookupQualifier(store.db, pathParam(c, 'functionName'), c.req.query('qualifier') || LATEST);
      return c.json(functionView(deps, fn));
    })
    .put('/:functionName', async (c) => {
      const functionName = pathParam(c, 'functionName');
      const { code: codeInput, ...patch } = parseBody(c, functionUpdateSchema);
      if (!findFunction(store.db, functionName))
        throw new FcError('FunctionNotFound', `function "${functionName}" does not exist`);
      const code = codeInput && (await saveZipFile(store, codeInput.zipFile));
      return c.json(functionView(deps, updateFunction(store.db, functionName, patch, code)));
    })
    .delete('/:functionName', (c) => {
      const functionName = pathParam(c, 'functionName');
      deleteFunction(store.db, functionName);
      deps.onFunctionDeleted?.(functionName);
      return c.body(null, 204);
    });
}
