/** The Monitoring tab's texts (namespace `monitoring`), registered when the tab's code loads. */
export default {
  title: 'Monitoring',
  filters: 'Monitoring filters',
  window: { label: 'Time range', '1h': 'Last hour', '1d': 'Last day' },
  trigger: { label: 'Trigger', all: 'All triggers' },
  qualifier: { label: 'Qualifier', all: 'All qualifiers' },
  live: 'Updated every {{seconds, number}} seconds while this tab is open. Shows requests the local engine recorded.',
  liveCloud:
    "Updated every {{seconds, number}} seconds while this tab is open. Figures from Log Service's analysis of the function's request logs (p50/p99 are Log Service's estimates).",
  logsOff: 'This function writes no request logs',
  loadFailed: 'The metrics could not be loaded',
  empty: {
    title: 'No requests recorded in this time range',
    description:
      "Requests sent to the function's trigger URLs (from anywhere, the console's Test Function included) appear here within a few seconds.",
  },
  totals: {
    title: 'Totals',
    invocations: 'Invocations',
    errors4xx: 'Client errors (4xx)',
    errors5xx: 'Server errors (5xx)',
    throttles: 'Throttled (429)',
    p99: 'Slowest p99',
    ms: '{{value, number}} ms',
    none: '—',
  },
  chart: {
    invocations: 'Invocations',
    errors: 'Errors by status',
    throttles: 'Throttles (429)',
    duration: 'Duration p50 / p99 (ms)',
    loading: 'Loading the chart',
    failed: 'The chart could not be drawn; the figures are in the totals and the table.',
  },
  series: { errors4xx: '4xx', errors5xx: '5xx', p50: 'p50', p99: 'p99' },
  summary: {
    count_one: '{{count, number}} in total, at most {{peak, number}} in one bucket',
    count_other: '{{count, number}} in total, at most {{peak, number}} in one bucket',
    duration: 'p50 up to {{p50}} and p99 up to {{p99}}',
    durationNone: 'No durations: nothing was recorded',
  },
  table: {
    caption: 'Requests per {{minutes, number}} minutes, the buckets that had requests',
    start: 'From',
  },
};
