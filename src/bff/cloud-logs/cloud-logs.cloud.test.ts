import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { recordedRow } from '../../../mocks/fixtures/recorded-rows';
import { slsGetLogsHandler } from '../../../mocks/sls-get-logs';
import { LOGGING_CONFIG } from '../../../mocks/sls-request-logs';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import { REGION_HEADER } from '../../contract/fc-regions';
import { createBffApp } from '../app';
import { connectionFromEnv, parseConsoleEnv } from '../config';
import { openConsoleStore } from '../console-store/console-store';

const server = useMockFc();
const KEYS = { id: 'LTAI5tDefaultChainKey01', secret: 'default-chain-secret-5e1f0c3a' };
const logged: string[] = [];

beforeAll(() => {
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', KEYS.id);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', KEYS.secret);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
});
afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('Log Service as `FC_REGION=… FC_ACCOUNT_ID=… npm start` reaches it', () => {
  it('signs GetLogs with the default credential chain, in the region the request chose', async () => {
    const connection = connectionFromEnv(
      parseConsoleEnv({ FC_REGION: 'cn-shanghai', FC_ACCOUNT_ID: '1357924680135792' }),
    );
    const app = createBffApp({ connection, consoleStore: openConsoleStore(':memory:') });
    const hosts: string[] = [];
    server.use(slsGetLogsHandler({ secrets: { [KEYS.id]: KEYS.secret }, hosts }));
    seedFunction({ ...helloFunction, logConfig: LOGGING_CONFIG });
    recordedRow({ path: '/from-the-cloud' });

    const home = await callApi(app, 'GET', '/api/functions/hello-world/requests');
    expect(home.status, home.text).toBe(200);
    expect(home.body.requests.map((r: { path: string }) => r.path)).toEqual(['/from-the-cloud']);
    const chosen = await callApi(app, 'GET', '/api/functions/hello-world/metrics', undefined, {
      [REGION_HEADER]: 'cn-hangzhou',
    });
    expect(chosen.status, chosen.text).toBe(200);
    expect(new Set(hosts)).toEqual(
      new Set([
        `${LOGGING_CONFIG.project}.cn-shanghai.log.aliyuncs.com`,
        `${LOGGING_CONFIG.project}.cn-hangzhou.log.aliyuncs.com`,
      ]),
    );
    for (const text of [home.text, chosen.text, ...logged]) expect(text).not.toContain(KEYS.secret);
  });
});
