import * as $FC from '@alicloud/fc20230330';
import type { HttpTestRequest, InvocationResult, InvokeInput } from '../../contract/invocation';
import { consoleErrorMessage, CONSOLE_ERRORS } from '../../contract/console-errors';
import { chooseCustomDomainRoute } from '../../contract/custom-domain-routes';
import { domainJwtConfig, domainServesHost, type DomainAuthConfig } from '../../contract/custom-domain';
import { HTTP_METHODS, type HttpTriggerConfig } from '../../contract/trigger';
import type { FcConnection } from '../connection';
import { FcError } from '../fc-error';
import { customDomainUrl, toCustomDomainView } from '../routes/custom-domains-view';
import { sendTestRequest, type InvocationContext } from './http-invocation';

type DomainInput = InvokeInput & { request: HttpTestRequest; domainName: string };

/** The domain's own auth settings in a trigger's terms, as the gateway applies them to a domain's requests. */
function credentialsOf(auth: DomainAuthConfig | undefined): HttpTriggerConfig {
  const base = { methods: [...HTTP_METHODS], disableURLInternet: false };
  if (auth?.authType === 'function') return { ...base, authType: 'function', authConfig: undefined };
  const jwt = auth?.authType === 'jwt' ? domainJwtConfig(auth.authInfo) : undefined;
  if (jwt?.success) return { ...base, authType: 'jwt', authConfig: jwt.data };
  return { ...base, authType: 'anonymous', authConfig: undefined };
}

/** A replay looks through at most this many pages of domains (100 a page) for the one serving a host. */
const DOMAIN_PAGES = 10;

async function domainNames(context: InvocationContext): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < DOMAIN_PAGES && (page === 0 || nextToken); page++) {
    const request = new $FC.ListCustomDomainsRequest({ limit: 100, ...(nextToken ? { nextToken } : {}) });
    const { body } = await context.fcCall((fc) => fc.listCustomDomains(request));
    names.push(...(body?.customDomains ?? []).flatMap((domain) => (domain.domainName ? [domain.domainName] : [])));
    nextToken = body?.nextToken || undefined;
  }
  return names;
}

/**
 * The domain the gateway serves a host with (engine/store/custom-domains-store.ts): the domain of that
 * name, whatever its case, else the wildcard domain with the longest suffix that covers it.
 */
async function domainFor(context: InvocationContext, host: string) {
  const get = async (name: string) => (await context.fcCall((fc) => fc.getCustomDomain(name))).body;
  try {
    return await get(host);
  } catch (error) {
    if (!(error instanceof FcError && error.status === 404)) throw error;
    const names = await domainNames(context);
    const exact = names.find((name) => !name.startsWith('*.') && domainServesHost(name, host));
    const wildcard = names
      .filter((name) => name.startsWith('*.') && domainServesHost(name, host))
      .sort((a, b) => b.length - a.length)[0];
    const name = exact ?? wildcard;
    // None serves it: the 404 names the host the request was sent to.
    if (name === undefined) throw error;
    return get(name);
  }
}

/**
 * A request sent again through the custom domain it came through (Replay from the Requests tab): to
 * the name the client called, on the engine's gateway locally, so the domain's routes, methods and
 * CORS answer; its credentials placed by the console from the domain's auth settings.
 */
export async function invokeThroughDomain(
  context: InvocationContext,
  input: DomainInput,
  connection: FcConnection,
): Promise<InvocationResult> {
  const domain = toCustomDomainView(await domainFor(context, input.domainName), connection);
  // A function's replay never runs another function under its name (the result and logs would be taken for its own):
  // the route the gateway would choose must name this one (chosen without running its rewrite rules).
  const { path, method } = input.request;
  const route = chooseCustomDomainRoute(domain.routeConfig.routes, path, method)?.route;
  if (route && route.functionName !== context.functionName) {
    const detail = `The custom domain ${domain.domainName} routes ${path} to the function ${route.functionName}.`;
    const { status } = CONSOLE_ERRORS.DomainRoutesElsewhere;
    throw new FcError(status, 'DomainRoutesElsewhere', consoleErrorMessage('DomainRoutesElsewhere', detail));
  }
  const url = customDomainUrl(connection, { domainName: input.domainName, protocol: domain.protocol }).origin;
  const connectHost = connection.mode === 'local' ? new URL(`http://${connection.endpoint}`).hostname : undefined;
  return sendTestRequest(context, input, {
    url,
    config: credentialsOf(domain.authConfig),
    ...(connectHost ? { connectHost } : {}),
  });
}
