import { LATEST } from '../../../contract/names';
import type { HttpMethod } from '../../../contract/trigger';
import type { CustomDomainView } from '../../../contract/custom-domain-console';

export const REWRITE_RULE_TYPES = ['equalRules', 'wildcardRules', 'regexRules'] as const;
export type RewriteRuleType = (typeof REWRITE_RULE_TYPES)[number];
export type RewriteRuleValues = { match: string; replacement: string };

export type RouteValues = {
  path: string;
  functionName: string;
  qualifier: string;
  methods: HttpMethod[];
  rewriteConfig: Record<RewriteRuleType, RewriteRuleValues[]>;
};

/**
 * What the Add / Edit Custom Domain panel edits: the contract's shape, with every optional list
 * present, so the schema's field paths (`routeConfig.routes.0.path`) are the form's.
 */
export type CustomDomainFormValues = {
  domainName: string;
  protocol: string;
  routeConfig: { routes: RouteValues[] };
  /** Never edited here: only where the contract reports that HTTPS needs a certificate. */
  certConfig?: never;
};

export function emptyRoute(functionName = '', path = '/*'): RouteValues {
  return {
    path,
    functionName,
    qualifier: LATEST,
    methods: [],
    rewriteConfig: { equalRules: [], wildcardRules: [], regexRules: [] },
  };
}

export function emptyDomainForm(firstFunction?: string): CustomDomainFormValues {
  return { domainName: '', protocol: 'HTTP', routeConfig: { routes: [emptyRoute(firstFunction)] } };
}

export function formFromDomain(domain: CustomDomainView): CustomDomainFormValues {
  return {
    domainName: domain.domainName,
    protocol: domain.protocol ?? 'HTTP',
    routeConfig: {
      routes: (domain.routeConfig?.routes ?? []).map((route) => ({
        path: route.path,
        functionName: route.functionName,
        qualifier: route.qualifier ?? LATEST,
        methods: [...(route.methods ?? [])] as HttpMethod[],
        rewriteConfig: {
          equalRules: [...(route.rewriteConfig?.equalRules ?? [])],
          wildcardRules: [...(route.rewriteConfig?.wildcardRules ?? [])],
          regexRules: [...(route.rewriteConfig?.regexRules ?? [])],
        },
      })),
    },
  };
}

const nonEmpty = <T>(list: T[]) => (list.length > 0 ? list : undefined);

/** The panel's values as the contract's input: empty lists left out (no methods: every method). */
export function toSchemaInput(values: CustomDomainFormValues) {
  return {
    domainName: values.domainName,
    protocol: values.protocol,
    routeConfig: {
      routes: values.routeConfig.routes.map((route) => {
        const rules = route.rewriteConfig;
        const rewrite = REWRITE_RULE_TYPES.some((type) => rules[type].length > 0);
        return {
          path: route.path,
          functionName: route.functionName,
          qualifier: route.qualifier,
          methods: nonEmpty(route.methods),
          rewriteConfig: rewrite
            ? Object.fromEntries(REWRITE_RULE_TYPES.map((type) => [type, nonEmpty(rules[type])]))
            : undefined,
        };
      }),
    },
  };
}
