import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../../mocks/fc-seed';
import { fcState } from '../../../../mocks/fc-state';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import {
  anonymousTrigger,
  BASIC_PASSWORD,
  basicTrigger,
  hmacJwk,
  JWK_HMAC_SECRET,
  JWK_PRIVATE,
  jwtTrigger,
  rsaPrivateJwk,
} from '../../../../mocks/fixtures/triggers';
import { callApi } from '../../../../mocks/use-mock-fc';
import { renderWithProviders } from '../../testing/render-with-providers';

// The function page is a lazy chunk: load it once before the tests, and give its first render on a
// busy machine longer than the usual wait.
beforeAll(() => import('../../app/function-details-page'), 120_000);
const FIRST_RENDER_WAIT = 30_000;

const stored = (name: string) => fcState.functions.get('hello-world')!.triggers.get(name)!.config;

async function openEdit(name: string) {
  const view = renderWithProviders('/functions/hello-world?tab=triggers');
  await view.user.click(
    await screen.findByRole('button', { name: `Modify trigger ${name}` }, { timeout: FIRST_RENDER_WAIT }),
  );
  const panel = await screen.findByRole('dialog', { name: 'Edit Trigger' });
  return { ...view, panel };
}

describe('Edit Trigger: JWKS private keys', { timeout: 60_000 }, () => {
  it('shows which keys keep a private part, never the part itself, and keeps it on save', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', jwtTrigger);
    const { user, panel } = await openEdit('jwt-trigger');

    const jwks = within(panel).getByRole('textbox', { name: /JWKS/ }) as HTMLTextAreaElement;
    for (const secret of [...Object.values(JWK_PRIVATE), JWK_HMAC_SECRET]) expect(jwks.value).not.toContain(secret);
    const note = within(panel).getByRole('note');
    expect(note).toHaveTextContent('Private keys are stored and kept');
    expect(note).toHaveTextContent('The private part of key rsa-1 (RSA) is stored and never shown.');
    expect(note).toHaveTextContent('The private part of key hmac-1 (oct) is stored');

    await user.click(within(panel).getByRole('checkbox', { name: 'POST' }));
    await user.click(within(panel).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Trigger' })).not.toBeInTheDocument());
    expect(stored('jwt-trigger')).toMatchObject({
      methods: ['GET', 'POST'],
      authConfig: { jwks: { keys: [rsaPrivateJwk, hmacJwk] } },
    });
  });
});

describe('Edit Trigger over someone else’s save', { timeout: 60_000 }, () => {
  async function editThenTheySave() {
    seedFunction(helloFunction);
    seedTrigger('hello-world', anonymousTrigger);
    const view = await openEdit('http-trigger');
    await view.user.click(within(view.panel).getByRole('checkbox', { name: 'PATCH' }));
    // Another console saves first; its lastModifiedTime is later than the one this panel opened.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const theirs = await callApi(createTestBffApp(), 'PUT', '/api/functions/hello-world/triggers/http-trigger', {
      triggerConfig: { methods: ['GET'], authType: 'anonymous' },
    });
    expect(theirs.status).toBe(200);
    await view.user.click(within(view.panel).getByRole('button', { name: 'OK' }));
    const alert = (await within(view.panel).findByText('Someone else saved this trigger')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    return { ...view, alert };
  }

  it('is refused: the panel stays open with the input and the other save is kept', async () => {
    const { panel, alert } = await editThenTheySave();
    expect(alert).toHaveTextContent(/What you entered is kept/);
    expect(within(panel).getByRole('checkbox', { name: 'PATCH' })).toBeChecked();
    expect(stored('http-trigger').methods).toEqual(['GET']);
  });

  it('Reload asks first, then shows their settings', async () => {
    const { user, panel, alert } = await editThenTheySave();
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Discard your input?' })).getByRole('button', {
        name: 'Discard and reload',
      }),
    );
    await waitFor(() => expect(within(panel).getByRole('checkbox', { name: 'PATCH' })).not.toBeChecked());
    expect(within(panel).getByRole('checkbox', { name: 'POST' })).not.toBeChecked();
    expect(within(panel).getByRole('checkbox', { name: 'GET' })).toBeChecked();
    expect(within(panel).queryByText('Someone else saved this trigger')).not.toBeInTheDocument();
  });

  it('Overwrite saves the input over theirs', async () => {
    const { user, alert } = await editThenTheySave();
    await user.click(within(alert).getByRole('button', { name: 'Overwrite' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Trigger' })).not.toBeInTheDocument());
    expect(stored('http-trigger').methods).toEqual(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
  });
});

describe('Edit Trigger: a Basic user renamed with the password left blank', { timeout: 60_000 }, () => {
  it('keeps the stored password for the renamed user, and shows a refusal under its field, translated', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', basicTrigger);
    const { user, panel } = await openEdit('basic-trigger');
    const username = within(panel).getByRole('textbox', { name: /^Username 1/ });
    await user.clear(username);
    await user.type(username, 'renamed-console-admin');
    await user.click(within(panel).getByRole('button', { name: 'Add user' }));
    await user.type(within(panel).getByRole('textbox', { name: /^Username 2/ }), 'console-admin');
    await user.click(within(panel).getByRole('button', { name: 'OK' }));

    // The new row has the old name but not its password: it is a new user, refused under its password.
    const password2 = within(panel).getByLabelText(/^Password 2/);
    await waitFor(() => expect(password2).toHaveAccessibleDescription('A password has 12 to 128 characters.'));
    expect(within(panel).queryByText(/triggerConfig\.authConfig/)).not.toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Remove user 2' }));
    await user.click(within(panel).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Trigger' })).not.toBeInTheDocument());
    expect(stored('basic-trigger')).toMatchObject({
      authConfig: { users: [{ username: 'renamed-console-admin', password: BASIC_PASSWORD }] },
    });
  });
});
