import { expect } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction } from '../../../mocks/fc-seed';
import { fcState } from '../../../mocks/fc-state';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { callApi } from '../../../mocks/use-mock-fc';

/** Two functions a domain can route to: `api-fn` and `site-fn`. */
export function seedTwoFunctions() {
  seedFunction({ ...helloFunction, functionName: 'api-fn' });
  seedFunction({ ...helloFunction, functionName: 'site-fn' });
}

/** `/api/*` → api-fn (GET, POST) and `/*` → site-fn on `name`, added through the console's API as a script would. */
export async function addShopDomain(name = 'shop.example.localhost') {
  const res = await callApi(createTestBffApp(), 'POST', '/api/custom-domains', {
    domainName: name,
    protocol: 'HTTP',
    routeConfig: {
      routes: [
        { path: '/api/*', functionName: 'api-fn', qualifier: 'LATEST', methods: ['GET', 'POST'] },
        { path: '/*', functionName: 'site-fn', qualifier: 'LATEST' },
      ],
    },
  });
  expect(res.status, res.text).toBe(201);
  // Saved a while ago: a later save (someone else's Edit) always carries another lastModifiedTime.
  fcState.customDomains.get(name)!.lastModifiedTime = '2026-01-01T00:00:00.000Z';
}

/** Another client saves the domain (someone else's Edit). */
export async function updateDomain(name: string, body: unknown) {
  const res = await callApi(createTestBffApp(), 'PUT', `/api/custom-domains/${name}`, body);
  expect(res.status, res.text).toBe(200);
}
