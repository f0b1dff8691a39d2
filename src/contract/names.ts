import { z } from 'zod';
import { RESOURCE_NAME_MAX } from './name-limits';

export { RESOURCE_NAME_MAX };

/** Functions, triggers and aliases: 1–128 of [A-Za-z0-9_-], not starting with a digit or '-'. */
export const RESOURCE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const resourceNameSchema = z
  .string({ error: 'name.required' })
  .trim()
  .min(1, { error: 'name.required' })
  .max(RESOURCE_NAME_MAX, { error: 'name.tooLong' })
  .regex(RESOURCE_NAME_PATTERN, { error: 'name.format' });

/**
 * A new function's name: the same characters, 1–64 of them ("The name must be 1 to 64 characters in
 * length", CreateFunctionInput of the FC 3.0 API reference and the SDK). Triggers and aliases keep 128.
 */
export const FUNCTION_NAME_MAX = 64;
export const functionNameSchema = z
  .string({ error: 'name.required' })
  .trim()
  .min(1, { error: 'name.required' })
  .max(FUNCTION_NAME_MAX, { error: 'function.name.tooLong' })
  .regex(RESOURCE_NAME_PATTERN, { error: 'name.format' });

export const LATEST = 'LATEST';

/** A version id is a positive integer rendered as a string ("1", "2", ...). */
export const VERSION_ID_PATTERN = /^[1-9][0-9]*$/;

/** LATEST, a published version id, or an alias name. Existence is the engine's concern. */
export const qualifierSchema = z
  .string()
  .trim()
  .min(1, { error: 'qualifier.format' })
  .max(128, { error: 'qualifier.format' })
  .refine((q) => q === LATEST || VERSION_ID_PATTERN.test(q) || RESOURCE_NAME_PATTERN.test(q), {
    error: 'qualifier.format',
  });

/** Text that can be sent: a lone UTF-16 surrogate has no UTF-8 form, so no URL or body can carry it. */
export const wellFormedTextSchema = z.string().refine((s) => !/\p{Surrogate}/u.test(s), { error: 'text.wellFormed' });

export const descriptionSchema = z.string().max(256, { error: 'description.tooLong' });

/** A JSON object field that the SDK types as a string: accept either, answer with the object. */
export function parseJsonString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value; // left as a string, so the object schema reports it
  }
}
