import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { isJson } from '../../../contract/invocation';
import {
  triggerCreateSchema,
  triggerUpdateSchema,
  type TriggerCreate,
  type TriggerUpdate,
} from '../../../contract/trigger';
import { toSchemaInput, type TriggerFormValues } from './trigger-form-values';

export type TriggerPayload = TriggerCreate | TriggerUpdate;

/** The first message in an error subtree. */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === 'string') return message;
  for (const [key, value] of Object.entries(error)) {
    const found = key === 'ref' ? undefined : firstMessage(value);
    if (found) return found;
  }
  return undefined;
}

/**
 * The contract schema validates the panel: create with triggerCreateSchema, edit with
 * triggerUpdateSchema (blank secrets kept). The form's values are mapped to the schema's shape first;
 * field paths are the same, so each message lands under its field.
 */
export function triggerFormResolver(mode: 'create' | 'edit'): Resolver<TriggerFormValues, unknown, TriggerPayload> {
  const schema = mode === 'create' ? triggerCreateSchema : triggerUpdateSchema;
  const validate = zodResolver(schema) as unknown as Resolver<Record<string, unknown>, unknown, TriggerPayload>;
  return async (values, context, options) => {
    const result = await validate(toSchemaInput(values), context, options as never);
    const jwks = values.triggerConfig.authConfig.jwks;
    const authErrors = (result.errors as FieldErrors<TriggerFormValues>).triggerConfig?.authConfig;
    if (authErrors?.jwks) {
      // The JWKS textarea is one field, but the schema parses it and reports deeper (jwks.keys.0.kty);
      // and it cannot tell "not JSON" from "no keys", which the user can.
      const message = jwks.trim() !== '' && !isJson(jwks) ? 'json.invalid' : firstMessage(authErrors.jwks);
      authErrors.jwks = { type: 'custom', message };
    }
    return result as Awaited<ReturnType<Resolver<TriggerFormValues, unknown, TriggerPayload>>>;
  };
}
