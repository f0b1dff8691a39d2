import { isFcRegion, REGION_HEADER, type FcRegion } from '../../contract/fc-region-list';

/** The tab's choice of region lives as long as the tab (sessionStorage), as a console session does. */
const KEY = 'fc-console.region';

/** The region chosen in the header (cloud mode), if any and if it is one of FC's. */
export function chosenRegion(): FcRegion | undefined {
  const stored = sessionStorage.getItem(KEY);
  return isFcRegion(stored) ? stored : undefined;
}

export function chooseRegion(region: FcRegion): void {
  sessionStorage.setItem(KEY, region);
}

/** The header every /api call carries once a region was chosen: the bff then calls that region. */
export function regionHeaders(): Record<string, string> {
  const region = chosenRegion();
  return region ? { [REGION_HEADER]: region } : {};
}
