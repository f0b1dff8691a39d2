import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_BODY_LIMITS } from '../contract/console-body-limits';
import { localConnection } from './connection';
import { openConsoleStore } from './console-store/console-store';
import { startBff, type RunningBff } from './server';

// Nothing listens there: these requests are answered before FC is called.
const connection = localConnection({ endpoint: '127.0.0.1:9', accessKeyId: 'LTAIkey', accessKeySecret: 'secret' });
const BODY = Buffer.from('{"domainName":"-not-a-domain-"}');

type Outcome = { status: number; code: string; toldToContinue: boolean };

/** A POST that waits for `100 Continue` before it sends its body, as curl does with large uploads. */
function postExpectingContinue(url: string, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let toldToContinue = false;
    const req = http.request(`${url}/api/custom-domains`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', expect: '100-continue', ...headers },
    });
    req.on('continue', () => {
      toldToContinue = true;
      req.end(BODY);
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, code: (JSON.parse(text) as { code: string }).code, toldToContinue });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('a client that expects 100 Continue is told to send its body only once the console would read it', () => {
  let bff: RunningBff;
  beforeAll(async () => {
    bff = await startBff({ host: '127.0.0.1', port: 0, connection, consoleStore: openConsoleStore(':memory:') });
  });
  afterAll(() => bff.close());

  it('is told to continue, sends its body, and gets the answer to it', async () => {
    const outcome = await postExpectingContinue(bff.url, { 'content-length': String(BODY.length) });
    expect(outcome).toEqual({ status: 400, code: 'InvalidArgument', toldToContinue: true });
  });

  it('is refused without being told to continue when the access guard refuses it', async () => {
    const outcome = await postExpectingContinue(bff.url, {
      'content-length': String(BODY.length),
      origin: 'https://attacker.example',
    });
    expect(outcome.status).toBe(403);
    expect(outcome.toldToContinue).toBe(false);
  });

  it('is refused without being told to continue when its declared length is over the route’s limit', async () => {
    const outcome = await postExpectingContinue(bff.url, {
      'content-length': String(CONSOLE_BODY_LIMITS.otherBytes + 1),
    });
    expect(outcome).toEqual({ status: 413, code: 'RequestBodyTooLarge', toldToContinue: false });
  });
});
