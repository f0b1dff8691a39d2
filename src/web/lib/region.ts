import { isFcRegion, REGION_HEADER, type FcRegion } from '../../contract/fc-region-list';

/** The tab's choice of region lives as long as the tab (sessionStorage), as a console session does. */
const KEY = 'fc-console.region';

/** The address names the region in cloud mode (`?region=`), so a shared link opens where it was copied. */
export const REGION_PARAM = 'region';

/** The region the tab chose last (kept while the address changes), if it is one of FC's. */
export function storedRegion(): FcRegion | undefined {
  const stored = sessionStorage.getItem(KEY);
  return isFcRegion(stored) ? stored : undefined;
}

/**
 * The region chosen (cloud mode), if any: the page's address first, so a shared link's first calls
 * already go to its region, then the tab's last choice.
 */
export function chosenRegion(): FcRegion | undefined {
  const asked = new URLSearchParams(window.location.search).get(REGION_PARAM);
  return isFcRegion(asked) ? asked : storedRegion();
}

export function chooseRegion(region: FcRegion): void {
  sessionStorage.setItem(KEY, region);
}

/** The header every /api call carries once a region was chosen: the bff then calls that region. */
export function regionHeaders(): Record<string, string> {
  const region = chosenRegion();
  return region ? { [REGION_HEADER]: region } : {};
}
