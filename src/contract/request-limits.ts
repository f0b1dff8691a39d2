/**
 * The overview's HTTP(S) request limits (seed 003), and how a request is measured against them.
 * The gateway enforces them and the console's error panel measures a test request with the same
 * functions, so the two cannot disagree. "KB" and "MB" are binary, as the real service counts.
 */
export const REQUEST_LIMITS = {
  headerBytes: 8192,
  pathWithQueryBytes: 4096,
  syncBodyBytes: 32 * 1024 * 1024,
  /**
   * The seed defers the async limit to "limits on function execution resources"; FC's FAQ "Can I
   * modify the limit on the body size of an HTTP request?" gives 128 KB for asynchronous invocations.
   */
  asyncBodyBytes: 128 * 1024,
  /**
   * Request headers, counted as sent (every repetition). FC documents no count, only the 8 KB. A
   * Node http server with its defaults (a web function's, typically) keeps about the first 1,000
   * header lines and drops the rest silently, so past this the request is refused rather than cut,
   * leaving room for the few headers the gateway adds; the 8 KB are measured on every header sent.
   */
  headerCount: 1000,
} as const;

/**
 * What a function may answer a synchronous invocation. The limits page names only the request
 * payload; FC's FAQ "EntityTooLarge: payload size exceeds maximum allowed size" gives 32 MB as the
 * payload of a synchronous invocation, and a response past the response limits is 502 BadResponse
 * (seed 003). Response headers share the request's 8 KB.
 */
export const RESPONSE_LIMITS = {
  bodyBytes: 32 * 1024 * 1024,
} as const;

/** The UTF-8 length of a string, without encoding it (no Node or DOM API here). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Header size: the UTF-8 bytes of every name plus every value, nothing for separators or line ends. */
export function headerBytes(headers: Iterable<readonly [string, string]>): number {
  let bytes = 0;
  for (const [name, value] of headers) bytes += utf8Length(name) + utf8Length(value);
  return bytes;
}
