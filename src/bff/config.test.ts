import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionFromEnv, parseConsoleEnv } from './config';
import { resolveConnection } from './connection';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('console environment', () => {
  it('defaults to loopback ports 3000 and 3001 and the .fc-console data dir', () => {
    expect(parseConsoleEnv({})).toMatchObject({
      FC_CONSOLE_PORT: 3000,
      FC_CONSOLE_HOST: '127.0.0.1',
      FC_CONSOLE_DATA: '.fc-console',
      FC_ENGINE_PORT: 3001,
      FC_ENGINE_HOST: '127.0.0.1',
    });
  });

  it('names a bad variable without echoing any value', () => {
    expect(() => parseConsoleEnv({ FC_CONSOLE_PORT: 'abc', FC_ACCOUNT_ID: 'secret-ish' })).toThrow(
      /FC_CONSOLE_PORT: A port is a whole number.*FC_ACCOUNT_ID: An account ID is digits only/,
    );
    expect(() => parseConsoleEnv({ FC_ACCOUNT_ID: 'secret-ish' })).not.toThrow(/secret-ish/);
  });

  it('drives Alibaba Cloud when FC_REGION and FC_ACCOUNT_ID are set', async () => {
    const connection = await resolveConnection(
      connectionFromEnv(parseConsoleEnv({ FC_REGION: 'cn-shanghai', FC_ACCOUNT_ID: '1234' })),
    );
    expect(connection).toEqual({
      mode: 'cloud',
      region: 'cn-shanghai',
      accountId: '1234',
      endpoint: '1234.cn-shanghai.fc.aliyuncs.com',
      protocol: 'https',
    });
  });

  it('reads the local engine’s keys from credentials.json in the data dir', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fc-console-data-'));
    writeFileSync(
      path.join(dir, 'credentials.json'),
      JSON.stringify({ accountId: '42', accessKeyId: 'LTAIabc', accessKeySecret: 's3cret' }),
    );
    const source = connectionFromEnv(
      parseConsoleEnv({ FC_CONSOLE_DATA: dir, FC_ENGINE_PORT: '4100', FC_ENGINE_HOST: '0.0.0.0' }),
    );
    expect(await resolveConnection(source)).toEqual({
      mode: 'local',
      region: 'cn-hangzhou',
      accountId: '42',
      endpoint: '127.0.0.1:4100',
      protocol: 'http',
      accessKeyId: 'LTAIabc',
      accessKeySecret: 's3cret',
    });
  });

  it('lets FC_ENGINE_* override the stored keys, as the engine does', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fc-console-data-'));
    const env = parseConsoleEnv({
      FC_CONSOLE_DATA: dir,
      FC_ENGINE_ACCESS_KEY_ID: 'LTAIenv',
      FC_ENGINE_ACCESS_KEY_SECRET: 'env-secret',
      FC_ENGINE_ACCOUNT_ID: '99',
      FC_ENGINE_REGION: 'ap-southeast-1',
    });
    expect(await resolveConnection(connectionFromEnv(env))).toMatchObject({
      accountId: '99',
      region: 'ap-southeast-1',
      accessKeyId: 'LTAIenv',
      accessKeySecret: 'env-secret',
    });
  });

  it('answers 503 EngineUnavailable until the engine has written its keys', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fc-console-data-'));
    const source = connectionFromEnv(parseConsoleEnv({ FC_CONSOLE_DATA: dir }));
    await expect(resolveConnection(source)).rejects.toMatchObject({ status: 503, code: 'EngineUnavailable' });
  });
});

describe('console access variables', () => {
  it('reads FC_CONSOLE_ALLOWED_HOSTS as names, name:port and .domain entries', () => {
    const env = parseConsoleEnv({ FC_CONSOLE_ALLOWED_HOSTS: 'console.team.example, box:8080,.lab.example' });
    expect(env.FC_CONSOLE_ALLOWED_HOSTS).toEqual([
      { name: 'console.team.example', subdomains: false },
      { name: 'box', subdomains: false, port: 8080 },
      { name: 'lab.example', subdomains: true },
    ]);
    expect(parseConsoleEnv({}).FC_CONSOLE_ALLOWED_HOSTS).toEqual([]);
  });

  it('refuses an entry that is not a host name, and a weak or unknown token setting, naming the variable only', () => {
    expect(() => parseConsoleEnv({ FC_CONSOLE_ALLOWED_HOSTS: 'ok.example,http://bad/' })).toThrow(
      /FC_CONSOLE_ALLOWED_HOSTS: A comma-separated list of host names/,
    );
    expect(() => parseConsoleEnv({ FC_CONSOLE_TOKEN: 'short-secret' })).toThrow(
      /FC_CONSOLE_TOKEN: A console token has 32/,
    );
    expect(() => parseConsoleEnv({ FC_CONSOLE_TOKEN: 'short-secret' })).not.toThrow(/short-secret/);
    expect(() => parseConsoleEnv({ FC_CONSOLE_AUTH: 'password' })).toThrow(/FC_CONSOLE_AUTH is token or none/);
  });
});
