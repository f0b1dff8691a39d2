import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { customDomainGateway } from '../../../mocks/custom-domain-gateway';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { server } from '../../../mocks/node';
import { recordedRequests } from '../../../mocks/recorded-requests';
import { callApi } from '../../../mocks/use-mock-fc';
import { REDACTED } from '../../contract/recorded-request';
import { sendHttp } from '../../bff/test-function/send-http';
import { renderWithProviders } from '../testing/render-with-providers';

const TAB = '/functions/hello-world?tab=requests';
const DOMAIN = 'shop.example.localhost';
const LOADED = { timeout: 20_000 };
beforeEach(() => server.use(customDomainGateway));

/** hello-world behind a custom domain whose own auth is the function's signature. */
async function givenDomain() {
  seedFunction(helloFunction);
  const res = await callApi(createTestBffApp(), 'POST', '/api/custom-domains', {
    domainName: DOMAIN,
    protocol: 'HTTP',
    authConfig: { authType: 'function' },
    routeConfig: { routes: [{ path: '/*', functionName: 'hello-world', qualifier: 'LATEST' }] },
  });
  expect(res.status, res.text).toBe(201);
}

/** A client outside the console calling the domain, with a token of its own the recording redacts; its row's id. */
async function sendThroughDomain() {
  await sendHttp({
    url: new URL(`http://${DOMAIN}/orders?x=1`),
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-custom': 'kept', authorization: 'Bearer from-the-client' },
    body: Buffer.from('order'),
  });
  const recorded = recordedRequests.rows.at(-1)!;
  expect(recorded).toMatchObject({ via: 'custom-domain', domainName: DOMAIN, path: '/orders?x=1' });
  return recorded.requestId;
}

describe('Replay of a request that came through a custom domain', { timeout: 60_000 }, () => {
  it('sends it through the domain again, credentials from the domain’s settings, and a new row appears', async () => {
    await givenDomain();
    const id = await sendThroughDomain();
    const { user } = renderWithProviders(`${TAB}&request=${id}`);
    const panel = await screen.findByRole('dialog', { name: `Request ${id}` }, LOADED);
    expect(await within(panel).findByText(new RegExp(`to the custom domain ${DOMAIN} again`))).toBeVisible();
    await user.click(await within(panel).findByRole('button', { name: 'Replay' }));
    const result = await within(panel).findByRole('region', { name: 'Replay result' }, LOADED);
    expect(within(result).getByText(/^200/)).toBeInTheDocument();

    const replayed = recordedRequests.rows.at(-1)!;
    expect(replayed).toMatchObject({
      via: 'custom-domain',
      domainName: DOMAIN,
      fromConsole: true,
      path: '/orders?x=1',
    });
    expect(replayed.request?.headers).toContainEqual(['x-custom', 'kept']);
    expect(replayed.request?.body.data).toBe('order');
    // The console signed it (the domain's function auth): an Authorization of its own, never the recording's.
    const authorization = replayed.request?.headers.filter(([name]) => name.toLowerCase() === 'authorization');
    expect(authorization).toEqual([['authorization', REDACTED]]);
    expect(replayed.request?.headers.some(([name]) => name.toLowerCase() === 'x-acs-content-sha256')).toBe(true);

    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    await expect.poll(() => screen.queryAllByRole('row', { name: /POST \/orders\?x=1: 200/ }).length, LOADED).toBe(2);
  });

  it('leaves Open in Test Function to triggers', async () => {
    await givenDomain();
    const id = await sendThroughDomain();
    renderWithProviders(`${TAB}&request=${id}`);
    const panel = await screen.findByRole('dialog', { name: `Request ${id}` }, LOADED);
    expect(await within(panel).findByRole('button', { name: 'Replay' })).toBeEnabled();
    expect(within(panel).getByRole('button', { name: 'Open in Test Function' })).toBeDisabled();
  });

  it('shows that a replay is on its way until its answer comes', async () => {
    await givenDomain();
    const id = await sendThroughDomain();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // Nothing answered here: once released, the request goes on to the domain's gateway.
    server.use(http.all('*', ({ request }) => (request.headers.get('host')?.startsWith(DOMAIN) ? held : undefined)));
    const { user } = renderWithProviders(`${TAB}&request=${id}`);
    const panel = await screen.findByRole('dialog', { name: `Request ${id}` }, LOADED);
    await user.click(await within(panel).findByRole('button', { name: 'Replay' }));
    expect(await within(panel).findByRole('progressbar', { name: 'Replaying' }, LOADED)).toBeVisible();
    release();
    await within(panel).findByRole('region', { name: 'Replay result' }, LOADED);
    expect(within(panel).queryByRole('progressbar', { name: 'Replaying' })).toBeNull();
  });
});
