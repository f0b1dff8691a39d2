import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { LATEST } from '../../contract/names';
import { FcError } from '../fc-error';
import { lookupQualifier } from '../store/qualifier';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';

/** Where GetFunctionCode's URLs point; like FC's OSS links they are pre-signed and expire. */
export const CODE_DOWNLOAD_PREFIX = '/fc-code/';
const CODE_URL_TTL_SECONDS = 10 * 60;

function codeUrlSignature(secret: string, checksum: string, expires: string): Buffer {
  return createHmac('sha256', secret).update(`fc-code-url\n${checksum}\n${expires}`).digest();
}

/** GetFunctionCode: `{checksum, url}` of the code a qualifier runs. */
export function codeRoutes(deps: OpenApiDeps) {
  return new Hono<OpenApiEnv>().get('/', (c) => {
    const fn = lookupQualifier(deps.store.db, pathParam(c, 'functionName'), c.req.query('qualifier') || LATEST);
    const expires = String(Math.floor(Date.now() / 1000) + CODE_URL_TTL_SECONDS);
    const signature = codeUrlSignature(deps.credentials.accessKeySecret, fn.codeChecksum, expires).toString('hex');
    const host = /^[A-Za-z0-9.:[\]-]+$/.test(c.req.header('host') ?? '')
      ? c.req.header('host')
      : `127.0.0.1:${deps.port()}`;
    const url = `http://${host}${CODE_DOWNLOAD_PREFIX}${fn.codeChecksum}.zip?expires=${expires}&signature=${signature}`;
    return c.json({ checksum: fn.codeChecksum, url });
  });
}

/** The zip behind a GetFunctionCode URL; the URL's own signature stands in for ACS3. */
export function codeDownloadRoutes(deps: OpenApiDeps) {
  return new Hono<OpenApiEnv>().get('/:file', (c) => {
    const match = /^([0-9a-f]{64})\.zip$/.exec(pathParam(c, 'file'));
    const expires = c.req.query('expires') ?? '';
    const given = Buffer.from(c.req.query('signature') ?? '', 'hex');
    if (!match?.[1] || !/^[0-9]{1,12}$/.test(expires)) throw new FcError('RouteNotFound', 'no such code file');
    const expected = codeUrlSignature(deps.credentials.accessKeySecret, match[1], expires);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new FcError('AccessDenied', 'The code URL signature is invalid.');
    if (Number(expires) * 1000 < Date.now())
      throw new FcError('AccessDenied', 'The code URL has expired; call GetFunctionCode again.');
    const file = deps.store.codePath(match[1]);
    if (!fs.existsSync(file)) throw new FcError('RouteNotFound', 'no such code file');
    const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
    return c.body(body, 200, { 'content-type': 'application/zip', 'content-length': String(fs.statSync(file).size) });
  });
}
