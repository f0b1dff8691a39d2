import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { seedFunction, seedTrigger } from '../../../../../mocks/fc-seed';
import { helloFunction } from '../../../../../mocks/fixtures/functions';
import {
  BASIC_PASSWORD,
  BEARER_TOKEN,
  anonymousTrigger,
  basicTrigger,
  bearerTrigger,
} from '../../../../../mocks/fixtures/triggers';
import { server } from '../../../../../mocks/node';
import type { TriggerCreateInput } from '../../../../contract/trigger';
import { changeLanguage } from '../../../i18n/i18n';
import { renderInConsole } from '../../../testing/render-in-console';
import { testRequest, testTrigger } from '../error-panel/testing/error-fixtures';
import { CopyRequestMenu, type CopyRequestMenuProps } from './copy-request-menu';
import { EndpointCopyButtons } from './endpoint-copy-buttons';

const signatureTrigger: TriggerCreateInput = {
  triggerName: 'signed-trigger',
  triggerType: 'http',
  triggerConfig: { methods: ['POST'], authType: 'function' },
};
const jwtTrigger: TriggerCreateInput = {
  triggerName: 'jwt-trigger',
  triggerType: 'http',
  triggerConfig: {
    methods: ['POST'],
    authType: 'jwt',
    authConfig: { jwks: { keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB' }] }, tokenLookup: 'header:Authorization:Bearer ' },
  },
};

function given(trigger: TriggerCreateInput, props: Partial<CopyRequestMenuProps> = {}) {
  seedFunction(helloFunction);
  const stored = seedTrigger('hello-world', trigger);
  const view = renderInConsole(
    <CopyRequestMenu
      functionName="hello-world"
      request={testRequest}
      mode="sync"
      triggerName={trigger.triggerName}
      endpoint="internet"
      {...props}
    />,
  );
  return { ...view, urls: stored.urls };
}

const clipboard = () => navigator.clipboard.readText();

describe('CopyRequestMenu', () => {
  it('copies the test request as a cURL command and confirms it', async () => {
    const { user, urls } = given(anonymousTrigger);
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    expect(await screen.findByText('Copied cURL command')).toBeInTheDocument();
    expect(await clipboard()).toBe(
      `curl -v '${urls.urlInternet}/orders?page=2' \\\n  -H 'content-type: application/json' \\\n  --data-raw '{"id":1}'`,
    );
  });

  it('copies an asynchronous call through the internal endpoint', async () => {
    const { user, urls } = given(anonymousTrigger, { mode: 'async', endpoint: 'intranet' });
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    await screen.findByText('Copied cURL command');
    const text = await clipboard();
    expect(text).toContain(`'${urls.urlIntranet}/orders?page=2'`);
    expect(text).toContain(`-H 'X-Fc-Invocation-Type: Async'`);
  });

  it('copies a fetch snippet from the menu', async () => {
    const { user, urls } = given(anonymousTrigger);
    await user.click(screen.getByRole('button', { name: 'More ways to copy the request' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Copy as fetch' }));
    expect(await screen.findByText('Copied fetch snippet')).toBeInTheDocument();
    const text = await clipboard();
    expect(text).toMatch(
      new RegExp(`^const response = await fetch\\("${urls.urlInternet}/orders\\?page=2", \\{\n  method: "POST",`),
    );
    expect(text).toContain('body: "{\\"id\\":1}"');
  });

  it('fills in a Signature with its validity, and says so', async () => {
    const { user } = given(signatureTrigger);
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    expect(
      await screen.findByText(/^Copied cURL command · signed, valid until .+ \(15 minutes\)$/),
    ).toBeInTheDocument();
    const text = await clipboard();
    expect(text).toMatch(/^# Signed at \S+; valid until \S+ \(15 minutes\)\ncurl -v /);
    expect(text).toMatch(
      /-H 'Authorization: ACS3-HMAC-SHA256 Credential=\S+,SignedHeaders=[^,]+,Signature=[0-9a-f]{64}'/,
    );
  });

  it('fills in the chosen Basic user’s password', async () => {
    const { user } = given(basicTrigger, {
      triggerName: 'basic-trigger',
      auth: { type: 'basic', username: 'console-admin' },
    });
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    await screen.findByText('Copied cURL command');
    expect(await clipboard()).toContain(`-u 'console-admin:${BASIC_PASSWORD}'`);
  });

  it('fills in the chosen Bearer token', async () => {
    const { user } = given(bearerTrigger, { auth: { type: 'bearer', tokenName: 'ci' } });
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    await screen.findByText('Copied cURL command');
    expect(await clipboard()).toContain(`-H 'Authorization: Bearer ${BEARER_TOKEN}'`);
  });

  it('fills in a pasted JWT', async () => {
    const { user } = given(jwtTrigger, { auth: { type: 'jwt', token: 'eyJhbGciOi.eyJzdWIi.c2ln' } });
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    await screen.findByText('Copied cURL command');
    expect(await clipboard()).toContain(`-H 'Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2ln'`);
  });

  it('says why nothing was copied when the bff refuses', async () => {
    const { user } = given(basicTrigger, { auth: { type: 'basic', username: 'not-a-user-of-it' } });
    await navigator.clipboard.writeText('before');
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    expect(await screen.findByText(/^The command could not be built: .*not-a-user-of-it/)).toBeInTheDocument();
    expect(await clipboard()).toBe('before');
  });

  it('says the console’s server could not be reached, in the user’s language, not the browser’s words', async () => {
    const { user } = given(anonymousTrigger);
    server.use(http.post('*/api/functions/:name/snippets', () => HttpResponse.error()));
    await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    const notice = await screen.findByText(/^The command could not be built: /);
    expect(notice).toHaveTextContent(/could not be built: The console’s server could not be reached\. Check/);
    expect(notice).not.toHaveTextContent(/fetch/i);
  });

  it('says so in Japanese too', async () => {
    const { user } = given(anonymousTrigger);
    await act(() => changeLanguage('ja'));
    server.use(http.post('*/api/functions/:name/snippets', () => HttpResponse.error()));
    await user.click(screen.getByRole('button', { name: 'cURL としてコピー' }));
    expect(await screen.findByText(/コンソールのサーバーに接続できませんでした/)).not.toHaveTextContent(/fetch/i);
  });

  it('offers nothing for an event test without a trigger', () => {
    seedFunction(helloFunction);
    renderInConsole(
      <CopyRequestMenu
        functionName="hello-world"
        request={{ kind: 'event', event: '{}' }}
        mode="sync"
        endpoint="internet"
      />,
    );
    expect(screen.queryByRole('button', { name: 'Copy as cURL' })).not.toBeInTheDocument();
  });
});

describe('EndpointCopyButtons', () => {
  it('copies the internal endpoint, and not the public one while Disable Internet URL is on', async () => {
    const { user } = renderInConsole(<EndpointCopyButtons trigger={testTrigger} />);
    expect(screen.getByRole('button', { name: 'Copy public endpoint' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Copy internal endpoint' }));
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(await clipboard()).toBe(testTrigger.httpTrigger.urlIntranet);
  });
});
