import { strToU8, zipSync } from 'fflate';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../mocks/bytes';
import { createTestBffApp } from '../../mocks/bff-in-process';
import { seedFunction } from '../../mocks/fc-seed';
import { helloFunction } from '../../mocks/fixtures/functions';
import { callApi, useMockFc } from '../../mocks/use-mock-fc';
import { CODE_LIMITS } from '../contract/code-limits';
import { buildZip, manyEntriesZip, S_IFLNK_RWX } from '../contract/testing/zip-builders';

const server = useMockFc();

/** A function FC holds with this zip (the cloud may keep code the local engine would refuse). */
function seedWithZip(zip: Uint8Array) {
  return seedFunction({ ...helloFunction, code: { zipFile: toBase64(zip) } });
}

describe('the Code tab reads code zips under the code rules and limits', () => {
  it.each([
    [
      'a zip-slip entry',
      zipSync({ 'index.js': strToU8('x'), '../../.ssh/authorized_keys': strToU8('k') }),
      'The entry "../../.ssh/authorized_keys" has a .. segment that leads out of the code folder.',
    ],
    [
      'a symbolic link',
      buildZip([{ name: 'secrets', data: strToU8('/etc/shadow'), mode: S_IFLNK_RWX }]),
      'The entry "secrets" is a symbolic link; code holds only files and folders.',
    ],
  ])('answers 502 InvalidResponse naming %s instead of showing it', async (_, zip, reason) => {
    seedWithZip(zip);
    const res = await callApi(createTestBffApp(), 'GET', '/api/functions/hello-world/code');
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({
      code: 'InvalidResponse',
      message: `The code package of this function cannot be read: ${reason}`,
    });
  });

  it('does not download a code package larger than FC’s largest', async () => {
    seedFunction(helloFunction);
    server.use(
      http.get('*/fc-mock-code/:functionName', () => {
        const zeros = new Uint8Array(1024 * 1024);
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            sent += zeros.length;
            if (sent > CODE_LIMITS.zipBytes + zeros.length) controller.close();
            else controller.enqueue(zeros);
          },
        });
        return new HttpResponse(body, { headers: { 'content-type': 'application/zip' } });
      }),
    );
    const res = await callApi(createTestBffApp(), 'GET', '/api/functions/hello-world/code');
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({
      code: 'InvalidResponse',
      message: 'The code package of this function is larger than 500 MB, the largest FC takes.',
    });
  });
});

describe('the Code tab’s Deploy stays within the code limits', () => {
  it('refuses, before sending, a deploy that takes the code past the entry limit', async () => {
    const before = seedWithZip(manyEntriesZip(CODE_LIMITS.entries));
    const app = createTestBffApp();
    const res = await callApi(app, 'PUT', '/api/functions/hello-world/code', {
      files: [{ path: 'one-too-many.js', content: '' }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'InvalidArgument',
      message: 'code.zipFile: The code zip holds 65536 entries; the limit is 65535.',
    });
    const after = await callApi(app, 'GET', '/api/functions/hello-world');
    expect(after.body.codeChecksum).toBe(before.codeChecksum);
  }, 60_000);
});
