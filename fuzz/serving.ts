import { callOpenApi } from './engine-keys';
import { requestHead, sendRaw } from './raw-http';
import type { Targets } from './targets';

const TIMEOUT_MS = 20_000;

async function get(port: number, host: string, path: string): Promise<string | undefined> {
  const head = requestHead('GET', path, [
    ['Host', host],
    ['Connection', 'close'],
  ]);
  const outcome = await sendRaw({ port, parts: [Buffer.from(head)], then: 'wait' }, TIMEOUT_MS);
  if (outcome.kind === 'answered' && outcome.status === 200) return undefined;
  return outcome.kind === 'answered' ? `${outcome.status} ${outcome.body.slice(0, 200)}` : outcome.kind;
}

/** Each surface answers a plain, valid request with 200: what is wrong, or nothing. */
export async function checkServing(targets: Targets): Promise<string[]> {
  const problems: string[] = [];
  for (const trigger of targets.triggers.filter((t) => t.auth === 'anonymous')) {
    const problem = await get(targets.enginePort, trigger.hosts.internet, '/');
    if (problem) problems.push(`trigger ${trigger.name}: ${problem}`);
  }
  const settings = await get(targets.consolePort, `127.0.0.1:${targets.consolePort}`, '/api/settings');
  if (settings) problems.push(`console GET /api/settings: ${settings}`);
  try {
    const list = await callOpenApi(targets.enginePort, targets.keys, 'GET', '/2023-03-30/functions');
    if (list.status !== 200) problems.push(`OpenAPI ListFunctions: ${list.status}`);
  } catch (error) {
    problems.push(`OpenAPI ListFunctions: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}
