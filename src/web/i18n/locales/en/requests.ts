/** The Requests tab: every request the engine's gateway answered for the function. */
export default {
  title: 'Requests',
  row: '{{method}} {{path}}: {{status}}',
  loadFailed: 'The requests could not be loaded',
  fromConsole: 'console',
  columns: {
    time: 'Time',
    method: 'Method',
    path: 'Path',
    source: 'Source',
    status: 'Status',
    duration: 'Duration',
    requestId: 'Request ID',
    type: 'Type',
    via: 'Trigger / domain',
  },
  filters: {
    all: 'All',
    status: 'Status',
    method: 'Method',
    trigger: 'Trigger',
    time: 'Time',
    path: 'Path contains',
    requestId: 'Request ID',
    range: { all: 'All time', '15m': 'Last 15 minutes', '1h': 'Last hour', '1d': 'Last day' },
  },
  empty: {
    title: 'No requests yet — send one:',
    filtered: 'No request matches these filters',
    noTrigger: 'Create an HTTP trigger, then send a request to its URL.',
    copy: 'Copy the curl command',
  },
  detail: {
    title: 'Request {{requestId}}',
    loadFailed: 'The request could not be loaded',
    via: 'Through {{via}} · from {{source}}',
    dropped:
      'Only the summary of this request was kept: the recorder fell behind while requests arrived, and it drops details before it would slow the gateway down.',
    request: 'Request',
    response: 'Response',
    noLogs: 'No logs are kept for this request.',
  },
  cloud: {
    note: "Read from the function's request logs in Simple Log Service: a request appears once Log Service has indexed it (seconds to a minute), without the trigger's name, headers or bodies.",
    logsOff: 'This function writes no request logs',
    detail:
      "Read from the function's request logs in Simple Log Service, which keep no headers or bodies: the request cannot be replayed as it was, and the logs are the lines that name its request id.",
  },
  capped:
    'Showing the newest {{count}} requests that arrived while the tab was open; older ones are on the next pages.',
  actions: {
    replay: 'Replay',
    replaying: 'Replaying',
    replayFailed: 'The request could not be replayed',
    replayResult: 'Replay result',
    openInTest: 'Open in Test Function',
    throughDomain:
      "Replay sends it to the custom domain {{domainName}} again, with the credentials of the domain's settings. Test Function and Copy as cURL send through a trigger.",
  },
  replayBlocked: {
    noDomain: 'The custom domain this request came through was not recorded, so it cannot be sent there again.',
    noDetail: 'Only the summary of this request was kept, so it cannot be sent again as it was.',
    binaryBody: 'The request had a binary body, which Test Function cannot send as it was.',
    truncatedBody: 'The request body was larger than what is kept, so it cannot be sent again as it was.',
    method: 'Test Function cannot send this method.',
    noTrigger: 'The trigger this request came through no longer exists.',
  },
};
