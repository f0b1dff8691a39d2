import { z } from 'zod';
import {
  customDomainInputSchema,
  domainServesHost,
  type CustomDomainInput,
  type CustomDomainUpdate,
  type PathConfig,
} from '../../contract/custom-domain';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import { TRIGGER_HOST_SUFFIX } from '../../contract/trigger-url';
import type { Db } from './database';
import { nowIso, toPage, type Page, type PageRequest } from './paging';
import { prepared } from './prepared';
import { lookupQualifier } from './qualifier';
import { bumpGeneration } from './read-cache';

export type StoredCustomDomain = CustomDomainInput & { createdTime: string; lastModifiedTime: string };

const rowSchema = z.object({
  domain_name: z.string(),
  config: z.string(),
  created_time: z.string(),
  last_modified_time: z.string(),
});

/** A row read back goes through the contract's schema, as what was stored was parsed by it. */
function fromRow(row: unknown): StoredCustomDomain {
  const { domain_name, config, created_time, last_modified_time } = rowSchema.parse(row);
  const domain = customDomainInputSchema.parse({ ...JSON.parse(config), domainName: domain_name });
  return { ...domain, createdTime: created_time, lastModifiedTime: last_modified_time };
}

const configText = ({ domainName: _, ...config }: CustomDomainInput) => JSON.stringify(config);

const notFound = (domainName: string) => new FcError('DomainNameNotFound', `domain name ${domainName} does not exist`);

export function findCustomDomain(db: Db, domainName: string): StoredCustomDomain | undefined {
  const row = prepared(db, 'SELECT * FROM custom_domains WHERE domain_name = ?').get(domainName);
  return row === undefined ? undefined : fromRow(row);
}

export function getCustomDomain(db: Db, domainName: string): StoredCustomDomain {
  const domain = findCustomDomain(db, domainName);
  if (!domain) throw notFound(domainName);
  return domain;
}

/**
 * Every route names a function and a qualifier that exist (FunctionNotFound, VersionNotFound,
 * AliasNotFound, as CreateTrigger answers). FC's reference does not say whether it checks this;
 * checking here makes a typo fail when the domain is saved rather than on its first request.
 */
function checkRoutes(db: Db, routes: readonly PathConfig[]) {
  routes.forEach((route, i) => {
    try {
      lookupQualifier(db, route.functionName, route.qualifier);
    } catch (error) {
      if (error instanceof FcError) throw new FcError(error.code, `routeConfig.routes.${i}: ${error.message}`);
      throw error;
    }
  });
}

export function createCustomDomain(db: Db, input: CustomDomainInput): StoredCustomDomain {
  if (input.domainName.toLowerCase().endsWith(TRIGGER_HOST_SUFFIX))
    throw new FcError(
      'InvalidArgument',
      `domainName: names under ${TRIGGER_HOST_SUFFIX} are the engine's trigger URLs.`,
    );
  checkRoutes(db, input.routeConfig?.routes ?? []);
  const now = nowIso();
  db.transaction(() => {
    // DNS names compare without case: two domains the same Host would reach cannot both exist.
    if (prepared(db, 'SELECT 1 FROM custom_domains WHERE lower(domain_name) = lower(?)').get(input.domainName))
      throw new FcError('DomainNameAlreadyExists', `domain name ${input.domainName} already exists`);
    prepared(
      db,
      'INSERT INTO custom_domains (domain_name, config, created_time, last_modified_time) VALUES (?, ?, ?, ?)',
    ).run(input.domainName, configText(input), now, now);
    bumpGeneration(db);
  })();
  return getCustomDomain(db, input.domainName);
}

/** A field sent replaces the stored one; fields left out are kept. */
export function updateCustomDomain(db: Db, domainName: string, patch: CustomDomainUpdate): StoredCustomDomain {
  const stored = getCustomDomain(db, domainName);
  const { createdTime: _c, lastModifiedTime: _m, ...current } = stored;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const next = customDomainInputSchema.safeParse({ ...current, ...defined });
  if (!next.success) throw new FcError('InvalidArgument', describeIssues(next.error.issues));
  checkRoutes(db, next.data.routeConfig?.routes ?? []);
  prepared(db, 'UPDATE custom_domains SET config = ?, last_modified_time = ? WHERE domain_name = ?').run(
    configText(next.data),
    nowIso(),
    domainName,
  );
  bumpGeneration(db);
  return getCustomDomain(db, domainName);
}

export function deleteCustomDomain(db: Db, domainName: string): void {
  const { changes } = prepared(db, 'DELETE FROM custom_domains WHERE domain_name = ?').run(domainName);
  if (changes === 0) throw notFound(domainName);
  bumpGeneration(db);
}

/** In name order; the next page's token is the first name past this one (names are unique). */
export function listCustomDomains(db: Db, page: PageRequest): Page<StoredCustomDomain> {
  const prefix = page.prefix ?? '';
  const rows = db
    .prepare(
      `SELECT * FROM custom_domains WHERE substr(domain_name, 1, ?) = ? AND domain_name >= ?
       ORDER BY domain_name LIMIT ?`,
    )
    .all(prefix.length, prefix, page.nextToken ?? '', page.limit + 1)
    .map(fromRow);
  return toPage(rows, page.limit, (domain) => domain.domainName);
}

/**
 * The domain a request's host name (port removed) reaches: the domain of that exact name, else the
 * wildcard domain with the longest suffix that covers it (`*.a.example.com` before `*.example.com`).
 */
export function findCustomDomainForHost(db: Db, hostname: string): StoredCustomDomain | undefined {
  const names = prepared(db, 'SELECT domain_name FROM custom_domains')
    .all()
    .map((row) => (row as { domain_name: string }).domain_name);
  const exact = names.find((name) => !name.startsWith('*.') && domainServesHost(name, hostname));
  const wildcard = names
    .filter((name) => name.startsWith('*.') && domainServesHost(name, hostname))
    .sort((a, b) => b.length - a.length)[0];
  const name = exact ?? wildcard;
  return name === undefined ? undefined : findCustomDomain(db, name);
}
