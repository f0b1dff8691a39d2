/** The colour of an HTTP status wherever one is shown: failures stand out, 5xx most. */
export function statusColor(status: number): 'success' | 'info' | 'warning' | 'error' {
  if (status >= 500 || status === 0) return 'error';
  if (status >= 400) return 'warning';
  if (status >= 300) return 'info';
  return 'success';
}
