import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../runtime/port';
import { call, deployHttp, startHarness, type FunctionCode, type Harness } from './harness';

// Locally all functions share the machine's network: each web instance gets a free port of its own
// in FC_SERVER_PORT, which in Function Compute holds customRuntimeConfig.port
// (docs/decisions/013-custom-runtime-port.md).
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** A Node server answering who it is and the port it was given; `listen` is the port expression it listens on. */
function server(name: string, port: number, listen = 'Number(process.env.FC_SERVER_PORT)'): FunctionCode {
  return {
    runtime: 'custom.debian12',
    customRuntimeConfig: { command: ['node'], args: ['server.js'], port },
    files: {
      'server.js': `require('node:http').createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ name: ${JSON.stringify(name)}, path: req.url, serverPort: process.env.FC_SERVER_PORT }));
}).listen(${listen}, '0.0.0.0');
`,
    },
  };
}

type Answer = { name: string; path: string; serverPort: string };

describe('a web function configured with a port', () => {
  it('two functions configured on port 9000 answer at the same time, each with its own responses', async () => {
    const [first, second] = await Promise.all([
      deployHttp(h, server('first', 9000)),
      deployHttp(h, server('second', 9000)),
    ]);
    const replies = await Promise.all([
      call(first!.urlInternet, { path: '/a' }),
      call(second!.urlInternet, { path: '/b' }),
      call(first!.urlInternet, { path: '/c' }),
      call(second!.urlInternet, { path: '/d' }),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    const answers = replies.map((reply) => reply.json<Answer>());
    expect(answers.map(({ name, path }) => [name, path])).toEqual([
      ['first', '/a'],
      ['second', '/b'],
      ['first', '/c'],
      ['second', '/d'],
    ]);
    expect(answers[0]!.serverPort).not.toBe(answers[1]!.serverPort);
  });

  it('on port 8080 answers through its trigger', async () => {
    const { urlInternet } = await deployHttp(h, server('on-8080', 8080));
    const reply = await call(urlInternet, { path: '/test' });
    expect(reply.status).toBe(200);
    expect(reply.json<Answer>()).toMatchObject({ name: 'on-8080', path: '/test' });
  });

  it('that listens on its configured port instead of FC_SERVER_PORT is a 502 that says so', async () => {
    const configured = await findFreePort();
    const { urlInternet } = await deployHttp(h, server('hard-coded', configured, String(configured)));
    const reply = await call(urlInternet);
    expect(reply.status).toBe(502);
    expect(reply.headers['x-fc-error-type']).toBe('InstanceStartFailed');
    expect(reply.json<{ Message: string }>().Message).toContain(
      `listens on port ${configured} (customRuntimeConfig.port), not on port`,
    );
    expect(reply.json<{ Message: string }>().Message).toContain('FC_SERVER_PORT environment variable');
  });
});

describe.skipIf(spawnSync('python3', ['--version']).status !== 0)('a Python web function', () => {
  it('whose module is missing is a 502 that names the module and the package to install', async () => {
    const { urlInternet } = await deployHttp(h, {
      runtime: 'custom.debian12',
      customRuntimeConfig: { command: ['python3'], args: ['app.py'], port: 9000 },
      files: { 'app.py': 'import os\nimport fcconsolenosuchmodule.web\n' },
    });
    const reply = await call(urlInternet);
    expect(reply.status).toBe(502);
    expect(reply.headers['x-fc-error-type']).toBe('InstanceStartFailed');
    const { Message } = reply.json<{ Message: string }>();
    expect(Message).toContain("ModuleNotFoundError: No module named 'fcconsolenosuchmodule'");
    expect(Message).toContain('apt-get install python3-fcconsolenosuchmodule');
  });
});
