const MB = 1024 * 1024;

/**
 * How big a function's code may be. The first two are FC 3.0's documented limits ("Limits",
 * alibabacloud.com/help/functioncompute/fc-3-0/product-overview/limits-of-usage): a code package
 * sent through the SDK/OpenAPI as a base64 zip is at most 100 MB; one uploaded by the console,
 * the developer tools or from OSS is at most 500 MB. FC documents no limit on the expanded code
 * or its entry count (only 10 GB of instance disk), so those two are the engine's own choice:
 * 500 MB expanded covers anything a 100 MB upload can legitimately hold, and 65,535 entries is
 * the most a zip holds without its zip64 extension. The engine, the bff's Code tab and its
 * Deploy all check against these, while inflating (see code-zip.ts).
 */
export const CODE_LIMITS = {
  zipFileBase64Bytes: 100 * MB,
  zipBytes: 500 * MB,
  unzippedBytes: 500 * MB,
  entries: 65_535,
} as const;

/** "100 MB", "1.5 KB", "12 bytes": binary units, as FC counts. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
