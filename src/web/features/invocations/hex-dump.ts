/** Bytes of a base64 string (the bff's encoding for a binary body). */
export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** `00000000  89 50 4e 47 …  |.PNG…|`, 16 bytes a line, of the first `limit` bytes. */
export function hexDump(bytes: Uint8Array, limit = 256): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, limit);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hexes = Array.from(row, (b) => hex(b, 2)).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${hex(offset, 8)}  ${hexes.padEnd(47)}  |${ascii}|`);
  }
  return lines.join('\n');
}

/** Pretty JSON, or undefined when the text is not JSON. */
export function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}
