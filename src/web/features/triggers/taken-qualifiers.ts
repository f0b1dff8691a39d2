import { useQuery } from '@tanstack/react-query';
import { LATEST } from '../../../contract/names';
import { triggerQueries } from '../../lib/trigger-queries';
import type { QualifierChoices } from '../../lib/qualifier-queries';

/** Qualifier → the HTTP trigger already on it. FC allows one HTTP trigger per version or alias. */
export type TakenQualifiers = ReadonlyMap<string, string>;

/** The function's qualifiers that already have an HTTP trigger, other than the one being edited. */
export function useTakenQualifiers(functionName: string, editing?: string): TakenQualifiers {
  const { data } = useQuery(triggerQueries.list(functionName));
  const taken = new Map<string, string>();
  for (const trigger of data?.triggers ?? [])
    if (trigger.triggerType === 'http' && trigger.triggerName !== editing)
      taken.set(trigger.qualifier || LATEST, trigger.triggerName);
  return taken;
}

/** The first qualifier a new trigger can take: LATEST, else a version, else an alias; LATEST when none is free. */
export function freeQualifier(choices: QualifierChoices, taken: TakenQualifiers): string {
  const all = [LATEST, ...choices.versions, ...choices.aliases.map((a) => a.aliasName)];
  return all.find((q) => !taken.has(q)) ?? LATEST;
}
