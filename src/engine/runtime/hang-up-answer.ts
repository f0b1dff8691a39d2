import type { HangUpSignal } from './hang-up';
import type { InvokeFailure, InvokeResult } from './types';

export function clientClosed(): InvokeFailure {
  return {
    error: 'ClientClosedRequest',
    message: 'The client closed the connection before the function answered',
    logs: '',
  };
}

/**
 * The invocation's answer, unless the caller hangs up first: it is then answered ClientClosedRequest
 * while the invocation itself runs on (FC's 499: the instance is kept). One promise per invocation,
 * not a chain of the work and a race.
 */
export function answerUnlessHungUp(
  called: Promise<InvokeResult>,
  signal: HangUpSignal,
  settle: (result: InvokeResult) => InvokeResult,
  crash: (error: unknown) => InvokeResult,
): Promise<InvokeResult> {
  return new Promise((resolve) => {
    const onAbort = answerClientClosed(resolve);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    void called.then(
      (result) => answerUnlessGone(signal, onAbort, resolve, settle(result)),
      (error: unknown) => answerUnlessGone(signal, onAbort, resolve, crash(error)),
    );
  });
}

/** A caller that hung up is answered ClientClosedRequest, even when the work ends before that answer. */
function answerUnlessGone(
  signal: HangUpSignal,
  onAbort: () => void,
  resolve: (result: InvokeResult) => void,
  result: InvokeResult,
): void {
  signal.removeEventListener('abort', onAbort);
  resolve(signal.aborted ? clientClosed() : result);
}

/**
 * The caller is answered in the next turn: an instance that stops its work on abort (a web function's
 * proxied request) has released its slot by then. Returned, not assigned to a name: under tsx
 * (esbuild's keepNames) a named closure costs a call each time one is made (decision 038).
 */
function answerClientClosed(resolve: (result: InvokeResult) => void): () => void {
  return () => void setImmediate(resolve, clientClosed());
}
