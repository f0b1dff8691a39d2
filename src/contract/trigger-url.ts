/** HTTP trigger hosts: `<label>.<region>.fcapp.localhost` (internet), `<label>.<region>-vpc.fcapp.localhost` (intranet). */
export const TRIGGER_HOST_SUFFIX = '.fcapp.localhost';

export type TriggerUrls = { urlInternet: string; urlIntranet: string };

export function triggerUrls(urlLabel: string, region: string, port: number): TriggerUrls {
  return {
    urlInternet: `http://${urlLabel}.${region}${TRIGGER_HOST_SUFFIX}:${port}`,
    urlIntranet: `http://${urlLabel}.${region}-vpc${TRIGGER_HOST_SUFFIX}:${port}`,
  };
}

/** The Host header's name, lowercased, without its port (`[::1]:3001` → `[::1]`). */
export function hostnameOf(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

export function isTriggerHost(hostHeader: string | undefined): boolean {
  return hostnameOf(hostHeader).endsWith(TRIGGER_HOST_SUFFIX);
}

export type TriggerHost = { urlLabel: string; region: string; intranet: boolean };

/** `abc-xyz.cn-hangzhou-vpc.fcapp.localhost:3001` → label, region and which URL was called. */
export function parseTriggerHost(hostHeader: string | undefined): TriggerHost | undefined {
  const hostname = hostnameOf(hostHeader);
  if (!hostname.endsWith(TRIGGER_HOST_SUFFIX)) return undefined;
  const parts = hostname.slice(0, -TRIGGER_HOST_SUFFIX.length).split('.');
  const [urlLabel, regionPart] = parts;
  if (parts.length !== 2 || !urlLabel || !regionPart) return undefined;
  const intranet = regionPart.endsWith('-vpc');
  return { urlLabel, region: intranet ? regionPart.slice(0, -'-vpc'.length) : regionPart, intranet };
}
