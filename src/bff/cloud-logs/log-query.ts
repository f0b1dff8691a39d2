import { z } from 'zod';
import { invalidArgument } from '../validation';

/**
 * The console's Log Service search statements: `key: "value"` terms joined by `and`. A value is
 * never escaped into a statement: one outside this set is refused first, so no user input can
 * widen a search to another function's logs (`or`, `not`, quotes, wildcards).
 */
const SEARCH_VALUE = /^[A-Za-z0-9._:/@-]{1,128}$/;

export const searchValueSchema = z.string().regex(SEARCH_VALUE, {
  error: 'Log Service is searched for letters, digits and . _ : / @ - only (at most 128).',
});

export function term(key: string, value: string): string {
  if (!SEARCH_VALUE.test(value)) throw new Error(`not a search value: ${key}`);
  return `${key}: "${value}"`;
}

/** A full-text phrase (the request id in the function's own log lines). */
export function phrase(value: string): string {
  if (!SEARCH_VALUE.test(value)) throw new Error('not a search value');
  return `"${value}"`;
}

export const allOf = (terms: string[]) => terms.join(' and ');

/**
 * An SQL condition that a field equals a value exactly. A search term matches words (`foo` in the topic
 * of `foo-bar`), so analytics that must count one function's rows also say so in SQL. The value is held
 * to the same set as a search value: no quote can end the literal.
 */
export function equals(key: string, value: string): string {
  if (!SEARCH_VALUE.test(value)) throw new Error(`not a search value: ${key}`);
  return `${key} = '${value}'`;
}

/** A filter the user typed that cannot be searched for in Log Service: 400 naming the field. */
export function searchable(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = searchValueSchema.safeParse(value);
  if (!parsed.success) throw invalidArgument(parsed.error.issues, field);
  return parsed.data;
}
