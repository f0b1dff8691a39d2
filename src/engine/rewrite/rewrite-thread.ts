import { parentPort } from 'node:worker_threads';
import type { RewriteConfig } from '../../contract/custom-domain';
import { rewriteCustomDomainPath } from '../../contract/custom-domain-routes';
import { guardRegExpBacktracking } from '../../regexp-guard';
import { rememberConfig, type FromRewriteThread, type ToRewriteThread } from './rewrite-message';

// Costly rewrites, in a thread of their own (off-loop-rewriter.ts starts it and ends it when one
// overruns its deadline): the gateway's event loop never runs them.
guardRegExpBacktracking();
const configs = new Map<number, RewriteConfig>();
const port = parentPort!;

port.on('message', ({ id, configId, config, path }: ToRewriteThread) => {
  if (config) rememberConfig(configs, configId, config);
  const known = configs.get(configId);
  const answer: FromRewriteThread = known ? { id, path: rewriteCustomDomainPath(known, path) } : { id, lost: true };
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies FromRewriteThread);
