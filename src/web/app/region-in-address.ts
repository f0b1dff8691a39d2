import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { ConsoleSettings } from '../../contract/console-api';
import { isFcRegion } from '../../contract/fc-region-list';
import { chooseRegion, REGION_PARAM, storedRegion } from '../lib/region';

/** A region name from an address is shown in a message, never used: at most this many characters of it. */
const SHOWN_MAX = 64;

/**
 * Keeps the region in the address (`?region=`, cloud mode): a link names its region, the address
 * keeps naming it whatever page the user goes to, and a region that is not one of FC's (or, in local
 * mode, not the engine's) is dropped and answered by the region shown. Returns that dropped name.
 */
export function useRegionInAddress(settings: ConsoleSettings) {
  const queryClient = useQueryClient();
  const [path, navigate] = useLocation();
  const search = useSearch();
  const [ignored, setIgnored] = useState<string>();
  const local = settings.mode === 'local';
  const asked = new URLSearchParams(search).get(REGION_PARAM);
  const unusable = asked !== null && !(local ? asked === settings.region : isFcRegion(asked));
  // Noted while rendering (the address is replaced next), shown until closed.
  const shown = unusable ? asked.slice(0, SHOWN_MAX) : undefined;
  if (shown !== undefined && ignored !== shown) setIgnored(shown);

  useEffect(() => {
    const params = new URLSearchParams(search);
    const asked = params.get(REGION_PARAM);
    const usable = local ? asked === settings.region : isFcRegion(asked);
    if (asked !== null && usable) {
      if (local || !isFcRegion(asked)) return;
      if (storedRegion() !== asked) chooseRegion(asked);
      // The page was loaded for another region: everything is asked again of this one.
      if (settings.region !== asked) void queryClient.resetQueries();
      return;
    }
    if (local) params.delete(REGION_PARAM);
    else params.set(REGION_PARAM, settings.region);
    if (asked === null && local) return;
    const query = params.toString();
    navigate(query ? `${path}?${query}` : path, { replace: true });
  }, [search, path, local, settings.region, navigate, queryClient]);

  return { ignored, dismiss: () => setIgnored(undefined) };
}
