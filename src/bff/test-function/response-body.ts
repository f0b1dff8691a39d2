import type { ResponseBody } from '../../contract/invocation';

const BINARY_TYPES = [
  /^image\//,
  /^audio\//,
  /^video\//,
  /^font\//,
  /^application\/(octet-stream|zip|gzip|pdf|wasm|x-tar|x-7z-compressed|vnd\.)/,
];

function isBinaryType(contentType: string | undefined): boolean {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return BINARY_TYPES.some((pattern) => pattern.test(mime)) && !/\+(json|xml)$/.test(mime);
}

/** UTF-8 text when it decodes cleanly and is not a binary type; otherwise base64 (the SPA shows a hex dump). */
export function toResponseBody(
  bytes: Buffer,
  options: { size?: number; contentType?: string; truncated?: boolean } = {},
): ResponseBody {
  const { contentType, truncated = false } = options;
  const base = {
    size: options.size ?? bytes.length,
    ...(contentType ? { contentType } : {}),
    ...(truncated ? { truncated: true } : {}),
  };
  if (!isBinaryType(contentType)) {
    try {
      // `stream` when cut at 1 MB: a character split by the cut is not a decoding error.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
      if (!text.includes('\u0000')) return { encoding: 'text', data: text, ...base };
    } catch {
      // not UTF-8: base64 below
    }
  }
  return { encoding: 'base64', data: bytes.toString('base64'), ...base };
}
