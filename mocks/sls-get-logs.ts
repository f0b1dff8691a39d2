import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { analyse, searchFilter, SlsQueryError } from './sls-search';
import { logstoreRows, type SlsRow } from './sls-request-logs';

/** GetLogs' query string as the official SDK sends it (API 2020-12-30). */
const getLogsQuerySchema = z.strictObject({
  type: z.literal('log'),
  from: z.coerce.number().int().nonnegative(),
  to: z.coerce.number().int().positive(),
  query: z.string().max(4096).optional(),
  line: z.coerce.number().int().min(0).max(100).optional(),
  offset: z.coerce.number().int().nonnegative().optional(),
  reverse: z.enum(['true', 'false']).optional(),
  topic: z.string().optional(),
  powerSql: z.enum(['true', 'false']).optional(),
});

function slsError(status: number, errorCode: string, errorMessage: string) {
  return HttpResponse.json(
    { errorCode, errorMessage },
    { status, headers: { 'x-log-requestid': crypto.randomUUID() } },
  );
}

async function hmacBase64(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...signature));
}

/** Log Service's v1 signature (`LOG <id>:<signature>`), checked against the secret of the key id. */
async function signatureProblem(request: Request, url: URL, secrets: Record<string, string>) {
  const match = /^LOG ([^:]+):(.+)$/.exec(request.headers.get('authorization') ?? '');
  if (!match) return 'no LOG authorization';
  const secret = secrets[match[1]!];
  if (!secret) return `unknown AccessKey id ${match[1]}`;
  const logHeaders = [...request.headers]
    .filter(([name]) => name.startsWith('x-log-') || name.startsWith('x-acs-'))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
  const params = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`);
  const header = (name: string) => request.headers.get(name) ?? '';
  const text = `${request.method}\n${header('content-md5')}\n${header('content-type')}\n${header('date')}\n${logHeaders}${url.pathname}?${params.join('&')}`;
  return (await hmacBase64(secret, text)) === match[2] ? undefined : 'the signature does not match';
}

/**
 * Simple Log Service's GetLogs for MSW, on `https://<project>.<region>.log.aliyuncs.com`: the logstore
 * holds what the mock gateway recorded for the functions logging to it (sls-request-logs.ts). With
 * `secrets` (AccessKey id → secret) it checks each request's signature as the service does; `hosts`
 * collects the host each GetLogs was sent to (the region selector changes it).
 */
export function slsGetLogsHandler(options: { secrets?: Record<string, string>; hosts?: string[] } = {}) {
  return http.get('https://:host/logstores/:logstore', async ({ request, params }) => {
    const url = new URL(request.url);
    const host = /^([a-z0-9-]+)\.([a-z0-9-]+)\.log\.aliyuncs\.com$/.exec(url.hostname);
    if (!host) return undefined; // not Log Service: another handler's
    options.hosts?.push(url.host);
    if (options.secrets) {
      const problem = await signatureProblem(request, url, options.secrets);
      if (problem) return slsError(401, 'SignatureNotMatch', problem);
    } else if (!/^LOG [^:]+:.+$/.test(request.headers.get('authorization') ?? '')) {
      return slsError(401, 'Unauthorized', 'no LOG authorization');
    }
    const input = getLogsQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!input.success) return slsError(400, 'ParameterInvalid', input.error.message);
    const { from, to, query = '*', line = 100, offset = 0, reverse } = input.data;
    if (from >= to) return slsError(400, 'ParameterInvalid', 'from must be earlier than to');
    const project = host[1]!;
    const logstore = String(params.logstore);
    const [search = '', sql] = query.split(/ \| (.*)/s);
    try {
      const rows = logstoreRows(project, logstore).filter((row) => {
        const time = Number(row.__time__);
        return time >= from && time < to;
      });
      const found = rows.filter(searchFilter(search));
      let answer: SlsRow[];
      if (sql !== undefined) answer = analyse(sql, found);
      else {
        found.sort((a, b) => Number(a.__time__) - Number(b.__time__));
        if (reverse === 'true') found.reverse();
        answer = found.slice(offset, offset + line);
      }
      return HttpResponse.json(answer, {
        headers: {
          'x-log-count': String(answer.length),
          'x-log-progress': 'Complete',
          'x-log-requestid': crypto.randomUUID(),
        },
      });
    } catch (err) {
      if (err instanceof SlsQueryError) return slsError(400, 'ParameterInvalid', err.message);
      throw err;
    }
  });
}

export const slsHandlers = [slsGetLogsHandler()];
