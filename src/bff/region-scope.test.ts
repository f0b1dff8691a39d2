import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { REGION_HEADER } from '../contract/fc-regions';
import { connectionFromEnv, parseConsoleEnv } from './config';
import { createFcCall, type FcClient } from './fc-client';
import { regionScope } from './region-scope';

describe('one SDK client per region in cloud mode', () => {
  it('builds a region’s client once, from the same credentials, and reuses it', async () => {
    const built: string[] = [];
    const env = parseConsoleEnv({ FC_REGION: 'cn-shanghai', FC_ACCOUNT_ID: '1234' });
    const fcCall = createFcCall(connectionFromEnv(env), (connection) => {
      built.push(`${connection.endpoint} ${connection.accessKeyId ?? 'default chain'}`);
      return {} as FcClient;
    });
    const app = new Hono().use(regionScope()).get('/', async (c) => c.text(await fcCall(async () => 'called')));
    for (const region of ['ap-northeast-1', 'eu-central-1', 'ap-northeast-1', undefined, 'eu-central-1', undefined]) {
      const res = await app.request('/', { headers: region ? { [REGION_HEADER]: region } : {} });
      expect(await res.text()).toBe('called');
    }
    expect(built).toEqual([
      '1234.ap-northeast-1.fc.aliyuncs.com default chain',
      '1234.eu-central-1.fc.aliyuncs.com default chain',
      '1234.cn-shanghai.fc.aliyuncs.com default chain',
    ]);
  });
});
