import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBffApp } from '../../src/bff/app';
import { connectionFromEnv, parseConsoleEnv } from '../../src/bff/config';
import { openConsoleStore } from '../../src/bff/console-store/console-store';
import { REGION_HEADER } from '../../src/contract/fc-regions';
import { CLOUD_ACCOUNT, cloudFcHost } from './cloud-account';
import { createCloudFc } from './cloud-fc';

const cloud = createCloudFc();
const server = setupServer(...cloud.handlers);

beforeAll(() => {
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', CLOUD_ACCOUNT.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', CLOUD_ACCOUNT.accessKeySecret);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cloud.calls.splice(0);
  cloud.hosts.splice(0);
});
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

describe('the region selector in cloud mode, against FC 3.0 as MSW records it', () => {
  const env = parseConsoleEnv({ FC_REGION: CLOUD_ACCOUNT.region, FC_ACCOUNT_ID: CLOUD_ACCOUNT.accountId });
  const app = createBffApp({ connection: connectionFromEnv(env), consoleStore: openConsoleStore(':memory:') });
  const get = (path: string, region?: string) =>
    app.request(path, { headers: region ? { [REGION_HEADER]: region } : {} });

  it('sends each call, signed with the same keys, to the endpoint of the region the request names', async () => {
    expect((await get('/api/functions', 'ap-northeast-1')).status).toBe(200);
    expect((await get('/api/functions')).status).toBe(200);
    expect((await get('/api/functions', 'eu-central-1')).status).toBe(200);
    expect((await get('/api/functions', 'ap-northeast-1')).status).toBe(200);
    expect(cloud.calls.filter((c) => c.problems.length > 0)).toEqual([]);
    expect(cloud.hosts).toEqual([
      cloudFcHost('ap-northeast-1'),
      cloudFcHost(CLOUD_ACCOUNT.region),
      cloudFcHost('eu-central-1'),
      cloudFcHost('ap-northeast-1'),
    ]);
  });

  it('answers the chosen region in the settings, FC_REGION without one', async () => {
    expect(await (await get('/api/settings', 'us-east-1')).json()).toEqual({
      mode: 'cloud',
      region: 'us-east-1',
      accountId: CLOUD_ACCOUNT.accountId,
    });
    expect(await (await get('/api/settings')).json()).toMatchObject({ region: CLOUD_ACCOUNT.region });
  });

  it('refuses a region FC does not have before anything is sent', async () => {
    for (const region of ['mars-1', 'evil.example.com/x', 'cn-hangzhou.attacker']) {
      const res = await get('/api/functions', region);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 'InvalidArgument',
        fields: { [REGION_HEADER]: 'region.unknown' },
      });
    }
    expect(cloud.calls).toEqual([]);
  });
});
