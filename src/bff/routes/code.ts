import * as $FC from '@alicloud/fc20230330';
import { strToU8 } from 'fflate';
import { Hono } from 'hono';
import { codeDeploySchema, type CodeDeploy } from '../../contract/function';
import { downloadCode } from '../code-download';
import { deployZipFile, readCodeZip } from '../code-files';
import type { FcCall } from '../fc-client';
import { assertUnchanged, ifMatchOf } from '../if-match';
import { createResourceLock } from '../resource-lock';
import { validate } from '../validation';
import { toFunctionView } from '../views';
import { functionParams } from './params';

/**
 * The current zip with the given text files replaced or added, every other entry kept byte for
 * byte, as the base64 `code.zipFile` of UpdateFunction: refused before it is sent past the code limits.
 */
async function patchZip(zip: Uint8Array | undefined, files: CodeDeploy['files']): Promise<string> {
  const entries = zip ? await readCodeZip(zip) : {};
  for (const { path, content } of files) entries[path] = strToU8(content);
  return deployZipFile(entries);
}

/**
 * PUT /api/functions/:functionName/code: the Code tab's Deploy, one UpdateFunction with the new zip.
 * `If-Match: "<codeChecksum>"` names the code the edits were made on: another deploy since then
 * answers 412 CodeChanged. The checksum compared is GetFunctionCode's, that of the very zip patched.
 */
export function codeRoutes(fcCall: FcCall) {
  const lock = createResourceLock();
  return new Hono().put('/', validate('param', functionParams), validate('json', codeDeploySchema), async (c) => {
    const { functionName } = c.req.valid('param');
    const { files } = c.req.valid('json');
    const expected = ifMatchOf(c.req.header('if-match'));
    const body = await lock(functionName, async () => {
      const { body: current } = await fcCall((fc) =>
        fc.getFunctionCode(functionName, new $FC.GetFunctionCodeRequest({})),
      );
      assertUnchanged(expected, current?.checksum, 'CodeChanged');
      const zipFile = await patchZip(current?.url ? await downloadCode(current.url) : undefined, files);
      const code = new $FC.InputCodeLocation({ zipFile });
      const request = new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ code }) });
      return (await fcCall((fc) => fc.updateFunction(functionName, request))).body;
    });
    return c.json(toFunctionView(body));
  });
}
