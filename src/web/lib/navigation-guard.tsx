import { useEffect, useRef, useState } from 'react';
import type { BaseLocationHook } from 'wouter';

/**
 * A move between two addresses: `from`/`to` are pathnames (another page), `fromSearch`/`toSearch` the queries
 * without `?` (a tab). Each guard decides which of the two it cares about.
 */
export type Navigation = { from: string; to: string; fromSearch: string; toSearch: string };

type Guard = { blocks: (navigation: Navigation) => boolean; ask: (proceed: () => void) => void };
type Navigate = (to: string, options?: object) => void;

const guards = new Set<Guard>();

/** The mounted guard that stops this navigation, if any. */
export function blockingGuard(navigation: Navigation): Guard | undefined {
  for (const guard of guards) if (guard.blocks(navigation)) return guard;
  return undefined;
}

const pathnameOf = (to: string) => to.split(/[?#]/)[0] ?? '';
const searchOf = (to: string) => to.split('#')[0]?.split('?')[1] ?? '';
/** The query as wouter's search hooks give it: with `?` (the browser) or without (memory). */
export const bareSearch = (search: string) => search.replace(/^\?/, '');

/**
 * A wouter location hook whose navigate (every Link, Redirect and useLocation()[1]) asks the
 * mounted guards first; a blocked navigation waits for its guard to proceed.
 */
export function guardLocationHook<H extends BaseLocationHook>(useBaseLocation: H): H {
  const useGuardedLocation = (...args: unknown[]) => {
    const [path, navigate] = useBaseLocation(...args) as [string, Navigate];
    // Present or not for the hook's whole life: the rules of hooks hold.
    const search = (useBaseLocation.searchHook?.(...(args as [never])) as string | undefined) ?? '';
    const guarded: Navigate = (to, options) => {
      const go = () => navigate(to, options);
      const guard = blockingGuard({
        from: path,
        to: pathnameOf(to),
        fromSearch: bareSearch(search),
        toSearch: searchOf(to),
      });
      if (guard) guard.ask(go);
      else go();
    };
    return [path, guarded];
  };
  useGuardedLocation.searchHook = useBaseLocation.searchHook;
  return useGuardedLocation as unknown as H;
}

export type NavigationBlocker = { blocked: boolean; proceed: () => void; reset: () => void };

/**
 * While mounted, navigations for which `blocks` answers true wait: `blocked` turns true until
 * `proceed` (the navigation happens) or `reset` (it is dropped).
 */
export function useNavigationGuard(blocks: (navigation: Navigation) => boolean): NavigationBlocker {
  const [pending, setPending] = useState<{ proceed: () => void }>();
  const latest = useRef(blocks);
  useEffect(() => {
    latest.current = blocks;
  });
  useEffect(() => {
    const guard: Guard = {
      blocks: (navigation) => latest.current(navigation),
      ask: (proceed) => setPending({ proceed }),
    };
    guards.add(guard);
    return () => {
      guards.delete(guard);
    };
  }, []);
  return {
    blocked: pending !== undefined,
    proceed: () => {
      setPending(undefined);
      pending?.proceed();
    },
    reset: () => setPending(undefined),
  };
}
