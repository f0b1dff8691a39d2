import type { RewriteConfig } from './custom-domain';

type RegexRule = NonNullable<RewriteConfig['regexRules']>[number];
import { isLinearRegExpSource } from './linear-regexp';
import { INLINE_REWRITE_WORK, REGEX_ROUTE_COST_MAX, REGEX_RULE_COST_MAX, regExpCost } from './regexp-cost';

/** What the matcher needs of a route: the contract's PathConfig, or the form's rows. */
export type RouteLike = { path: string; methods?: readonly string[] | undefined; rewriteConfig?: RewriteConfig };

export type CustomDomainRoute<R extends RouteLike> = { route: R; index: number };
export type CustomDomainRouteMatch<R extends RouteLike> = CustomDomainRoute<R> & { path: string };

const allows = (route: RouteLike, method: string | undefined) =>
  method === undefined || !route.methods?.length || route.methods.includes(method.toUpperCase());

/**
 * The route of a custom domain that serves `path`, as FC documents its routing: a path without `*`
 * matches exactly (`/a` serves `/a`, not `/a/`); a path ending with `*` matches every path that
 * begins with what precedes it (`/login/*` serves `/login/a/b`, not `/login`); an exact match wins
 * over a wildcard, and among wildcards the longest prefix wins (`/*` is the catch-all). Routes whose
 * `methods` leave out the request's method are passed over (leave `method` out to ignore methods);
 * equal paths go to the first in the list. `path` in the answer is the path after the route's rewrite
 * rules.
 */
export function matchCustomDomainRoute<R extends RouteLike>(
  routes: readonly R[],
  path: string,
  method?: string,
): CustomDomainRouteMatch<R> | undefined {
  const found = findCustomDomainRoute(routes, path, method);
  return found && { ...found, path: rewriteCustomDomainPath(found.route.rewriteConfig, path) };
}

/** The route `matchCustomDomainRoute` picks, without running its rewrite rules (see `rewriteWork`). */
export function findCustomDomainRoute<R extends RouteLike>(
  routes: readonly R[],
  path: string,
  method?: string,
): CustomDomainRoute<R> | undefined {
  let best: { index: number; prefixLength: number } | undefined;
  for (const [index, route] of routes.entries()) {
    if (!allows(route, method)) continue;
    if (!route.path.endsWith('*')) {
      if (route.path === path) return { route, index };
      continue;
    }
    const prefix = route.path.slice(0, -1);
    if (path.startsWith(prefix) && (best === undefined || prefix.length > best.prefixLength))
      best = { index, prefixLength: prefix.length };
  }
  return best && { route: routes[best.index] as R, index: best.index };
}

/**
 * The route the gateway serves a request with: one that admits the method, else the one the path
 * alone names (whose method check then refuses the request). Its rewrite rules are not run.
 */
export function chooseCustomDomainRoute<R extends RouteLike>(
  routes: readonly R[],
  path: string,
  method: string,
): CustomDomainRoute<R> | undefined {
  return findCustomDomainRoute(routes, path, method) ?? findCustomDomainRoute(routes, path);
}

/**
 * A route's rewrite rules, tried in FC's order (exact, then wildcard, then regex) and in list order
 * within each kind; the first rule that matches rewrites the path, and no other is tried.
 * - exact: the whole path equals `match`; it becomes `replacement`.
 * - wildcard: only `*` (any text, captured as `$1`, `$2`… in order) and a leading `^` (anchor at the
 *   start) are special. Without `^` the rule may match anywhere, and the whole path becomes the
 *   replacement: FC's table rewrites `/test/old` to `/new` under `/old` → `/new`.
 * - regex: standard regular expressions; the matched part is replaced (`$1` refers to a group).
 * A result that does not start with `/` gets one.
 */
export function rewriteCustomDomainPath(config: RewriteConfig | undefined, path: string): string {
  if (!config) return path;
  const result = rewriteOnce(config, path);
  if (result === undefined) return path;
  return result.startsWith('/') ? result : `/${result}`;
}

/** The rewritten path when the route's rules are cheap enough for this path to run on an event loop, else undefined. */
export function rewriteIfCheap(config: RewriteConfig | undefined, path: string): string | undefined {
  return rewriteWork(config) * path.length <= INLINE_REWRITE_WORK ? rewriteCustomDomainPath(config, path) : undefined;
}

function rewriteOnce(config: RewriteConfig, path: string): string | undefined {
  for (const rule of config.equalRules ?? []) if (rule.match === path) return rule.replacement;
  for (const rule of config.wildcardRules ?? []) {
    const captures = wildcardCaptures(rule.match, path);
    if (captures) return expand(rule.replacement, captures);
  }
  const rules = config.regexRules;
  // No rules: no empty list compiled (and cached) per request.
  if (!rules?.length) return undefined;
  const regexes = compiledRules.get(rules) ?? compileRules(rules);
  for (const [index, regex] of regexes.entries())
    if (regex?.test(path)) return path.replace(regex, rules[index]!.replacement);
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A wildcard rule as the regular expression it runs as: each `*` a capture `(.*)`, the rest literal. */
function wildcardSource(match: string): string {
  const anchored = match.startsWith('^');
  const body = (anchored ? match.slice(1) : match).split('*').map(escapeRegExp).join('(.*)');
  return anchored ? `^${body}` : body;
}

function wildcardCaptures(match: string, path: string): string[] | undefined {
  const found = new RegExp(wildcardSource(match)).exec(path);
  return found ? found.slice(1).map((capture) => capture ?? '') : undefined;
}

/** `$1`…`$9` in a wildcard replacement → the captures; a `$n` with no capture is left as written. */
function expand(replacement: string, captures: string[]): string {
  return replacement.replace(/\$([1-9])/g, (text, n: string) => captures[Number(n) - 1] ?? text);
}

const workOf = new WeakMap<RewriteConfig, number>();

/**
 * What a route's rewrite rules may cost per character of the path: the cost (`regexp-cost.ts`) of
 * the regex rules that run and of the wildcard rules as the expressions they run as (a wildcard rule
 * has no bound of its own: `*a` twenty times is a pattern that backtracks). Its product with the
 * path's length bounds the work of V8's linear engine, which any of them may fall back to.
 */
export function rewriteWork(config: RewriteConfig | undefined): number {
  if (!config) return 0;
  const known = workOf.get(config);
  if (known !== undefined) return known;
  const rules = config.regexRules ?? [];
  const regexes = compiledRules.get(rules) ?? compileRules(rules);
  const regex = rules.reduce((sum, rule, index) => sum + (regexes[index] ? regExpCost(rule.match) : 0), 0);
  const wildcard = (config.wildcardRules ?? []).reduce((sum, rule) => sum + regExpCost(wildcardSource(rule.match)), 0);
  workOf.set(config, regex + wildcard);
  return regex + wildcard;
}

const compiledRules = new WeakMap<readonly RegexRule[], (RegExp | undefined)[]>();

/** Rules stored before their cost was bounded never run (all of a route's, when they cost too much together). */
function compileRules(rules: readonly RegexRule[]): (RegExp | undefined)[] {
  const total = rules.reduce((sum, rule) => sum + regExpCost(rule.match), 0);
  const regexes = rules.map((rule) => (total > REGEX_ROUTE_COST_MAX ? undefined : safeRegExp(rule.match)));
  compiledRules.set(rules, regexes);
  return regexes;
}

/** A rule stored before backreferences and lookaround were refused never runs: it matches nothing. */
function safeRegExp(source: string): RegExp | undefined {
  if (!isLinearRegExpSource(source) || regExpCost(source) > REGEX_RULE_COST_MAX) return undefined;
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}
