import type { InvokeInput, TestRequest } from '../../../contract/invocation';
import { LATEST } from '../../../contract/names';
import type { Trigger } from '../../../contract/trigger';

/** What Test Function sends: the request, and for an HTTP request the trigger, endpoint and credential. */
export type TestParams = {
  request: TestRequest;
  triggerName?: string;
  endpoint?: 'internet' | 'intranet';
  auth?: InvokeInput['auth'];
};

export const DEFAULT_EVENT = '{\n  "key": "value"\n}';

/** The trigger a test goes through unless told: the one on LATEST, else the first (as the bff picks). */
export function defaultTrigger(triggers: readonly Trigger[]): Trigger | undefined {
  return triggers.find((t) => t.qualifier === LATEST) ?? triggers[0];
}

/** The trigger's first credential: what a Basic or Bearer test sends unless another is chosen. */
export function defaultAuth(trigger: Trigger | undefined): InvokeInput['auth'] {
  const config = trigger?.triggerConfig;
  if (config?.authType === 'basic') {
    const username = config.authConfig.users[0]?.username;
    return username ? { type: 'basic', username } : undefined;
  }
  if (config?.authType === 'bearer') {
    const tokenName = config.authConfig.tokens[0]?.name;
    return tokenName ? { type: 'bearer', tokenName } : undefined;
  }
  return undefined;
}

/** GET / through the trigger (its first method when it has no GET), or an event payload without one. */
export function defaultParams(trigger: Trigger | undefined): TestParams {
  if (!trigger) return { request: { kind: 'event', event: DEFAULT_EVENT } };
  const methods = trigger.triggerConfig.methods;
  const method = methods.includes('GET') ? 'GET' : (methods[0] ?? 'GET');
  return {
    triggerName: trigger.triggerName,
    // Disable Internet URL closes the public endpoint: the internal one is the one that answers.
    ...(trigger.triggerConfig.disableURLInternet ? { endpoint: 'intranet' as const } : {}),
    request: { kind: 'http', method, path: '/', query: [], headers: [], bodyType: 'text', body: '' },
    auth: defaultAuth(trigger),
  };
}
