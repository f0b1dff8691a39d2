import { CONSOLE_ERRORS, consoleErrorMessage } from '../contract/console-errors';
import { FcError } from './fc-error';

/**
 * The version an edit was made on, from `If-Match: "<tag>"` (quotes optional). Absent, empty or `*`
 * means "whatever is current": the console's Overwrite, and any client that does not ask for the check.
 */
export function ifMatchOf(header: string | undefined): string | undefined {
  const value = header?.trim().replace(/^W\//, '');
  if (!value || value === '*') return undefined;
  const tag = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return tag === '' ? undefined : tag;
}

/** 412 with the catalogue's code when the resource is no longer the version the edit was made on. */
export function assertUnchanged(
  expected: string | undefined,
  current: string | undefined,
  code: 'CodeChanged' | 'TriggerChanged' | 'CustomDomainChanged',
) {
  if (expected === undefined || expected === current) return;
  throw new FcError(CONSOLE_ERRORS[code].status, code, consoleErrorMessage(code));
}
