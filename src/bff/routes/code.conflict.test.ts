import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../mocks/bytes';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction } from '../../../mocks/fc-seed';
import { fcState } from '../../../mocks/fc-state';
import { helloFunction, helloSource } from '../../../mocks/fixtures/functions';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

useMockFc();
const CODE = '/api/functions/hello-world/code';

function storedFiles() {
  const zip = unzipSync(fromBase64(fcState.functions.get('hello-world')!.fn.zipFile));
  return Object.fromEntries(Object.entries(zip).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

const deploy = (app: ReturnType<typeof createTestBffApp>, path: string, ifMatch?: string) =>
  callApi(app, 'PUT', CODE, { files: [{ path, content: `// ${path}\n` }] }, ifMatch ? { 'if-match': ifMatch } : {});

describe('Deploy with If-Match (no lost updates)', () => {
  it('of ten concurrent deploys made on the same code, one wins and nine are told 412 CodeChanged', async () => {
    const { codeChecksum } = seedFunction(helloFunction);
    const app = createTestBffApp();
    const paths = Array.from({ length: 10 }, (_, i) => `added-${i}.js`);
    const answers = await Promise.all(paths.map((path) => deploy(app, path, `"${codeChecksum}"`)));

    const won = answers.flatMap((res, i) => (res.status === 200 ? [paths[i]!] : []));
    expect(won).toHaveLength(1);
    for (const res of answers.filter((r) => r.status !== 200)) {
      expect(res.status).toBe(412);
      expect(res.body).toMatchObject({
        code: 'CodeChanged',
        message: expect.stringContaining('someone else deployed'),
      });
    }
    const files = storedFiles();
    expect(files['index.js']).toBe(helloSource);
    expect(files[won[0]!]).toBe(`// ${won[0]}\n`);
    expect(Object.keys(files).filter((p) => p.startsWith('added-'))).toEqual(won);
    expect(fcState.functions.get('hello-world')!.fn.codeChecksum).toBe(
      answers.find((r) => r.status === 200)!.body.codeChecksum,
    );
  });

  it('a deploy made on the current code passes, with or without quotes; one without If-Match overwrites', async () => {
    const { codeChecksum } = seedFunction(helloFunction);
    const app = createTestBffApp();
    const first = await deploy(app, 'a.js', codeChecksum);
    expect(first.status).toBe(200);
    expect((await deploy(app, 'b.js', `"${first.body.codeChecksum}"`)).status).toBe(200);
    const stale = await deploy(app, 'c.js', `"${codeChecksum}"`);
    expect(stale.status).toBe(412);
    expect(storedFiles()).not.toHaveProperty(['c.js']);
    expect((await deploy(app, 'c.js')).status).toBe(200);
    expect(Object.keys(storedFiles())).toEqual(expect.arrayContaining(['a.js', 'b.js', 'c.js', 'index.js']));
  });
});
