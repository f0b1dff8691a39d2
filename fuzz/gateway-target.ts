import { setHeader, type Draft } from './draft';
import { signedHeaders } from './engine-keys';
import type { Targets, TriggerTarget } from './targets';

/** Where a gateway request goes and how it would be let in; mutations take it from there. */
export type GatewayTarget = { trigger: TriggerTarget; host: string; targets: Targets };

/** The credentials a trigger's auth type expects, on a request that is otherwise complete. */
export function authorize(d: Draft, target: GatewayTarget): void {
  const { trigger, targets } = target;
  switch (trigger.auth) {
    case 'basic': {
      const { username, password } = targets.basic;
      return setHeader(d, 'Authorization', `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`);
    }
    case 'bearer':
      return setHeader(d, 'Authorization', `Bearer ${targets.bearerToken}`);
    case 'jwt':
      return setHeader(d, 'Authorization', `Bearer ${targets.jwt.valid}`);
    case 'function': {
      const q = d.target.indexOf('?');
      const signed = signedHeaders(
        {
          method: d.method,
          rawPath: q === -1 ? d.target : d.target.slice(0, q),
          rawQuery: q === -1 ? '' : d.target.slice(q + 1),
          host: target.host,
          headers: {},
          body: d.body,
        },
        targets.keys,
      );
      for (const [name, value] of Object.entries(signed)) if (name !== 'host') setHeader(d, name, value);
      return;
    }
    case 'anonymous':
      return;
  }
}
