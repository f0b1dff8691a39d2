import {
  ERROR_TYPE_LABELS,
  GATEWAY_ERRORS,
  UNKNOWN_STATUS,
  UNKNOWN_STATUS_TEXT,
} from '../../../../contract/status-catalogue';

/** The catalogue's English cause and action per code, taken from the contract, not copied. */
const catalogue = Object.fromEntries(
  Object.entries({ ...GATEWAY_ERRORS, [UNKNOWN_STATUS]: UNKNOWN_STATUS_TEXT }).map(([code, row]) => [
    code,
    { cause: row.cause, action: row.action },
  ]),
);

/** The error panel of a test result and the status code reference. */
export default {
  title: '{{status}} · {{type}}',
  types: { ...ERROR_TYPE_LABELS },
  catalogue,
  possibleCauses: 'Possible causes',
  cause: 'Cause',
  action: 'What to do',
  billed: 'Billed: {{value}}',
  yes: 'Yes',
  no: 'No',
  code: 'Error code {{code}}',
  noCode:
    'No error code came with this status: it may be the answer of your function itself rather than of Function Compute.',
  message: 'Function Compute said: {{message}}',
  requestId: 'Request ID {{requestId}}',
  methods: {
    allowed: 'This trigger allows {{methods}}; the request used {{method}}.',
    modify: 'Modify',
    modifyLabel: 'Modify the trigger’s request methods',
  },
  internet: {
    internal: 'The internal endpoint still answers:',
    use: 'Use internal endpoint',
    copy: 'Copy internal endpoint',
  },
  size: {
    headers: 'Headers as sent (names and values): {{size, number}} bytes of {{limit, number}} (8 KB)',
    pathWithQuery: 'Path with its query as sent: {{size, number}} bytes of {{limit, number}} (4 KB)',
    over: 'over the limit',
    within: 'within the limit',
  },
  skew: {
    measured:
      'Clock skew: {{seconds, number}} s between the response’s Date ({{serverTime}}) and this computer’s clock ({{clientTime}}); a signature is valid for 15 minutes.',
    unknown: 'The response carries no Date header, so the clock skew cannot be measured.',
  },
  auth: 'This trigger uses {{method}}.',
  logs: {
    hint: 'The function failed: its logs for this invocation say why.',
    show: 'View logs',
  },
  reference: {
    open: 'Status code reference',
    title: 'Status code reference',
    intro:
      'Request errors return 4xx, function errors 5xx. What an HTTP trigger answers when something goes wrong, and whether the call is billed:',
    columns: {
      type: 'Error Type',
      status: 'HTTP Status Code',
      code: 'Error Code',
      cause: 'Cause Analysis',
      billed: 'Billed',
      action: 'What to do',
    },
  },
};
