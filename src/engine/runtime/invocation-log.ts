import type { Readable } from 'node:stream';

const MAX_LOG_CHARS = 1024 * 1024;

/** The log of one invocation: what the function printed while it ran, framed as FC frames it. */
export class InvocationLog {
  private readonly lines: string[] = [];
  private size = 0;
  private truncated = false;

  constructor(readonly requestId: string) {
    this.add(`FC Invoke Start RequestId: ${requestId}`);
  }

  add(text: string): void {
    if (this.truncated) return;
    if (this.size + text.length > MAX_LOG_CHARS) {
      this.truncated = true;
      this.lines.push('... (log truncated at 1 MB)');
      return;
    }
    this.lines.push(text);
    this.size += text.length + 1;
  }

  addAll(texts: Iterable<string>): void {
    for (const text of texts) this.add(text);
  }

  /** The finished log, ending with FC's end line. */
  close(): string {
    return `${this.lines.join('\n')}\nFC Invoke End RequestId: ${this.requestId}\n`;
  }
}

/** Calls `onLine` with each line a child writes to a stream (a last unterminated line on end). */
export function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) onLine(part.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
    rest = '';
  });
}

/** Output printed while no request was running, kept (bounded) for the next request's log. */
export class PendingOutput {
  private lines: string[] = [];

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > 200) this.lines.shift();
  }

  drain(): string[] {
    const lines = this.lines;
    this.lines = [];
    return lines;
  }

  peek(): string[] {
    return [...this.lines];
  }
}
