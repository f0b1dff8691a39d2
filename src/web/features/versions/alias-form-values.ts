import { z } from 'zod';
import type { AliasCreate, FunctionAlias } from '../../../contract/function';
import { descriptionSchema, resourceNameSchema, VERSION_ID_PATTERN } from '../../../contract/names';

/**
 * The alias as the console edits it: a main version and, as the FC console offers, at most one
 * canary version with a percentage of the traffic. FC stores the canary as additionalVersionWeight
 * `{ "<version>": <0..1> }`.
 */
export const aliasFormSchema = z
  .object({
    aliasName: resourceNameSchema,
    versionId: z.string().regex(VERSION_ID_PATTERN, { error: 'qualifier.format' }),
    description: descriptionSchema,
    canaryVersionId: z.union([z.literal(''), z.string().regex(VERSION_ID_PATTERN, { error: 'qualifier.format' })]),
    canaryPercent: z.number({ error: 'alias.weight.range' }).min(0, { error: 'alias.weight.range' }).max(100, {
      error: 'alias.weight.range',
    }),
  })
  .refine((v) => v.canaryVersionId !== v.versionId, { path: ['canaryVersionId'], error: 'alias.weight.sameVersion' });

export type AliasFormValues = z.infer<typeof aliasFormSchema>;

export function aliasFormValues(alias: FunctionAlias | undefined, firstVersion: string): AliasFormValues {
  const [canary] = Object.entries(alias?.additionalVersionWeight ?? {});
  return {
    aliasName: alias?.aliasName ?? '',
    versionId: alias?.versionId ?? firstVersion,
    description: alias?.description ?? '',
    canaryVersionId: canary?.[0] ?? '',
    canaryPercent: canary ? Math.round(canary[1] * 10_000) / 100 : 0,
  };
}

/** What CreateAlias/UpdateAlias take: no canary is an empty map, so an update removes the old one. */
export function aliasInput(values: AliasFormValues): AliasCreate & { additionalVersionWeight: Record<string, number> } {
  const { canaryVersionId, canaryPercent, ...alias } = values;
  return {
    ...alias,
    additionalVersionWeight: canaryVersionId ? { [canaryVersionId]: canaryPercent / 100 } : {},
  };
}

/** `2 (10%)` for the table: each canary version with its share, in the user's number format. */
export function canaryShares(alias: FunctionAlias, language: string): string[] {
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 });
  return Object.entries(alias.additionalVersionWeight ?? {}).map(([id, weight]) => `${id} (${percent.format(weight)})`);
}
