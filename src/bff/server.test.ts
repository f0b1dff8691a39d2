import { describe, expect, it } from 'vitest';
import { localConnection } from './connection';
import { startBff } from './server';

describe('startBff', () => {
  it('listens on the given host and a free port, and closes', async () => {
    const connection = localConnection({ endpoint: '127.0.0.1:9', accessKeyId: 'LTAIkey', accessKeySecret: 'secret' });
    const bff = await startBff({ host: '127.0.0.1', port: 0, connection });
    try {
      expect(bff.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${bff.url}/api/settings`);
      expect(await res.json()).toEqual({
        mode: 'local',
        region: 'cn-hangzhou',
        accountId: '1234567890123456',
        engineUrl: 'http://127.0.0.1:9',
      });
    } finally {
      await bff.close();
    }
    await expect(fetch(`${bff.url}/api/settings`)).rejects.toThrow();
  });
});
