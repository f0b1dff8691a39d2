import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bffHandler, createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { server } from '../../../mocks/node';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { anonymousTrigger, BEARER_TOKEN, bearerTrigger } from '../../../mocks/fixtures/triggers';
import { recordedRequests } from '../../../mocks/recorded-requests';
import { REDACTED } from '../../contract/recorded-request';
import { sendHttp } from '../../bff/test-function/send-http';
import { renderWithProviders } from '../testing/render-with-providers';

const TAB = '/functions/hello-world?tab=requests';

function given() {
  seedFunction(helloFunction);
  return {
    open: seedTrigger('hello-world', anonymousTrigger).urls.urlInternet,
    bearer: seedTrigger('hello-world', bearerTrigger).urls.urlInternet,
  };
}

/** A client outside the console (curl, a webhook sender) calling the trigger URL. */
async function send(url: string, method = 'GET', headers: Record<string, string> = {}) {
  const reply = await sendHttp({ url: new URL(url), method, headers });
  return reply.headers.find(([name]) => name === 'x-fc-request-id')?.[1] ?? '';
}

// The first render of the page's lazy chunks is slow on a busy machine: the list gets longer than findBy's default.
const LOADED = { timeout: 20_000 };
const row = (name: RegExp) => screen.findByRole('row', { name }, LOADED);
const rowsOf = () => screen.queryAllByRole('row').slice(1); // the header row first

/** The function threw: the engine's 502 as it records it (the mock runs no code). */
function recordThrow() {
  return recordedRequests.record({
    requestId: 'THROWN-1',
    time: new Date().toISOString(),
    functionName: 'hello-world',
    qualifier: 'LATEST',
    triggerName: anonymousTrigger.triggerName,
    via: 'internet',
    method: 'POST',
    path: '/orders',
    sourceIp: '203.0.113.9',
    status: 502,
    durationMs: 12,
    invocationType: 'sync',
    errorCode: 'UnhandledInvocationError',
    fromConsole: false,
    request: { headers: [['content-type', 'application/json']], body: { encoding: 'text', data: '{"id":1}', size: 8 } },
    response: {
      headers: [['x-fc-error-type', 'UnhandledInvocationError']],
      body: { encoding: 'text', data: '{"errorMessage":"boom"}', size: 23 },
    },
    sent: { headerBytes: 120, pathWithQueryBytes: 7, bodyBytes: 8 },
    logs: 'Error: boom\n    at handler (index.js:2:9)\n',
  });
}

describe('the Requests tab', { timeout: 60_000 }, () => {
  it('invites a first request with the trigger’s URL, then shows one sent from outside without a reload', async () => {
    const { open, bearer } = given();
    renderWithProviders(TAB);
    expect(await screen.findByText('No requests yet — send one:', {}, LOADED)).toBeInTheDocument();
    const curl = screen.getByText(/^curl -i /).textContent;
    expect([`curl -i '${open}'`, `curl -i '${bearer}'`]).toContain(curl);
    await send(`${open}/webhook?event=push`);
    expect(await row(/GET \/webhook\?event=push: 200/)).toBeInTheDocument();
    await send(open, 'PATCH');
    expect(await row(/PATCH \/: 403/)).toBeInTheDocument();
    expect(rowsOf()[0]).toHaveAccessibleName(/PATCH/); // newest on top
  });

  it('filters by status class, method and request id', async () => {
    const { open, bearer } = given();
    await send(`${open}/ok`);
    const unauthorized = await send(`${bearer}/no-token`);
    await send(`${open}/deleted`, 'DELETE');
    const { user } = renderWithProviders(TAB);
    await row(/GET \/ok: 200/);
    expect(rowsOf()).toHaveLength(3);

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: '4xx' }));
    await row(/GET \/no-token: 401/);
    expect(rowsOf()).toHaveLength(1);

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'All' }));
    await user.click(screen.getByRole('combobox', { name: 'Method' }));
    await user.click(await screen.findByRole('option', { name: 'DELETE' }));
    await row(/DELETE \/deleted: 200/);
    expect(rowsOf()).toHaveLength(1);

    await user.click(screen.getByRole('combobox', { name: 'Method' }));
    await user.click(await screen.findByRole('option', { name: 'All' }));
    await user.type(screen.getByRole('searchbox', { name: 'Request ID' }), unauthorized);
    await row(/GET \/no-token: 401/);
    expect(rowsOf()).toHaveLength(1);
  });

  it('explains a 403 with the trigger’s methods and offers Modify, from a deep link', async () => {
    const { open } = given();
    const id = await send(open, 'PATCH');
    const { user, location } = renderWithProviders(`${TAB}&request=${id}`);
    const panel = await screen.findByRole('dialog', { name: `Request ${id}` }, LOADED);
    expect(
      await within(panel).findByText(/This trigger allows GET, POST, PUT, DELETE; the request used PATCH\./),
    ).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Modify the trigger’s request methods' }));
    expect(location.search).toBe(`?tab=triggers&edit=${anonymousTrigger.triggerName}`);
  });

  it('explains a 401 by the trigger’s auth and shows the sent token only as [redacted]', async () => {
    const { bearer } = given();
    const id = await send(bearer, 'GET', { authorization: 'Bearer not-the-token' });
    renderWithProviders(`${TAB}&request=${id}`);
    const panel = await screen.findByRole('dialog', { name: `Request ${id}` }, LOADED);
    expect(await within(panel).findByText(/This trigger uses Bearer/)).toBeInTheDocument();
    const request = within(panel).getByRole('region', { name: 'Request' });
    const authorization = within(request).getByText('authorization').closest('tr')!;
    expect(authorization).toHaveTextContent(REDACTED);
    expect(panel).not.toHaveTextContent('not-the-token');
    expect(panel).not.toHaveTextContent(BEARER_TOKEN);
  });

  it('explains a 502 as the function’s error with its logs', async () => {
    given();
    recordThrow();
    renderWithProviders(`${TAB}&request=THROWN-1`);
    const panel = await screen.findByRole('dialog', { name: 'Request THROWN-1' }, LOADED);
    expect(await within(panel).findByText('The function code has a syntax error or threw an exception.')).toBeVisible();
    expect(within(panel).getByRole('region', { name: 'Logs' })).toHaveTextContent('Error: boom');
  });

  it('replays a request through its trigger: the new result shows and a new row from the console appears', async () => {
    const { open } = given();
    const id = await send(`${open}/again?x=1`, 'POST', { 'content-type': 'text/plain', 'x-custom': 'kept' });
    const { user } = renderWithProviders(`${TAB}&request=${id}`);
    const panel = await screen.findByRole('dialog', { name: `Request ${id}` }, LOADED);
    await user.click(await within(panel).findByRole('button', { name: 'Replay' }));
    const result = await within(panel).findByRole('region', { name: 'Replay result' });
    expect(within(result).getByText(/^200/)).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    await screen.findAllByRole('row', { name: /POST \/again\?x=1: 200/ });
    await expect.poll(() => screen.queryAllByRole('row', { name: /POST \/again\?x=1: 200/ }).length).toBe(2);
    expect(rowsOf()[0]).toHaveTextContent('console');
    const replayed = recordedRequests.rows.at(-1)!;
    expect(replayed.request?.headers).toContainEqual(['x-custom', 'kept']);
  });

  it('opens a recorded request in Test Function on the Code tab', async () => {
    const { open } = given();
    const id = await send(`${open}/from-webhook?n=1`, 'PUT');
    const { user, location } = renderWithProviders(`${TAB}&request=${id}`);
    const panel = await screen.findByRole('dialog', { name: `Request ${id}` }, LOADED);
    await user.click(await within(panel).findByRole('button', { name: 'Open in Test Function' }));
    expect(await screen.findByRole('tab', { name: 'Code', selected: true }, LOADED)).toBeInTheDocument();
    expect(location.search).toBe('?tab=code');
    expect(await screen.findByText(/^PUT \/from-webhook via http-trigger/, {}, LOADED)).toBeInTheDocument();
  });

  it('says how to turn on request logs when, connected to Alibaba Cloud, the function writes none', async () => {
    given();
    server.use(bffHandler(createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' })));
    renderWithProviders(TAB);
    expect(await screen.findByText('This function writes no request logs', {}, LOADED)).toBeInTheDocument();
  });
});
