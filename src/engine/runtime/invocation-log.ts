import type { Readable } from 'node:stream';

/** What one invocation's log keeps, in characters, its framing and truncation mark included. */
export const MAX_LOG_CHARS = 1024 * 1024;
/** Room kept for the truncation mark and FC's end line. */
const FRAMING_CHARS = 256;
/** One line of output: FC's limits page gives 32 KB as the size of a single log entry (单条日志大小). */
export const MAX_LOG_LINE_CHARS = 32 * 1024;

export const LOG_TRUNCATED = '... (log truncated at 1 MB)';
export const LINE_TRUNCATED = ' ... (line truncated at 32 KB)';

/** A line cut to the size of one log entry, marked when it was longer. */
function capLine(text: string): string {
  return text.length > MAX_LOG_LINE_CHARS ? text.slice(0, MAX_LOG_LINE_CHARS) + LINE_TRUNCATED : text;
}

/** The log of one invocation: what the function printed while it ran, framed as FC frames it. */
export class InvocationLog {
  private readonly lines: string[] = [];
  private size = 0;
  private truncated = false;

  constructor(readonly requestId: string) {
    this.add(`FC Invoke Start RequestId: ${requestId}`);
  }

  /** Keeps what fits under the cap (the start of a line that does not), then only the truncation mark. */
  add(text: string): void {
    if (this.truncated) return;
    const line = capLine(text);
    const room = MAX_LOG_CHARS - FRAMING_CHARS - this.size;
    if (line.length <= room) {
      this.lines.push(line);
      this.size += line.length + 1;
      return;
    }
    this.truncated = true;
    if (room > 0) this.lines.push(line.slice(0, room));
    this.lines.push(LOG_TRUNCATED);
  }

  addAll(texts: Iterable<string>): void {
    for (const text of texts) this.add(text);
  }

  /** The finished log, ending with FC's end line. */
  close(): string {
    return `${this.lines.join('\n')}\nFC Invoke End RequestId: ${this.requestId}\n`;
  }
}

/**
 * Cuts text that arrives in chunks into lines, in time linear in what arrives: each chunk is
 * scanned once, the pieces of an unterminated line are joined once, when it ends. An unterminated
 * line holds at most one log entry (32 KB): past that it is answered at once, marked as cut, and
 * the rest of it is dropped until its line ends, however long the function prints without one.
 */
export class LineSplitter {
  private pieces: string[] = [];
  /** Characters of the unterminated line held in `pieces`. */
  held = 0;
  /** Characters copied into `pieces` so far: the splitter's work beyond one scan of the input. */
  copied = 0;
  private dropping = false;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.hold(chunk, start, end);
      this.endLine();
      start = end + 1;
    }
    this.hold(chunk, start, chunk.length);
  }

  /** The stream ended: a last unterminated line is a line too. */
  end(): void {
    if (this.held > 0) this.endLine();
    this.dropping = false;
  }

  private hold(chunk: string, start: number, end: number): void {
    if (this.dropping || start === end) return;
    const take = Math.min(end - start, MAX_LOG_LINE_CHARS - this.held + 1);
    this.pieces.push(take === chunk.length ? chunk : chunk.slice(start, start + take));
    this.held += take;
    this.copied += take;
    if (this.held > MAX_LOG_LINE_CHARS) {
      // One character past the entry size: the line is too long, whatever follows.
      this.emit();
      this.dropping = true;
    }
  }

  private endLine(): void {
    if (this.dropping) this.dropping = false;
    else this.emit();
  }

  private emit(): void {
    const line = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces = [];
    this.held = 0;
    this.onLine(capLine(line.endsWith('\r') ? line.slice(0, -1) : line));
  }
}

/** Calls `onLine` with each line a child writes to a stream (a last unterminated line on end). */
export function forEachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  const lines = new LineSplitter(onLine);
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => lines.push(chunk));
  stream.on('end', () => lines.end());
}

/** Output printed while no request was running, kept (bounded) for the next request's log. */
export class PendingOutput {
  private lines: string[] = [];
  private size = 0;

  push(text: string): void {
    const line = capLine(text);
    this.lines.push(line);
    this.size += line.length;
    while (this.lines.length > 200 || this.size > MAX_LOG_CHARS) this.size -= this.lines.shift()!.length;
  }

  drain(): string[] {
    const lines = this.lines;
    this.lines = [];
    this.size = 0;
    return lines;
  }

  peek(): string[] {
    return [...this.lines];
  }
}
