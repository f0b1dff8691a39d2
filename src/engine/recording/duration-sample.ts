/** Durations kept per minute: exact up to this many requests, evenly spaced weighted ranks past it. */
export const DURATION_SAMPLE = 200;

/** A minute's durations: `values` stand for `count` requests, each value for `count / values.length` of them. */
export type DurationSample = { values: number[]; count: number };

type Weighted = Array<[value: number, weight: number]>;

function weighted(samples: readonly DurationSample[]): { items: Weighted; total: number } {
  const items: Weighted = [];
  let total = 0;
  for (const { values, count } of samples) {
    if (!values.length) continue;
    const weight = count / values.length;
    for (const value of values) items.push([value, weight]);
    total += count;
  }
  return { items: items.sort((a, b) => a[0] - b[0]), total };
}

/** The smallest duration at or past the q-th part of the requests (nearest rank when every weight is 1). */
export function percentileOf(samples: readonly DurationSample[], q: number): number | undefined {
  const { items, total } = weighted(samples);
  let seen = 0;
  for (const [value, weight] of items) {
    seen += weight;
    if (seen >= q * total - 1e-9) return value;
  }
  return items.at(-1)?.[0];
}

/** Merges samples into one of at most `size` values that keeps the merged distribution's ranks. */
export function mergeSamples(samples: readonly DurationSample[], size = DURATION_SAMPLE): DurationSample {
  const { items, total } = weighted(samples);
  if (items.length <= size && items.every(([, weight]) => weight === 1))
    return { values: items.map(([value]) => value), count: total };
  const values: number[] = [];
  let seen = 0;
  let next = 0;
  for (const [value, weight] of items) {
    seen += weight;
    while (values.length < size && seen >= ((next + 0.5) * total) / size) {
      values.push(value);
      next++;
    }
  }
  return { values, count: total };
}
