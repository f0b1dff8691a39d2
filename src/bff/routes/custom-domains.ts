import * as $FC from '@alicloud/fc20230330';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  customDomainInputSchema,
  customDomainUpdateSchema,
  domainNameSchema,
  listCustomDomainsQuerySchema,
} from '../../contract/custom-domain';
import { resolveConnection, type ConnectionSource } from '../connection';
import type { FcCall } from '../fc-client';
import { assertUnchanged, ifMatchOf } from '../if-match';
import { createResourceLock } from '../resource-lock';
import { validate } from '../validation';
import { toCustomDomainView } from './custom-domains-view';

export const domainParams = z.object({ domainName: domainNameSchema });

/** Custom Domains: FC's Create/Get/List/Update/DeleteCustomDomain, each domain with the URL it answers at. */
export function customDomainRoutes(fcCall: FcCall, source: ConnectionSource) {
  const lock = createResourceLock();
  const view = async (model: unknown) => toCustomDomainView(model, await resolveConnection(source));
  return new Hono()
    .get('/', validate('query', listCustomDomainsQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const { body } = await fcCall((fc) => fc.listCustomDomains(new $FC.ListCustomDomainsRequest(query)));
      return c.json({
        customDomains: await Promise.all((body?.customDomains ?? []).map(view)),
        ...(body?.nextToken ? { nextToken: body.nextToken } : {}),
      });
    })
    .post('/', validate('json', customDomainInputSchema), async (c) => {
      const input = new $FC.CreateCustomDomainInput(c.req.valid('json'));
      const { body } = await fcCall((fc) => fc.createCustomDomain(new $FC.CreateCustomDomainRequest({ body: input })));
      return c.json(await view(body), 201);
    })
    .get('/:domainName', validate('param', domainParams), async (c) => {
      const { domainName } = c.req.valid('param');
      const { body } = await fcCall((fc) => fc.getCustomDomain(domainName));
      return c.json(await view(body));
    })
    .put('/:domainName', validate('param', domainParams), validate('json', customDomainUpdateSchema), async (c) => {
      const { domainName } = c.req.valid('param');
      const input = new $FC.UpdateCustomDomainInput(c.req.valid('json'));
      // `If-Match: "<lastModifiedTime>"`: the domain as the panel opened it; a save since then is 412.
      const expected = ifMatchOf(c.req.header('if-match'));
      const body = await lock(domainName, async () => {
        if (expected !== undefined) {
          const { body: stored } = await fcCall((fc) => fc.getCustomDomain(domainName));
          assertUnchanged(expected, stored?.lastModifiedTime, 'CustomDomainChanged');
        }
        const request = new $FC.UpdateCustomDomainRequest({ body: input });
        return (await fcCall((fc) => fc.updateCustomDomain(domainName, request))).body;
      });
      return c.json(await view(body));
    })
    .delete('/:domainName', validate('param', domainParams), async (c) => {
      const { domainName } = c.req.valid('param');
      await fcCall((fc) => fc.deleteCustomDomain(domainName));
      return c.body(null, 204);
    });
}
