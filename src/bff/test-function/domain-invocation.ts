import type { HttpTestRequest, InvocationResult, InvokeInput } from '../../contract/invocation';
import { domainJwtConfig, type DomainAuthConfig } from '../../contract/custom-domain';
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

/** The domain configured for a host: its own name, else the wildcard one level up (`*.example.com`). */
async function domainFor(context: InvocationContext, host: string) {
  const get = async (name: string) => (await context.fcCall((fc) => fc.getCustomDomain(name))).body;
  try {
    return await get(host);
  } catch (error) {
    const parent = host.slice(host.indexOf('.') + 1);
    if (!(error instanceof FcError && error.status === 404) || !host.includes('.')) throw error;
    // Neither exists: the 404 names the host the request was sent to.
    return get(`*.${parent}`).catch(() => Promise.reject(error));
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
  const url = customDomainUrl(connection, { domainName: input.domainName, protocol: domain.protocol }).origin;
  const connectHost = connection.mode === 'local' ? new URL(`http://${connection.endpoint}`).hostname : undefined;
  return sendTestRequest(context, input, {
    url,
    config: credentialsOf(domain.authConfig),
    ...(connectHost ? { connectHost } : {}),
  });
}
