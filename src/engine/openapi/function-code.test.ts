import * as $dara from '@darabonba/typescript';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_LIMITS } from '../../contract/code-limits';
import { buildZip, manyEntriesZip, S_IFLNK_RWX, zerosZip } from '../../contract/testing/zip-builders';
import { call, startHarness, type Harness } from '../conformance/harness';
import { $FC, createFunction, createHttpTrigger, sdkError } from './testing/engine-kit';

const MB = 1024 * 1024;
const base64 = (zip: Uint8Array) => Buffer.from(zip).toString('base64');
const answering = (body: string) =>
  `exports.handler = async () => ({ statusCode: 200, body: ${JSON.stringify(body)} });\n`;
const HANDLER = answering('mine');

// One local engine (runtime and gateway included) for the file: every attack below is refused, so none changes another's state.
let h: Harness;
const urls: Record<string, string> = {};
async function deployWithTrigger(functionName: string, extra: Partial<$FC.CreateFunctionInput> = {}) {
  await createFunction(h.client, functionName, extra);
  const trigger = await createHttpTrigger(h.client, functionName, 'http');
  urls[functionName] = trigger.body!.httpTrigger!.urlInternet!;
}
beforeAll(async () => {
  h = await startHarness();
  await deployWithTrigger('bystander', {
    code: new $FC.InputCodeLocation({ zipFile: base64(zipSync({ 'index.js': strToU8(answering('hello')) })) }),
  });
});
afterAll(() => h.close());

/** What the function's HTTP trigger answers. */
async function invoke(functionName: string): Promise<string> {
  const reply = await call(urls[functionName]!);
  expect(reply.status).toBe(200);
  return reply.text;
}

function create(functionName: string, zip: Uint8Array, handler?: string) {
  return createFunction(h.client, functionName, {
    code: new $FC.InputCodeLocation({ zipFile: base64(zip) }),
    ...(handler ? { handler } : {}),
  });
}

function update(functionName: string, input: { zip?: Uint8Array; handler?: string }) {
  return h.client.updateFunction(
    functionName,
    new $FC.UpdateFunctionRequest({
      body: new $FC.UpdateFunctionInput({
        ...(input.zip ? { code: new $FC.InputCodeLocation({ zipFile: base64(input.zip) }) } : {}),
        ...(input.handler ? { handler: input.handler } : {}),
      }),
    }),
  );
}

async function refusedWith(call: Promise<unknown>): Promise<string> {
  const error = await sdkError(call);
  expect(error.statusCode).toBe(400);
  expect(error.code).toBe('InvalidArgument');
  return String(error.data.Message);
}

const attacks: [string, Uint8Array, string][] = [
  [
    'a zip-slip entry',
    zipSync({ 'index.js': strToU8(HANDLER), '../../credentials.json': strToU8('{}') }),
    'code.zipFile: The entry "../../credentials.json" has a .. segment that leads out of the code folder.',
  ],
  [
    'an absolute entry',
    buildZip([
      { name: 'index.js', data: strToU8(HANDLER) },
      { name: '/etc/cron.d/evil', data: strToU8('x') },
    ]),
    'code.zipFile: The entry "/etc/cron.d/evil" has an absolute path.',
  ],
  [
    'a Windows absolute entry',
    buildZip([{ name: 'C:\\evil.js', data: strToU8('x') }]),
    'code.zipFile: The entry "C:\\\\evil.js" has a backslash in its name (zip entry names use forward slashes).',
  ],
  [
    'a symbolic link entry',
    buildZip([
      { name: 'index.js', data: strToU8(HANDLER) },
      { name: 'engine.db', data: strToU8('../../engine.db'), mode: S_IFLNK_RWX },
    ]),
    'code.zipFile: The entry "engine.db" is a symbolic link; code holds only files and folders.',
  ],
  [
    'a NUL in a name',
    buildZip([{ name: 'index.js\u0000.txt', data: strToU8(HANDLER) }]),
    'code.zipFile: The entry "index.js\\u0000.txt" has a NUL character in its name.',
  ],
  ['not a zip at all', strToU8('MZ not a zip'), 'code.zipFile: The code is not a zip file'],
];

describe('code zips an attacker sends through the official SDK', () => {
  it('refuses a zip bomb past the unzipped limit naming the limit, and the engine keeps answering', async () => {
    const bomb = zerosZip(CODE_LIMITS.unzippedBytes + 1);
    expect(bomb.length * 100).toBeLessThan(CODE_LIMITS.unzippedBytes);
    expect(await refusedWith(create('bomb', bomb))).toBe(
      'code.zipFile: The code expands to more than 500 MB, the limit of unzipped code (at the entry "zeros.bin").',
    );
    const liar = zerosZip(64 * MB, 1024);
    expect(await refusedWith(create('liar', liar))).toBe(
      'code.zipFile: The entry "zeros.bin" expands past the 1 KB its zip header declares.',
    );
    expect(await refusedWith(create('many', manyEntriesZip(CODE_LIMITS.entries + 1)))).toBe(
      'code.zipFile: The code zip holds 65536 entries; the limit is 65535.',
    );
    expect(await sdkError(h.client.getFunction('bomb', new $FC.GetFunctionRequest({})))).toMatchObject({
      code: 'FunctionNotFound',
    });
    expect(await invoke('bystander')).toBe('hello');
  });

  it('answers another function while it checks a large legal zip', async () => {
    expect(await invoke('bystander')).toBe('hello');
    const order: string[] = [];
    // 256 MB of zeros: checking them outlasts the head start below even on a fast machine.
    const body = new $FC.CreateFunctionInput({
      functionName: 'large',
      runtime: 'nodejs20',
      code: new $FC.InputCodeLocation({ zipFile: base64(zerosZip(256 * MB, 256 * MB, 'model.bin')) }),
    });
    const patient = new $dara.RuntimeOptions({ readTimeout: 120_000, connectTimeout: 120_000 });
    const large = h.client
      .createFunctionWithOptions(new $FC.CreateFunctionRequest({ body }), {}, patient)
      .then(() => order.push('large created'));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the upload is in and being checked
    await invoke('bystander').then((body) => order.push(`bystander said ${body}`));
    await large;
    expect(order).toEqual(['bystander said hello', 'large created']);
  });

  it.each(attacks)('refuses %s at CreateFunction, naming the entry, and creates nothing', async (_, zip, message) => {
    expect(await refusedWith(create('evil', zip))).toContain(message);
    expect(await sdkError(h.client.getFunction('evil', new $FC.GetFunctionRequest({})))).toMatchObject({
      code: 'FunctionNotFound',
    });
  });

  it.each(attacks)('refuses %s at UpdateFunction and leaves the function as it was', async (_, zip, message) => {
    const before = await h.client.getFunction('bystander', new $FC.GetFunctionRequest({}));
    expect(await refusedWith(update('bystander', { zip, handler: 'other.handler' }))).toContain(message);
    const after = await h.client.getFunction('bystander', new $FC.GetFunctionRequest({}));
    expect(after.body).toEqual(before.body);
    expect(await invoke('bystander')).toBe('hello');
  });
});

describe('handlers an attacker sends through the official SDK', () => {
  const message = 'handler: A handler names a file inside the code: no leading /, no .. segments, no backslashes.';
  const handlers = [
    '../../../../etc/passwd.x',
    '../x.handler',
    '/etc/passwd.x',
    'lib/../../x.handler',
    '...handler',
    'lib\\..\\..\\x.handler',
    'C:/x.handler',
  ];

  it.each(handlers)('refuses the handler %j at CreateFunction', async (handler) => {
    expect(await refusedWith(create('evil', zipSync({ 'index.js': strToU8(HANDLER) }), handler))).toBe(message);
  });

  it.each(handlers)('refuses the handler %j at UpdateFunction and changes nothing', async (handler) => {
    const before = await h.client.getFunction('bystander', new $FC.GetFunctionRequest({}));
    expect(await refusedWith(update('bystander', { handler }))).toBe(message);
    const after = await h.client.getFunction('bystander', new $FC.GetFunctionRequest({}));
    expect(after.body).toEqual(before.body);
  });

  it('still takes handlers in folders', async () => {
    const zip = zipSync({ 'lib/main.js': strToU8(HANDLER) });
    await deployWithTrigger('nested', {
      code: new $FC.InputCodeLocation({ zipFile: base64(zip) }),
      handler: 'lib/main.handler',
    });
    expect(await invoke('nested')).toBe('mine');
  });
});
