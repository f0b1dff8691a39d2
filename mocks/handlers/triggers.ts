import { http } from 'msw';
import { triggerConfigFromApiSchema, triggerCreateSchema, triggerUpdateSchema } from '../../src/contract/trigger';
import { openApiErrors } from '../../src/contract/openapi-errors';
import { fcJson, fcNoContent, MockFcError, parseInput, readJson, withFcErrors } from '../fc-errors';
import {
  buildTrigger,
  now,
  pageByName,
  requireFunction,
  requireQualifier,
  triggerResponse,
  type FunctionEntry,
  type StoredTrigger,
} from '../fc-state';

const TRIGGERS = '*/2023-03-30/functions/:functionName/triggers';
const TRIGGER = `${TRIGGERS}/:triggerName`;

/** The OpenAPI carries triggerConfig as a JSON string; the rules are the contract's. */
const createInput = triggerCreateSchema.extend({ triggerConfig: triggerConfigFromApiSchema });
const updateInput = triggerUpdateSchema.extend({ triggerConfig: triggerConfigFromApiSchema.optional() });

function requireTrigger(entry: FunctionEntry, triggerName: string): StoredTrigger {
  const trigger = entry.triggers.get(triggerName);
  if (!trigger) throw new MockFcError(...openApiErrors.triggerNotFound(entry.fn.functionName, triggerName));
  return trigger;
}

/** Seed rule: one HTTP trigger per function version or alias. */
function assertQualifierFree(entry: FunctionEntry, qualifier: string, except?: string) {
  requireQualifier(entry, qualifier);
  const other = [...entry.triggers.values()].find((t) => t.qualifier === qualifier && t.triggerName !== except);
  if (other)
    throw new MockFcError(...openApiErrors.qualifierHasTrigger(entry.fn.functionName, qualifier, other.triggerName));
}

export const triggerHandlers = [
  http.get(
    TRIGGERS,
    withFcErrors(({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const { items, nextToken } = pageByName(entry.triggers.values(), (t) => t.triggerName, request);
      return fcJson({
        triggers: items.map((t) => triggerResponse(entry.fn.functionName, t)),
        ...(nextToken ? { nextToken } : {}),
      });
    }),
  ),

  http.post(
    TRIGGERS,
    withFcErrors(async ({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const input = parseInput(createInput, await readJson(request));
      if (entry.triggers.has(input.triggerName))
        throw new MockFcError(...openApiErrors.triggerAlreadyExists(entry.fn.functionName, input.triggerName));
      assertQualifierFree(entry, input.qualifier);
      const trigger = buildTrigger(entry.fn.functionName, input, new URL(request.url).port);
      entry.triggers.set(trigger.triggerName, trigger);
      return fcJson(triggerResponse(entry.fn.functionName, trigger));
    }),
  ),

  http.get(
    TRIGGER,
    withFcErrors(({ params }) => {
      const entry = requireFunction(String(params.functionName));
      return fcJson(triggerResponse(entry.fn.functionName, requireTrigger(entry, String(params.triggerName))));
    }),
  ),

  http.put(
    TRIGGER,
    withFcErrors(async ({ request, params }) => {
      const entry = requireFunction(String(params.functionName));
      const trigger = requireTrigger(entry, String(params.triggerName));
      const input = parseInput(updateInput, await readJson(request));
      if (input.qualifier && input.qualifier !== trigger.qualifier)
        assertQualifierFree(entry, input.qualifier, trigger.triggerName);
      const updated: StoredTrigger = {
        ...trigger,
        ...(input.qualifier ? { qualifier: input.qualifier } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.triggerConfig ? { config: input.triggerConfig } : {}),
        lastModifiedTime: now(),
      };
      entry.triggers.set(updated.triggerName, updated);
      return fcJson(triggerResponse(entry.fn.functionName, updated));
    }),
  ),

  http.delete(
    TRIGGER,
    withFcErrors(({ params }) => {
      const entry = requireFunction(String(params.functionName));
      entry.triggers.delete(requireTrigger(entry, String(params.triggerName)).triggerName);
      return fcNoContent();
    }),
  ),
];
