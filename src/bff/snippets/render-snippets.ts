import type { OutgoingRequest } from './outgoing-request';

/** POSIX single quotes: nothing inside is special except the quote itself, written '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

const NO_BODY_METHODS = new Set(['GET', 'HEAD']);

function curlMethod(request: OutgoingRequest, hasBody: boolean): string[] {
  if (request.method === 'HEAD') return ['--head'];
  // What curl infers by itself is left out (it warns about a redundant -X).
  if ((request.method === 'GET' && !hasBody) || (request.method === 'POST' && hasBody)) return [];
  return ['-X', request.method];
}

/** `curl -v` as the seed writes it, one option per line; runs as is in bash, zsh and sh. */
export function toCurl(request: OutgoingRequest): string {
  const hasBody = request.body !== '' && request.method !== 'HEAD';
  const url = request.url.toString();
  // [ ] { } in a URL are curl's globbing patterns unless told otherwise.
  const first = [
    'curl',
    '-v',
    ...curlMethod(request, hasBody),
    ...(/[[\]{}]/.test(url) ? ['--globoff'] : []),
    shellQuote(url),
  ];
  const lines = [first.join(' ')];
  if (request.basicAuth) lines.push(`-u ${shellQuote(`${request.basicAuth.username}:${request.basicAuth.password}`)}`);
  // curl drops a header given as "Name:" and sends an empty one given as "Name;".
  for (const [name, value] of request.headers)
    lines.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  if (hasBody) lines.push(`--data-raw ${shellQuote(request.body)}`);
  return [...request.notes.map((note) => `# ${note}`), lines.join(' \\\n  ')].join('\n');
}

/** `await fetch(url, { method, headers, body })`. Browsers set Host themselves, from the URL. */
export function toFetch(request: OutgoingRequest): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  if (request.basicAuth) {
    const { username, password } = request.basicAuth;
    headers['Authorization'] = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  }
  const notes = [...request.notes];
  const init = [`  method: ${JSON.stringify(request.method)},`];
  if (Object.keys(headers).length > 0)
    init.push(`  headers: ${JSON.stringify(headers, null, 2).replace(/\n/g, '\n  ')},`);
  if (request.body !== '') {
    if (NO_BODY_METHODS.has(request.method))
      notes.push(`fetch sends no body with ${request.method}: the body is left out.`);
    else init.push(`  body: ${JSON.stringify(request.body)},`);
  }
  return [
    ...notes.map((note) => `// ${note}`),
    `const response = await fetch(${JSON.stringify(request.url.toString())}, {`,
    ...init,
    '});',
    'console.log(response.status, await response.text());',
  ].join('\n');
}
