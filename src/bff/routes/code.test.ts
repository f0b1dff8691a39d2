import { unzipSync } from 'fflate';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../mocks/bytes';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { fcErrorResponse } from '../../../mocks/fc-errors';
import { seedFunction } from '../../../mocks/fc-seed';
import { fcState } from '../../../mocks/fc-state';
import { helloFunction, helloSource } from '../../../mocks/fixtures/functions';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

const server = useMockFc();
const newSource = "exports.handler = async () => ({ statusCode: 200, body: 'deployed' });\n";

function storedZip(functionName: string) {
  return unzipSync(fromBase64(fcState.functions.get(functionName)!.fn.zipFile));
}

describe('PUT /api/functions/:fn/code (Deploy)', () => {
  it('replaces and adds text files, keeps binary files byte for byte, and answers the updated function', async () => {
    const before = seedFunction(helloFunction);
    const logo = storedZip('hello-world')['assets/logo.png'];
    const app = createTestBffApp();

    const res = await callApi(app, 'PUT', '/api/functions/hello-world/code', {
      files: [
        { path: 'index.js', content: newSource },
        { path: 'lib/util.js', content: 'module.exports = 1;\n' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ functionName: 'hello-world', runtime: 'nodejs20', handler: 'index.handler' });
    expect(res.body.codeChecksum).not.toBe(before.codeChecksum);

    const code = await callApi(app, 'GET', '/api/functions/hello-world/code');
    expect(code.body.checksum).toBe(res.body.codeChecksum);
    expect(code.body.files).toEqual([
      { path: 'assets/logo.png', content: '', size: 10, binary: true },
      { path: 'index.js', content: newSource, size: newSource.length, binary: false },
      { path: 'lib/util.js', content: 'module.exports = 1;\n', size: 20, binary: false },
    ]);
    expect(storedZip('hello-world')['assets/logo.png']).toEqual(logo);
  });

  it.each(['../index.js', '/index.js', 'lib/../../x.js', 'lib//x.js', 'lib\\x.js', ''])(
    'refuses the path %j with InvalidArgument naming the field, and deploys nothing',
    async (path) => {
      const before = seedFunction(helloFunction);
      const app = createTestBffApp();
      const res = await callApi(app, 'PUT', '/api/functions/hello-world/code', { files: [{ path, content: 'x' }] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('InvalidArgument');
      expect(res.body.message).toContain('files.0.path: A file path is relative');
      expect(res.body.fields).toHaveProperty(['files.0.path']);
      const after = await callApi(app, 'GET', '/api/functions/hello-world');
      expect(after.body.codeChecksum).toBe(before.codeChecksum);
    },
  );

  it('refuses an empty deploy and a path given twice', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp();
    const empty = await callApi(app, 'PUT', '/api/functions/hello-world/code', { files: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('files: Deploy at least one changed file.');
    const twice = await callApi(app, 'PUT', '/api/functions/hello-world/code', {
      files: [
        { path: 'index.js', content: 'a' },
        { path: 'index.js', content: 'b' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('files: Each file path can be given once.');
  });

  it('answers FC’s error from UpdateFunction with its status, code, message and request id; the code is unchanged', async () => {
    seedFunction(helloFunction);
    server.use(
      http.put('*/2023-03-30/functions/:functionName', () =>
        fcErrorResponse('InvalidArgument', 'code.zipFile: the code package exceeds the size limit'),
      ),
    );
    const app = createTestBffApp();
    const res = await callApi(app, 'PUT', '/api/functions/hello-world/code', {
      files: [{ path: 'index.js', content: newSource }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'InvalidArgument',
      message: 'code.zipFile: the code package exceeds the size limit',
      requestId: expect.stringMatching(/\S+/),
    });
    const code = await callApi(app, 'GET', '/api/functions/hello-world/code');
    expect(code.body.files.find((f: { path: string }) => f.path === 'index.js').content).toBe(helloSource);
  });

  it('answers 404 FunctionNotFound for a missing function', async () => {
    const res = await callApi(createTestBffApp(), 'PUT', '/api/functions/missing/code', {
      files: [{ path: 'index.js', content: newSource }],
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('FunctionNotFound');
  });
});
