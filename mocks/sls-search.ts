import type { SlsRow } from './sls-request-logs';

/** A statement the mock does not understand: Log Service's 400 for a bad query. */
export class SlsQueryError extends Error {}

const FIELD_TERM = /^([A-Za-z_][A-Za-z0-9_]*): "([^"\\]*)"$/;
const PHRASE = /^"([^"\\]*)"$/;

/** A field's words as an index splits them (this mock's logstore has `-` among its delimiters). */
const wordsOf = (text: string) => text.split(/[^A-Za-z0-9_]+/).filter(Boolean);

/** Whether `phrase`'s words appear in order, next to each other, among the field's: `foo` is in `foo-bar`. */
function hasPhrase(field: string | undefined, phrase: string): boolean {
  if (field === undefined) return false;
  const [have, want] = [wordsOf(field), wordsOf(phrase)];
  if (want.length === 0) return field === phrase;
  return have.some((_, at) => want.every((word, i) => have[at + i] === word));
}

/**
 * The search part of a statement, as far as the console writes one: `*`, or `key: "value"` and
 * `"phrase"` terms joined by `and`. A field term matches the words of the field, as Log Service's
 * search does (so not only that exact value); a phrase, any value that contains it (full-text).
 * Anything else is refused, so the console cannot rely on more than this.
 */
export function searchFilter(search: string): (row: SlsRow) => boolean {
  const text = search.trim();
  if (text === '' || text === '*') return () => true;
  const tests = text.split(/ and /i).map((part) => {
    const field = FIELD_TERM.exec(part.trim());
    if (field) return (row: SlsRow) => hasPhrase(row[field[1]!], field[2]!);
    const phrase = PHRASE.exec(part.trim());
    if (phrase) return (row: SlsRow) => Object.values(row).some((value) => value.includes(phrase[1]!));
    throw new SlsQueryError(`the mock's Log Service cannot search for ${JSON.stringify(part)}`);
  });
  return (row) => tests.every((test) => test(row));
}

function statusOf(row: SlsRow): number {
  const status = Number(row.statusCode);
  if (row.statusCode !== undefined && Number.isInteger(status)) return status;
  return row.hasFunctionError === 'true' ? 500 : 200;
}

function nearestRank(sorted: number[], p: number): string {
  return String(sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]);
}

/**
 * The analytics the console runs, recognised by their shape rather than run as SQL: the figures per
 * `__time__ % N` bucket, and the qualifiers with their counts. (Percentiles by nearest rank: SLS's
 * approx_percentile is an estimate of the same thing.)
 */
export function analyse(sql: string, all: SlsRow[]): SlsRow[] {
  const rows = all.filter(whereFilter(sql));
  const bucketed = /__time__ - __time__ % (\d+) as bucket\b[\s\S]* group by bucket\b/i.exec(sql);
  if (bucketed) {
    const size = Number(bucketed[1]);
    const groups = new Map<number, SlsRow[]>();
    for (const row of rows) {
      const bucket = Number(row.__time__) - (Number(row.__time__) % size);
      groups.set(bucket, [...(groups.get(bucket) ?? []), row]);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a - b)
      .map(([bucket, members]) => {
        const statuses = members.map(statusOf);
        const durations = members
          .map((row) => Number(row.durationMs))
          .filter(Number.isFinite)
          .sort((a, b) => a - b);
        return {
          bucket: String(bucket),
          invocations: String(members.length),
          client_errors: String(statuses.filter((s) => s >= 400 && s < 500).length),
          server_errors: String(statuses.filter((s) => s >= 500).length),
          throttles: String(statuses.filter((s) => s === 429).length),
          p50: durations.length ? nearestRank(durations, 0.5) : 'null',
          p99: durations.length ? nearestRank(durations, 0.99) : 'null',
        };
      });
  }
  if (/^\s*select qualifier, count\(\*\) as invocations (from log where .*? )?group by qualifier\b/i.test(sql)) {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.qualifier ?? 'null', (counts.get(row.qualifier ?? 'null') ?? 0) + 1);
    return [...counts].map(([qualifier, n]) => ({ qualifier, invocations: String(n) }));
  }
  throw new SlsQueryError(`the mock's Log Service does not run ${JSON.stringify(sql.slice(0, 80))}`);
}

const WHERE = / from log where ((?:[A-Za-z_]+ = '[^'\\]*'(?: and )?)+)/i;

/** The exact conditions of an analytic's `from log where a = 'x' and b = 'y'`, as SQL compares them. */
function whereFilter(sql: string): (row: SlsRow) => boolean {
  const where = WHERE.exec(sql);
  if (!where) return () => true;
  const conditions = [...where[1]!.matchAll(/([A-Za-z_]+) = '([^']*)'/g)].map(([, key, value]) => ({ key, value }));
  return (row) => conditions.every(({ key, value }) => row[key!] === value);
}
