/**
 * Why a web function did not start, in words that say what to do. Locally every instance gets its
 * own port in FC_SERVER_PORT, because all functions share this machine's network
 * (docs/decisions/013-custom-runtime-port.md); in Function Compute that variable holds
 * customRuntimeConfig.port, so an app that reads it runs unchanged in both.
 */
export function listensOnConfiguredPort(configured: number, assigned: number): string {
  return (
    `The function listens on port ${configured} (customRuntimeConfig.port), not on port ${assigned} in FC_SERVER_PORT. ` +
    `Functions share this machine's network, so each instance gets its own port here: listen on the port in the ` +
    `FC_SERVER_PORT environment variable (in Function Compute it is customRuntimeConfig.port, so the code runs unchanged there)`
  );
}

export function exitedBeforeListening(exit: string, assigned: number, lastLine: string | undefined): string {
  const said = lastLine ? `: ${lastLine.trim().slice(0, 200)}` : '';
  return `The start command exited (${exit}) before listening on port ${assigned}${said}${hintFor(lastLine ?? '')}`;
}

export function notListening(assigned: number, timeoutMs: number, elsewhere: number[]): string {
  const other = elsewhere.length > 0 ? `; it listens on ${elsewhere.join(', ')} instead` : '';
  return `The function did not listen on port ${assigned} (FC_SERVER_PORT) within ${timeoutMs} ms${other}`;
}

/** What the last line says went wrong, and what to do about it. */
function hintFor(lastLine: string): string {
  if (/address already in use/i.test(lastLine)) {
    return ". Another program holds the port it tried: listen on the port in FC_SERVER_PORT, which is free and the instance's own";
  }
  return missingPythonModule(lastLine);
}

/** A Python module missing from this machine's python3: the commonest first-run failure of a Python web function. */
function missingPythonModule(lastLine: string): string {
  const missing = /ModuleNotFoundError: No module named '([\w.]+)'/.exec(lastLine)?.[1];
  if (!missing) return '';
  const top = missing.split('.')[0]!.toLowerCase();
  return (
    `. The python3 on this machine lacks the module ${top}: install it (on Debian or Ubuntu: ` +
    `apt-get install python3-${top}) or ship it in the code package`
  );
}
