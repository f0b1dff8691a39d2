import { draftRequest, newDraft } from './draft';
import { callOpenApi } from './engine-keys';
import { authorize } from './gateway-target';
import { sendRaw } from './raw-http';
import type { Targets, TriggerTarget } from './targets';

const TIMEOUT_MS = 20_000;

async function get(targets: Targets, port: number, host: string, path: string, trigger?: TriggerTarget) {
  const draft = newDraft(
    'GET',
    path,
    [
      ['Host', host],
      ['Connection', 'close'],
    ],
    Buffer.alloc(0),
  );
  if (trigger) authorize(draft, { trigger, host, targets });
  const outcome = await sendRaw(draftRequest(port, draft), TIMEOUT_MS);
  if (outcome.kind === 'answered' && outcome.status === 200) return undefined;
  return outcome.kind === 'answered' ? `${outcome.status} ${outcome.body.slice(0, 200)}` : outcome.kind;
}

/** Each surface answers a plain, valid request with 200 (every trigger, with its credentials): what is wrong, or nothing. */
export async function checkServing(
  targets: Targets,
  which: (trigger: TriggerTarget) => boolean = () => true,
): Promise<string[]> {
  const problems: string[] = [];
  for (const trigger of targets.triggers.filter(which)) {
    const problem = await get(targets, targets.enginePort, trigger.hosts.internet, '/', trigger);
    if (problem) problems.push(`trigger ${trigger.name}: ${problem}`);
  }
  const settings = await get(targets, targets.consolePort, `127.0.0.1:${targets.consolePort}`, '/api/settings');
  if (settings) problems.push(`console GET /api/settings: ${settings}`);
  try {
    const list = await callOpenApi(targets.enginePort, targets.keys, 'GET', '/2023-03-30/functions');
    if (list.status !== 200) problems.push(`OpenAPI ListFunctions: ${list.status}`);
  } catch (error) {
    problems.push(`OpenAPI ListFunctions: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}
