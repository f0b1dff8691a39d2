import type { InvocationResult } from '../../../../contract/invocation';

export function responseHeader(result: Pick<InvocationResult, 'headers'>, name: string): string | undefined {
  return result.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

export type ClockSkew = { seconds: number; serverTime: Date; clientTime: Date };

/**
 * The response's Date against the clock of the side that sent (and signed) the request: the time
 * the response arrived there, invokedAt + durationMs. Kept with the result, so a result reopened
 * from the history still shows the skew it had.
 */
export function clockSkew(
  result: Pick<InvocationResult, 'headers' | 'invokedAt' | 'durationMs'>,
): ClockSkew | undefined {
  const date = responseHeader(result, 'date');
  const server = date ? Date.parse(date) : NaN;
  const sent = Date.parse(result.invokedAt);
  if (Number.isNaN(server) || Number.isNaN(sent)) return undefined;
  const client = sent + result.durationMs;
  // `|| 0`: no "-0 s".
  return {
    seconds: Math.round((server - client) / 1000) || 0,
    serverTime: new Date(server),
    clientTime: new Date(client),
  };
}
