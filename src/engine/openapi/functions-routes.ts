import { Hono } from 'hono';
import { z } from 'zod';
import {
  CUSTOM_CONTAINER,
  FUNCTION_DEFAULTS,
  containerFunctionCreateSchema,
  functionCreateSchema,
  functionUpdateSchema,
} from '../../contract/function';
import { cpuFitsMemory, splitCloudSettings, type FunctionCloudSettings } from '../../contract/function-cloud-settings';
import { LATEST } from '../../contract/names';
import { openApiErrors } from '../../contract/openapi-errors';
import { validationText } from '../../contract/validation-messages';
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
import { tagFunctions } from '../store/tags-store';
import { saveZipFile } from './function-code';
import { pathParam, type OpenApiContext, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody, parseListQuery } from './request-input';
import { functionView } from './views';

/** FC's default handler for the event runtimes; a custom runtime's server ignores it. */
const DEFAULT_HANDLER = 'index.handler';

/** A zip with no entries: what a custom-container function, which has an image instead, stores as code. */
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]).toString('base64');

/** The SDK says "configure either code or customContainerConfig": custom-container takes the second. */
function parseCreateFunction(c: OpenApiContext) {
  const { runtime } = parseBody(c, z.looseObject({ runtime: z.unknown() }));
  return runtime === CUSTOM_CONTAINER
    ? parseBody(c, containerFunctionCreateSchema)
    : parseBody(c, functionCreateSchema);
}

/** The service refuses a cpu out of ratio with the memory the function will have. */
function checkCpuRatio(cloudSettings: FunctionCloudSettings | undefined, memorySize: number): void {
  const cpu = cloudSettings?.cpu;
  if (cpu !== undefined && !cpuFitsMemory(cpu, memorySize))
    throw new FcError(
      'InvalidArgument',
      `cpu: ${validationText('function.cpu.ratio')} (cpu ${cpu}, memorySize ${memorySize})`,
    );
}

/** CreateFunction, ListFunctions, GetFunction, UpdateFunction, DeleteFunction. */
export function functionsRoutes(deps: OpenApiDeps) {
  const { store } = deps;
  return new Hono<OpenApiEnv>()
    .post('/', async (c) => {
      const input = parseCreateFunction(c);
      const { cloudSettings } = splitCloudSettings(input);
      const memorySize = input.memorySize ?? FUNCTION_DEFAULTS.memorySize;
      checkCpuRatio(cloudSettings, memorySize);
      if (findFunction(store.db, input.functionName))
        throw new FcError(...openApiErrors.functionAlreadyExists(input.functionName));
      const code = await saveZipFile(store, input.code?.zipFile ?? EMPTY_ZIP);
      const settings: FunctionSettings = {
        runtime: input.runtime,
        handler: input.handler ?? DEFAULT_HANDLER,
        description: input.description ?? '',
        timeout: input.timeout ?? FUNCTION_DEFAULTS.timeout,
        memorySize,
        instanceConcurrency: input.instanceConcurrency ?? FUNCTION_DEFAULTS.instanceConcurrency,
        environmentVariables: input.environmentVariables ?? {},
        ...(input.customRuntimeConfig ? { customRuntimeConfig: input.customRuntimeConfig } : {}),
        ...('customContainerConfig' in input ? { customContainerConfig: input.customContainerConfig } : {}),
        ...(input.instanceLifecycleConfig ? { instanceLifecycleConfig: input.instanceLifecycleConfig } : {}),
        cloudSettings,
      };
      const created = insertFunction(store.db, input.functionName, settings, code);
      if (input.tags)
        tagFunctions(
          store.db,
          [input.functionName],
          input.tags.map((tag) => ({ key: tag.Key, value: tag.Value ?? '' })),
        );
      return c.json(functionView(deps, created));
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
      const { cloudSettings, rest } = splitCloudSettings(parseBody(c, functionUpdateSchema));
      const { code: codeInput, ...local } = rest;
      const current = findFunction(store.db, functionName);
      if (!current) throw new FcError(...openApiErrors.functionNotFound(functionName));
      const patch = { ...local, cloudSettings };
      checkCpuRatio({ ...current.cloudSettings, ...cloudSettings }, patch.memorySize ?? current.memorySize);
      if (
        (patch.runtime ?? current.runtime) === CUSTOM_CONTAINER &&
        !(patch.customContainerConfig ?? current.customContainerConfig)
      )
        throw new FcError('InvalidArgument', `customContainerConfig: ${validationText('function.image.required')}`);
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
