/*
 * The browser's location for wouter, with the navigation guard applied to back/forward too:
 * popstate has already moved the URL, so a blocked one is undone with history.go and redone
 * once the guard proceeds. Every entry the console pushes carries its index to measure the jump.
 */
import { useSyncExternalStore } from 'react';
import { bareSearch, blockingGuard, guardLocationHook } from './navigation-guard';

type NavigateOptions = { replace?: boolean };

const indexOf = (state: unknown) => {
  const idx = (state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' ? idx : undefined;
};

let index = indexOf(history.state) ?? 0;
if (indexOf(history.state) === undefined) history.replaceState({ idx: index }, '');
let shown = { pathname: location.pathname, search: location.search };
let undoing = false;
let proceeding = false;
const listeners = new Set<() => void>();

function show() {
  shown = { pathname: location.pathname, search: location.search };
  listeners.forEach((listener) => listener());
}

function navigate(to: string, { replace = false }: NavigateOptions = {}) {
  if (replace) history.replaceState({ idx: index }, '', to);
  else history.pushState({ idx: ++index }, '', to);
  show();
}

addEventListener('popstate', () => {
  if (undoing) {
    undoing = false; // back on the page the guard kept: nothing to show
    return;
  }
  const next = indexOf(history.state);
  const jump = next === undefined ? 0 : next - index;
  const navigation = {
    from: shown.pathname,
    to: location.pathname,
    fromSearch: bareSearch(shown.search),
    toSearch: bareSearch(location.search),
  };
  const guard = proceeding || jump === 0 ? undefined : blockingGuard(navigation);
  proceeding = false;
  if (guard) {
    undoing = true;
    history.go(-jump);
    guard.ask(() => {
      proceeding = true;
      history.go(jump);
    });
    return;
  }
  if (next !== undefined) index = next;
  show();
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function useBrowserLocation(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, () => shown.pathname), navigate];
}
const useBrowserSearch = () => useSyncExternalStore(subscribe, () => shown.search);
useBrowserLocation.searchHook = useBrowserSearch;

export const useGuardedBrowserLocation = guardLocationHook(useBrowserLocation);
