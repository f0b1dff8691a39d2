import * as $FC from '@alicloud/fc20230330';
import { strToU8 } from 'fflate';
import { Hono } from 'hono';
import { codeDeploySchema, type CodeDeploy } from '../../contract/function';
import { deployZipFile, downloadCode, readCodeZip } from '../code-files';
import type { FcCall } from '../fc-client';
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

/** PUT /api/functions/:functionName/code: the Code tab's Deploy, one UpdateFunction with the new zip. */
export function codeRoutes(fcCall: FcCall) {
  return new Hono().put('/', validate('param', functionParams), validate('json', codeDeploySchema), async (c) => {
    const { functionName } = c.req.valid('param');
    const { files } = c.req.valid('json');
    const { body: current } = await fcCall((fc) =>
      fc.getFunctionCode(functionName, new $FC.GetFunctionCodeRequest({})),
    );
    const zipFile = await patchZip(current?.url ? await downloadCode(current.url) : undefined, files);
    const code = new $FC.InputCodeLocation({ zipFile });
    const request = new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ code }) });
    const { body } = await fcCall((fc) => fc.updateFunction(functionName, request));
    return c.json(toFunctionView(body));
  });
}
