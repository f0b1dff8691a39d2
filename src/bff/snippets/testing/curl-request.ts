/** What a copied `curl` command sends, read back from its text (the shapes `toCurl` writes, nothing more). */
export type CurlRequest = { method: string; url: URL; headers: Array<[string, string]>; body: string };

/** POSIX words: single quotes keep everything, `\` + newline continues the line. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && command[i + 1] === '\n') i++;
    else if (c === '\\') word = (word ?? '') + command[++i];
    else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

export function parseCurl(snippet: string): CurlRequest {
  const command = snippet
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const words = shellWords(command);
  const headers: Array<[string, string]> = [];
  let method: string | undefined;
  let url: URL | undefined;
  let body = '';
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-v' || word === '--globoff') continue;
    if (word === '--head') method = 'HEAD';
    else if (word === '-X') method = words[++i];
    else if (word === '-u') headers.push(['authorization', `Basic ${Buffer.from(words[++i]!).toString('base64')}`]);
    else if (word === '-H') {
      const header = words[++i]!;
      const colon = header.indexOf(':');
      if (colon < 0) headers.push([header.slice(0, -1).toLowerCase(), '']);
      else headers.push([header.slice(0, colon).toLowerCase(), header.slice(colon + 1).trim()]);
    } else if (word === '--data-raw') body = words[++i]!;
    else url = new URL(word);
  }
  if (!url) throw new Error(`No URL in ${snippet}`);
  return { method: method ?? (body ? 'POST' : 'GET'), url, headers, body };
}
