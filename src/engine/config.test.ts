import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngineConfig } from './config';

describe('loadEngineConfig', () => {
  it('has the DESIGN defaults', () => {
    expect(loadEngineConfig({}, '/work')).toEqual({
      dataDir: path.resolve('/work/.fc-console'),
      host: '127.0.0.1',
      port: 3001,
      region: 'cn-hangzhou',
      credentialOverrides: {},
      sandbox: 'auto',
      recording: { perFunction: 1000, totalBytes: 64 * 1024 * 1024 },
      gateways: Math.min(2, os.availableParallelism()),
    });
  });

  it('reads every variable, and treats an empty one as unset', () => {
    const config = loadEngineConfig(
      {
        FC_CONSOLE_DATA: 'data',
        FC_ENGINE_PORT: '0',
        FC_ENGINE_HOST: '0.0.0.0',
        FC_ENGINE_REGION: 'cn-shanghai',
        FC_ENGINE_ACCOUNT_ID: '1234567890123456',
        FC_ENGINE_ACCESS_KEY_ID: 'LTAIabcdefghij',
        FC_ENGINE_ACCESS_KEY_SECRET: '',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      dataDir: path.resolve('/srv/data'),
      port: 0,
      host: '0.0.0.0',
      region: 'cn-shanghai',
    });
    expect(config.credentialOverrides).toEqual({ accountId: '1234567890123456', accessKeyId: 'LTAIabcdefghij' });
  });

  it('opens an HTTPS listener for custom domains only when FC_ENGINE_HTTPS_PORT is set, and refuses a bad port', () => {
    expect(loadEngineConfig({ FC_ENGINE_HTTPS_PORT: '3443' }).httpsPort).toBe(3443);
    expect(loadEngineConfig({ FC_ENGINE_HTTPS_PORT: '' })).not.toHaveProperty('httpsPort');
    expect(() => loadEngineConfig({ FC_ENGINE_HTTPS_PORT: 'https' })).toThrow(/FC_ENGINE_HTTPS_PORT: A port/);
  });

  it('reads FC_ENGINE_GATEWAYS, 1 to 4, and refuses any other value', () => {
    expect(loadEngineConfig({ FC_ENGINE_GATEWAYS: '1' }).gateways).toBe(1);
    expect(loadEngineConfig({ FC_ENGINE_GATEWAYS: '4' }).gateways).toBe(4);
    for (const bad of ['0', '5', '1.5', 'two'])
      expect(() => loadEngineConfig({ FC_ENGINE_GATEWAYS: bad })).toThrow(
        /FC_ENGINE_GATEWAYS: FC_ENGINE_GATEWAYS is the number/,
      );
  });

  it('lets FC_ENGINE_SANDBOX=off turn isolation off, and refuses any other value', () => {
    expect(loadEngineConfig({ FC_ENGINE_SANDBOX: 'off' }).sandbox).toBe('off');
    expect(() => loadEngineConfig({ FC_ENGINE_SANDBOX: 'no' })).toThrow(/FC_ENGINE_SANDBOX: FC_ENGINE_SANDBOX is auto/);
  });

  it('reads the recording bounds, 0 requests turning recording off, and refuses a bad one', () => {
    expect(loadEngineConfig({ FC_ENGINE_RECORDED_REQUESTS: '0', FC_ENGINE_RECORDED_MB: '1.5' }).recording).toEqual({
      perFunction: 0,
      totalBytes: 1.5 * 1024 * 1024,
    });
    expect(() => loadEngineConfig({ FC_ENGINE_RECORDED_REQUESTS: '-1' })).toThrow(/FC_ENGINE_RECORDED_REQUESTS/);
    expect(() => loadEngineConfig({ FC_ENGINE_RECORDED_MB: '0' })).toThrow(/FC_ENGINE_RECORDED_MB/);
  });

  it('names the bad variable and never echoes a secret', () => {
    expect(() => loadEngineConfig({ FC_ENGINE_PORT: '70000' })).toThrow(/FC_ENGINE_PORT: A port is a whole number/);
    expect(() => loadEngineConfig({ FC_ENGINE_ACCESS_KEY_SECRET: 'short' })).toThrow(/FC_ENGINE_ACCESS_KEY_SECRET/);
    expect(() => loadEngineConfig({ FC_ENGINE_ACCESS_KEY_SECRET: 'short' })).not.toThrow(/short/);
  });
});
