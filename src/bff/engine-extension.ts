import type { z } from 'zod';
import { consoleErrorMessage, CONSOLE_ERRORS } from '../contract/console-errors';
import { getEngineOperation } from '../contract/engine-operation';
import { describeIssues } from '../contract/validation-messages';
import { resolveConnection, type ConnectionSource } from './connection';
import type { FcCall } from './fc-client';
import { FcError } from './fc-error';

/** One of the local engine's own operations through the bff's client; never made to the cloud. */
export function getEngineExtension(
  fcCall: FcCall,
  action: string,
  pathname: string,
  query: Record<string, string> = {},
): Promise<unknown> {
  return fcCall((fc) => getEngineOperation(fc, action, pathname, query));
}

export type EngineRead<T extends z.ZodType> = {
  action: string;
  path: string;
  /** The filters as the signed call carries them: strings, the unset ones left out. */
  query?: Record<string, string | number | undefined>;
  /** The answer is bounded by the contract's schema: a shape the console cannot read is the engine's fault. */
  schema: T;
  /** What the answer holds, for the 502 that says it could not be read. */
  what: string;
};

/**
 * A view only the local engine has (its recorded requests, its metrics): in cloud mode 501
 * LocalEngineOnly, else the engine's operation, its answer parsed.
 */
export async function readEngineView<T extends z.ZodType>(
  fcCall: FcCall,
  connection: ConnectionSource,
  read: EngineRead<T>,
): Promise<z.infer<T>> {
  const { mode } = await resolveConnection(connection);
  if (mode === 'cloud')
    throw new FcError(CONSOLE_ERRORS.LocalEngineOnly.status, 'LocalEngineOnly', consoleErrorMessage('LocalEngineOnly'));
  const query = Object.fromEntries(
    Object.entries(read.query ?? {}).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );
  const answer = await getEngineExtension(fcCall, read.action, read.path, query);
  const parsed = read.schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new FcError(
    502,
    'InvalidResponse',
    `The local engine answered with ${read.what} the console cannot read: ${describeIssues(parsed.error.issues)}`,
  );
}
