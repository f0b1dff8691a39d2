import { describe, expect, it } from 'vitest';
import type { RewriteConfig } from './custom-domain';
import {
  chooseCustomDomainRoute,
  matchCustomDomainRoute,
  rewriteCustomDomainPath,
  rewriteIfCheap,
  rewriteWork,
} from './custom-domain-routes';
import { INLINE_REWRITE_WORK, regExpCost } from './regexp-cost';

type Row = { path: string; fn: string; methods?: string[]; rewriteConfig?: RewriteConfig };
const route = (path: string, fn: string, extra: Partial<Row> = {}): Row => ({ path, fn, ...extra });

/** The function a request reaches, or undefined when no route serves it. */
const target = (routes: Row[], path: string, method?: string) => matchCustomDomainRoute(routes, path, method)?.route.fn;

describe('matchCustomDomainRoute: FC path precedence', () => {
  it('matches a path without * exactly: /a serves /a, not /a/ nor /ab', () => {
    const routes = [route('/a', 'f1')];
    expect(target(routes, '/a')).toBe('f1');
    expect(target(routes, '/a/')).toBeUndefined();
    expect(target(routes, '/ab')).toBeUndefined();
  });

  it('matches /login/* for every path that begins with /login/, not /login itself', () => {
    const routes = [route('/login/*', 'f2')];
    expect(target(routes, '/login/a')).toBe('f2');
    expect(target(routes, '/login/b/c/d')).toBe('f2');
    expect(target(routes, '/login/')).toBe('f2');
    expect(target(routes, '/login')).toBeUndefined();
    expect(target(routes, '/loginx')).toBeUndefined();
  });

  it('prefers an exact match over any wildcard, wherever it sits in the list', () => {
    const routes = [route('/*', 'all'), route('/api/*', 'api'), route('/api/health', 'health')];
    expect(target(routes, '/api/health')).toBe('health');
    expect(target(routes, '/api/healthz')).toBe('api');
  });

  it('takes the longest prefix among wildcards (FC: /login/a/* over /login/* for /login/a/b)', () => {
    const routes = [route('/login/*', 'short'), route('/login/a/*', 'long'), route('/*', 'all')];
    expect(target(routes, '/login/a/b')).toBe('long');
    expect(target(routes, '/login/b')).toBe('short');
    expect(target([...routes].reverse(), '/login/a/b')).toBe('long');
  });

  it('routes /api/* and /* to two functions, /* catching everything else', () => {
    const routes = [route('/*', 'web'), route('/api/*', 'api')];
    expect(target(routes, '/api/users')).toBe('api');
    expect(target(routes, '/')).toBe('web');
    expect(target(routes, '/index.html')).toBe('web');
    expect(target(routes, '/api')).toBe('web');
  });

  it('answers nothing when no route serves the path, or the domain has no routes', () => {
    expect(target([route('/api/*', 'api')], '/other')).toBeUndefined();
    expect(target([], '/')).toBeUndefined();
  });

  it('gives equal paths to the first route in the list, and says which index matched', () => {
    const routes = [route('/x', 'first'), route('/x', 'second')];
    expect(matchCustomDomainRoute(routes, '/x')).toMatchObject({ index: 0, path: '/x' });
    expect(target(routes, '/x')).toBe('first');
  });

  it('compares paths as sent: case and percent-encoding are not folded', () => {
    const routes = [route('/Api/*', 'api')];
    expect(target(routes, '/Api/x')).toBe('api');
    expect(target(routes, '/api/x')).toBeUndefined();
    expect(target([route('/a b', 'sp')], '/a%20b')).toBeUndefined();
  });
});

describe('matchCustomDomainRoute: methods', () => {
  const routes = [route('/api/*', 'api-get', { methods: ['GET'] }), route('/api/*', 'api-post', { methods: ['POST'] })];

  it('passes over routes whose methods leave out the request method', () => {
    expect(target(routes, '/api/x', 'GET')).toBe('api-get');
    expect(target(routes, '/api/x', 'POST')).toBe('api-post');
    expect(target(routes, '/api/x', 'post')).toBe('api-post');
    expect(target(routes, '/api/x', 'DELETE')).toBeUndefined();
  });

  it('falls back to a less specific route that allows the method', () => {
    const withCatchAll = [route('/api/x', 'exact', { methods: ['GET'] }), route('/*', 'all')];
    expect(target(withCatchAll, '/api/x', 'PUT')).toBe('all');
    expect(target(withCatchAll, '/api/x', 'GET')).toBe('exact');
  });

  it('admits every method when methods is absent or empty, and ignores methods when none is given', () => {
    expect(target([route('/a', 'any')], '/a', 'PATCH')).toBe('any');
    expect(target([route('/a', 'any', { methods: [] })], '/a', 'OPTIONS')).toBe('any');
    expect(target(routes, '/api/x')).toBe('api-get');
  });
});

describe('chooseCustomDomainRoute: the route the gateway serves a request with', () => {
  const routes = [route('/api/*', 'api-get', { methods: ['GET'] }), route('/api/*', 'api-post', { methods: ['POST'] })];

  it('takes a route that admits the method, else the one the path names (whose method check refuses it)', () => {
    expect(chooseCustomDomainRoute(routes, '/api/x', 'POST')?.route.fn).toBe('api-post');
    expect(chooseCustomDomainRoute(routes, '/api/x', 'DELETE')?.route.fn).toBe('api-get');
    expect(chooseCustomDomainRoute(routes, '/other', 'GET')).toBeUndefined();
  });

  it('runs no rewrite rule to choose', () => {
    const rules = { regexRules: [{ match: '^/api/(.*)', replacement: '/v2/$1' }] };
    expect(chooseCustomDomainRoute([route('/api/*', 'fn', { rewriteConfig: rules })], '/api/x', 'GET')).toEqual({
      route: route('/api/*', 'fn', { rewriteConfig: rules }),
      index: 0,
    });
  });
});

describe('matchCustomDomainRoute: rewrite', () => {
  it('returns the rewritten path of the matched route, and the original when no rule matches', () => {
    const routes = [
      route('/api/*', 'api', { rewriteConfig: { wildcardRules: [{ match: '^/api/*', replacement: '/$1' }] } }),
    ];
    expect(matchCustomDomainRoute(routes, '/api/users/7')?.path).toBe('/users/7');
    const other = [route('/*', 'web', { rewriteConfig: { equalRules: [{ match: '/old', replacement: '/new' }] } })];
    expect(matchCustomDomainRoute(other, '/kept')?.path).toBe('/kept');
  });
});

describe('rewriteCustomDomainPath: FC rewrite rules', () => {
  it('exact: rewrites only the whole path', () => {
    const config = { equalRules: [{ match: '/old', replacement: '/new' }] };
    expect(rewriteCustomDomainPath(config, '/old')).toBe('/new');
    expect(rewriteCustomDomainPath(config, '/test/old')).toBe('/test/old');
    expect(
      rewriteCustomDomainPath(
        { equalRules: [{ match: '/serviceName.Qualifier', replacement: '/serviceA' }] },
        '/serviceName.Qualifier',
      ),
    ).toBe('/serviceA');
  });

  it('wildcard without ^ matches anywhere and replaces the whole path (FC: /test/old → /new)', () => {
    const config = { wildcardRules: [{ match: '/old', replacement: '/new' }] };
    expect(rewriteCustomDomainPath(config, '/old')).toBe('/new');
    expect(rewriteCustomDomainPath(config, '/test/old')).toBe('/new');
  });

  it('wildcard with ^ is anchored at the start', () => {
    const config = { wildcardRules: [{ match: '^/old', replacement: '/new' }] };
    expect(rewriteCustomDomainPath(config, '/old')).toBe('/new');
    expect(rewriteCustomDomainPath(config, '/test/old')).toBe('/test/old');
  });

  it('wildcard captures each * in order as $1, $2, $3 (FC examples)', () => {
    const rule = (match: string, replacement: string) => ({ wildcardRules: [{ match, replacement }] });
    expect(rewriteCustomDomainPath(rule('/api/*', '/$1'), '/api/getFunctionName')).toBe('/getFunctionName');
    expect(rewriteCustomDomainPath(rule('/api/*', '/$1'), '/api/getFunctionName&Version=1')).toBe(
      '/getFunctionName&Version=1',
    );
    expect(rewriteCustomDomainPath(rule('/css/*', '/public/static/css/$1'), '/css/style.css')).toBe(
      '/public/static/css/style.css',
    );
    expect(
      rewriteCustomDomainPath(
        rule('/ServiceName/*/FunctionName/*/Qualifier/*', '/$1.$3/$2'),
        '/ServiceName/svc-a/FunctionName/func-a/Qualifier/1',
      ),
    ).toBe('/svc-a.1/func-a');
  });

  it('wildcard treats regex characters literally', () => {
    const config = { wildcardRules: [{ match: '^/a.b/*', replacement: '/x/$1' }] };
    expect(rewriteCustomDomainPath(config, '/a.b/c')).toBe('/x/c');
    expect(rewriteCustomDomainPath(config, '/aXb/c')).toBe('/aXb/c');
  });

  it('regex: standard syntax, groups as $1 (FC example ^/api/.+?/(.*) → /api/v2/$1)', () => {
    const config = { regexRules: [{ match: '^/api/.+?/(.*)', replacement: '/api/v2/$1' }] };
    expect(rewriteCustomDomainPath(config, '/api/v1/users')).toBe('/api/v2/users');
    expect(rewriteCustomDomainPath(config, '/web/v1/users')).toBe('/web/v1/users');
  });

  it('tries exact, then wildcard, then regex, and stops at the first rule that matches', () => {
    const config: RewriteConfig = {
      regexRules: [{ match: '^/a$', replacement: '/from-regex' }],
      wildcardRules: [
        { match: '^/a', replacement: '/from-wildcard' },
        { match: '^/*', replacement: '/second' },
      ],
      equalRules: [{ match: '/a', replacement: '/from-equal' }],
    };
    expect(rewriteCustomDomainPath(config, '/a')).toBe('/from-equal');
    expect(rewriteCustomDomainPath({ ...config, equalRules: [] }, '/a')).toBe('/from-wildcard');
    expect(rewriteCustomDomainPath({ regexRules: config.regexRules }, '/a')).toBe('/from-regex');
  });

  it('gives a result that lost its leading slash one, and skips a regex that does not compile', () => {
    expect(rewriteCustomDomainPath({ wildcardRules: [{ match: '^/api/*', replacement: '$1' }] }, '/api/x')).toBe('/x');
    expect(rewriteCustomDomainPath({ regexRules: [{ match: '(', replacement: '/y' }] }, '/x')).toBe('/x');
  });

  it('runs no regex rule stored before their cost was bounded: one too large (so its route), or a route of them too large together', () => {
    const rule = (match: string) => ({ match, replacement: '/y' });
    expect(rewriteCustomDomainPath({ regexRules: [rule('(a?){16}'.repeat(3)), rule('^/x')] }, '/x')).toBe('/x');
    expect(rewriteCustomDomainPath({ regexRules: [rule('^/x(a?){16}'.repeat(3))] }, '/x')).toBe('/x');
    expect(rewriteCustomDomainPath({ regexRules: [...Array(3).fill(rule('x?'.repeat(60))), rule('^/x')] }, '/x')).toBe(
      '/x',
    );
  });

  it('runs no regex rule stored before classes were weighed by their ranges once that weighs it past the bound', () => {
    const rule = (match: string) => ({ match, replacement: '/y' });
    const isolated = (count: number) => Array.from({ length: count }, (_, i) => String.fromCharCode(0x100 + 2 * i));
    // Cost 1 + (count + 1 ranges) × 16; each cost 17 before.
    const classRule = (count: number) => rule(`^/(?:[x${isolated(count).join('')}]*){16}$`);
    expect(rewriteCustomDomainPath({ regexRules: [classRule(2)] }, '/x')).toBe('/y');
    expect(rewriteCustomDomainPath({ regexRules: [classRule(44)] }, '/x')).toBe('/x');
    expect(rewriteCustomDomainPath({ regexRules: Array(3).fill(classRule(2)) }, '/x')).toBe('/x');
  });
});

describe('rewriteWork and rewriteIfCheap: what the rules of a route may cost per character of the path', () => {
  const realistic = { regexRules: [{ match: '^/api/.+?/(.*)', replacement: '/api/v2/$1' }] };

  it('counts the regex rules that run and the wildcard rules as the expressions they run as, never equal rules', () => {
    expect(rewriteWork(undefined)).toBe(0);
    expect(rewriteWork({ equalRules: [{ match: '/a', replacement: '/b' }] })).toBe(0);
    expect(rewriteWork(realistic)).toBe(regExpCost('^/api/.+?/(.*)'));
    // `^/a/*` runs as `^\/a\/(.*)`: three characters and a capture of `.*` (`.` is 4 ranges).
    expect(rewriteWork({ wildcardRules: [{ match: '^/a/*', replacement: '/$1' }] })).toBe(3 + 4 + 2);
    expect(rewriteWork({ regexRules: [{ match: '(a?){16}'.repeat(3), replacement: '/y' }] })).toBe(0);
  });

  it('rewrites when the work for this path is within the bound, and leaves a costlier one to a thread', () => {
    const long = `/api/v1/${'x'.repeat(INLINE_REWRITE_WORK)}`;
    expect(rewriteIfCheap(realistic, '/api/v1/users')).toBe('/api/v2/users');
    expect(rewriteIfCheap(realistic, long)).toBeUndefined();
    expect(rewriteIfCheap({ equalRules: [{ match: long, replacement: '/b' }] }, long)).toBe('/b');
  });
});
