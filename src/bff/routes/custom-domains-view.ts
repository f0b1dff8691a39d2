import { redactDomainAuthConfig } from '../../contract/custom-domain';
import { customDomainViewSchema, type CustomDomainView } from '../../contract/custom-domain-console';
import { describeIssues } from '../../contract/validation-messages';
import type { FcConnection } from '../connection';
import { FcError } from '../fc-error';
import { toPlain } from '../views';

type Where = Pick<FcConnection, 'mode' | 'endpoint'>;

/**
 * Where a custom domain answers. Locally the engine serves every domain on its own port (the gateway
 * routes by Host), and names under `.localhost` reach it from browsers and curl as they are; in the
 * cloud the domain's DNS points at FC, on the default port of the protocol it accepts.
 */
export function customDomainUrl(connection: Where, domain: { domainName: string; protocol?: string }): URL {
  if (connection.mode === 'local') {
    const port = new URL(`http://${connection.endpoint}`).port;
    return new URL(`http://${domain.domainName}${port ? `:${port}` : ''}`);
  }
  const http = (domain.protocol ?? 'HTTP').split(',').includes('HTTP');
  return new URL(`${http ? 'http' : 'https'}://${domain.domainName}`);
}

/** A domain as the SPA sees it: the SDK model's data, parsed, with the URL it answers at. */
export function toCustomDomainView(model: unknown, connection: Where): CustomDomainView {
  const domain = toPlain(model) as { domainName?: unknown; protocol?: unknown };
  const url =
    typeof domain.domainName === 'string'
      ? customDomainUrl(connection, {
          domainName: domain.domainName,
          protocol: typeof domain.protocol === 'string' ? domain.protocol : undefined,
        }).origin
      : '';
  const parsed = customDomainViewSchema.safeParse({ ...domain, url });
  // A JWT domain's private JWKS members never reach the browser (a certificate's key is not answered at all).
  if (parsed.success)
    return parsed.data.authConfig
      ? { ...parsed.data, authConfig: redactDomainAuthConfig(parsed.data.authConfig) }
      : parsed.data;
  throw new FcError(
    502,
    'InvalidResponse',
    `Function Compute answered with a custom domain the console cannot read: ${describeIssues(parsed.error.issues)}`,
  );
}
