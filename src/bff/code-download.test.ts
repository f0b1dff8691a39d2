import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CODE_LIMITS } from '../contract/code-limits';
import { CODE_DOWNLOAD_LIMITS, downloadCode } from './code-download';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  }
});

/** A local stand-in for the OSS link GetFunctionCode answers, serving the zip as `serve` says. */
async function codeLink(serve: http.RequestListener): Promise<string> {
  const server = http.createServer(serve);
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/code.zip`;
}

const quick = { ...CODE_DOWNLOAD_LIMITS, stallMs: 300, totalMs: 60_000 };

describe('the bff downloads a function’s code within bounds', () => {
  it('returns a package that arrives', async () => {
    const zip = Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000'));
    const url = await codeLink((_, res) => res.end(zip));
    expect(Buffer.from(await downloadCode(url))).toEqual(zip);
  });

  it.each([
    ['never answers', () => undefined],
    [
      'stops sending halfway',
      (_: http.IncomingMessage, res: http.ServerResponse) => {
        res.writeHead(200, { 'content-length': '1000' });
        res.write(Buffer.alloc(100));
      },
    ],
  ])('gives up on a link that %s, with 504 CodeDownloadTimeout', async (_, serve) => {
    const url = await codeLink(serve);
    await expect(downloadCode(url, quick)).rejects.toMatchObject({
      status: 504,
      code: 'CodeDownloadTimeout',
      message: expect.stringMatching(/^No byte of the code package arrived for 0\.3 seconds\. /),
    });
  });

  it('answers a link that breaks mid-body as a failed download, 502 CodeDownloadFailed', async () => {
    const url = await codeLink((_, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write(Buffer.alloc(100), () => res.destroy());
    });
    await expect(downloadCode(url, quick)).rejects.toMatchObject({
      status: 502,
      code: 'CodeDownloadFailed',
      message: 'Downloading the code package of this function failed while reading it.',
    });
  });

  it('gives up on a package that trickles in past the time limit', async () => {
    const url = await codeLink((_, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(drip));
    });
    await expect(downloadCode(url, { ...CODE_DOWNLOAD_LIMITS, totalMs: 500 })).rejects.toMatchObject({
      status: 504,
      code: 'CodeDownloadTimeout',
      message: expect.stringMatching(/^The code package did not arrive within 0\.5 seconds\. /),
    });
  });

  it('refuses a declared size past FC’s largest package without reading it', async () => {
    const url = await codeLink((_, res) => {
      res.writeHead(200, { 'content-length': String(CODE_LIMITS.zipBytes + 1) });
      res.write(Buffer.alloc(1024));
    });
    await expect(downloadCode(url)).rejects.toMatchObject({
      status: 502,
      code: 'InvalidResponse',
      message: 'The code package of this function is larger than 500 MB, the largest FC takes.',
    });
  });

  it('stops reading a package with no length once it passes FC’s largest', async () => {
    let sent = 0;
    const url = await codeLink((_, res) => {
      const chunk = Buffer.alloc(1024 * 1024);
      const pump = () => {
        while (sent <= 2 * CODE_LIMITS.zipBytes && res.write(chunk)) sent += chunk.length;
      };
      res.on('drain', pump);
      pump();
    });
    await expect(downloadCode(url)).rejects.toMatchObject({ status: 502, code: 'InvalidResponse' });
    expect(sent).toBeLessThan(2 * CODE_LIMITS.zipBytes);
  }, 120_000);
});
