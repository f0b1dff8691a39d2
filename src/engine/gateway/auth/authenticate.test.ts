import { describe, expect, it } from 'vitest';
import type { HttpTriggerConfig } from '../../../contract/trigger';
import { answered, makeContext } from '../testing/gateway-context';
import { authenticate } from './authenticate';

const deps = { credentials: { accessKeyId: 'LTAIlocal', accessKeySecret: 'local-secret' } };
const request = (trigger: HttpTriggerConfig) => makeContext({ trigger });

describe('authenticate', () => {
  it('lets anyone through No Authentication', async () => {
    expect(
      await authenticate(request({ methods: ['GET'], authType: 'anonymous', authConfig: undefined }), deps),
    ).toEqual({ next: true });
  });

  it("checks each trigger's own method: an unauthenticated request is refused by every other one", async () => {
    const triggers: HttpTriggerConfig[] = [
      { methods: ['GET'], authType: 'function', authConfig: undefined },
      {
        methods: ['GET'],
        authType: 'jwt',
        authConfig: { jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }, tokenLookup: 'header:Authorization:Bearer ' },
      },
      {
        methods: ['GET'],
        authType: 'basic',
        authConfig: { users: [{ username: 'alice-account', password: 'Alice#Password1' }] },
      },
      { methods: ['GET'], authType: 'bearer', authConfig: { tokens: [{ name: 'ci', token: 'x'.repeat(32) }] } },
    ];
    const statuses = await Promise.all(
      triggers.map(async (t) => answered(await authenticate(request(t), deps)).status),
    );
    expect(statuses).toEqual([400, 401, 401, 401]);
  });
});
