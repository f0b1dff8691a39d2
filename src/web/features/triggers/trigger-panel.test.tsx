import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { seedFunction, seedTrigger, seedVersions } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { anonymousTrigger } from '../../../../mocks/fixtures/triggers';
import { server } from '../../../../mocks/node';
import { renderWithProviders } from '../../testing/render-with-providers';

async function openCreatePanel() {
  seedFunction(helloFunction);
  const view = renderWithProviders('/functions/hello-world?tab=triggers');
  // The first render of the page transforms its modules: slow on a busy machine.
  await view.user.click(await screen.findByRole('button', { name: 'Create Trigger' }, { timeout: 30_000 }));
  const panel = await screen.findByRole('dialog', { name: 'Create Trigger' });
  return { ...view, panel };
}

async function choose(user: UserEvent, panel: HTMLElement, field: RegExp, option: string) {
  await user.click(within(panel).getByRole('combobox', { name: field }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Create Trigger panel', { timeout: 90_000 }, () => {
  it('starts with the seed defaults and warns about anonymous access', async () => {
    const { panel } = await openCreatePanel();
    expect(within(panel).getByRole('combobox', { name: /Trigger Type/ })).toHaveTextContent('HTTP Trigger');
    expect(within(panel).getByRole('combobox', { name: /Version or Alias/ })).toHaveValue('LATEST');
    for (const m of ['GET', 'POST', 'PUT', 'DELETE'])
      expect(within(panel).getByRole('checkbox', { name: m })).toBeChecked();
    for (const m of ['HEAD', 'PATCH', 'OPTIONS'])
      expect(within(panel).getByRole('checkbox', { name: m })).not.toBeChecked();
    expect(within(panel).getByRole('switch', { name: 'Disable Internet URL' })).not.toBeChecked();
    expect(within(panel).getByRole('combobox', { name: /Authentication Method/ })).toHaveTextContent(
      'No Authentication',
    );
    expect(within(panel).getByRole('alert')).toHaveTextContent(
      /anyone can invoke the function.*validate the Authorization header/i,
    );
  });

  it('shows the name and request method rules under their fields when they are left', async () => {
    const { user, panel } = await openCreatePanel();
    const name = within(panel).getByRole('textbox', { name: /^Name/ });
    await user.type(name, '-trigger');
    await user.tab();
    expect(name).toHaveAccessibleDescription(/do not start with a digit or a hyphen/);

    for (const m of ['GET', 'POST', 'PUT', 'DELETE'])
      await user.click(within(panel).getByRole('checkbox', { name: m }));
    await user.tab();
    const methods = within(panel).getByRole('group', { name: /Request Method/ });
    expect(within(methods).getByText('Select at least one request method.')).toBeInTheDocument();
  });

  it('shows each CORS rule under its field', async () => {
    const { user, panel } = await openCreatePanel();
    await user.click(within(panel).getByRole('radio', { name: 'API-configured CORS' }));

    const origins = within(panel).getByRole('combobox', { name: /Allowed Origins/ });
    await user.type(origins, 'https://*.example.com{Enter}');
    await user.tab();
    expect(origins).toHaveAccessibleDescription(
      /^Subdomain wildcards such as https:\/\/\*\.example\.com are not supported/,
    );

    const methods = within(panel).getByRole('combobox', { name: /Allowed Methods/ });
    await user.type(methods, 'OPTIONS{Enter}');
    await user.tab();
    expect(methods).toHaveAccessibleDescription(/^Do not add OPTIONS/);

    const maxAge = within(panel).getByRole('spinbutton', { name: /Max Age/ });
    expect(maxAge).toHaveAttribute('placeholder', '3600');
    await user.type(maxAge, '90000');
    await user.tab();
    expect(maxAge).toHaveAccessibleDescription('Max age is a whole number of seconds from 0 to 86400.');
  });

  it('refuses credentials with the * origin, under Allowed Origins', async () => {
    const { user, panel } = await openCreatePanel();
    await user.click(within(panel).getByRole('radio', { name: 'API-configured CORS' }));
    const origins = within(panel).getByRole('combobox', { name: /Allowed Origins/ });
    await user.type(origins, '*{Enter}');
    await user.tab();
    expect(origins).not.toHaveAccessibleDescription(/credentials/);
    await user.click(within(panel).getByRole('switch', { name: 'Allow Credentials' }));
    expect(origins).toHaveAccessibleDescription(/When credentials are allowed, the allowed origins cannot contain \*/);
  });

  it('rejects a weak Basic password under the password', async () => {
    const { user, panel } = await openCreatePanel();
    await choose(user, panel, /Authentication Method/, 'Basic Authentication');
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();
    await user.type(within(panel).getByRole('textbox', { name: /Username 1/ }), 'console-operator');
    const password = within(panel).getByLabelText(/^Password 1/);
    await user.type(password, 'weakpassword1');
    await user.tab();
    expect(password).toHaveAccessibleDescription(
      'A password needs an uppercase letter, a lowercase letter, a digit and a special character.',
    );
    await user.click(within(panel).getByRole('button', { name: 'Show Password 1' }));
    expect(password).toHaveAttribute('type', 'text');
  });

  it('adds Basic users, names a repeated username under its row, and keeps at least one row', async () => {
    const { user, panel } = await openCreatePanel();
    await choose(user, panel, /Authentication Method/, 'Basic Authentication');
    expect(within(panel).getByRole('button', { name: 'Remove user 1' })).toBeDisabled();
    await user.type(within(panel).getByRole('textbox', { name: /Username 1/ }), 'console-operator');
    await user.type(within(panel).getByLabelText(/^Password 1/), 'Str0ng!Passw0rd');
    await user.click(within(panel).getByRole('button', { name: 'Add user' }));
    await user.type(within(panel).getByLabelText(/^Password 2/), 'An0ther!Passw0rd');
    const second = within(panel).getByRole('textbox', { name: /Username 2/ });
    await user.type(second, 'console-operator');
    await user.tab();
    expect(second).toHaveAccessibleDescription('Each username can be used once.');

    await user.click(within(panel).getByRole('button', { name: 'Remove user 2' }));
    expect(within(panel).queryByRole('textbox', { name: /Username 2/ })).not.toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Remove user 1' })).toBeDisabled();
  });

  it('rejects a short Bearer token and generates a valid one', async () => {
    const { user, panel } = await openCreatePanel();
    await choose(user, panel, /Authentication Method/, 'Bearer Authentication');
    await user.type(within(panel).getByRole('textbox', { name: /Token name 1/ }), 'ci');
    const token = within(panel).getByLabelText(/^Token 1/);
    await user.type(token, 'short');
    await user.tab();
    expect(token).toHaveAccessibleDescription('A token has 32 to 128 of A-Z a-z 0-9 + / = - ~ .');

    await user.click(within(panel).getByRole('button', { name: 'Generate token 1' }));
    expect((token as HTMLInputElement).value).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(token).not.toHaveAccessibleDescription(/A token has/);
  });

  it('checks the JWT fields: JWKS as JSON, the token lookup default and path format', async () => {
    const { user, panel } = await openCreatePanel();
    await choose(user, panel, /Authentication Method/, 'JWT Authentication');
    expect(within(panel).getByRole('textbox', { name: /Token lookup/ })).toHaveValue('header:Authorization:Bearer ');
    const jwks = within(panel).getByRole('textbox', { name: /JWKS/ });
    await user.click(jwks);
    await user.paste('{"keys": [');
    await user.tab();
    expect(jwks).toHaveAccessibleDescription('This is not valid JSON.');
    await user.clear(jwks);
    await user.paste('{"keys": []}');
    await user.tab();
    expect(jwks).toHaveAccessibleDescription(/Paste a JWKS with at least one key/);

    const paths = within(panel).getByRole('combobox', { name: /Paths/ });
    await user.type(paths, 'login{Enter}');
    await user.tab();
    expect(paths).toHaveAccessibleDescription(/login: A path starts with \/ and may end with \*/);
  });

  it('creates a valid trigger, which then appears in the table', async () => {
    const { user, panel } = await openCreatePanel();
    await user.type(within(panel).getByRole('textbox', { name: /^Name/ }), 'my-trigger');
    await user.click(within(panel).getByRole('checkbox', { name: 'PATCH' }));
    await user.click(within(panel).getByRole('button', { name: 'OK' }));

    const cell = await screen.findByRole('cell', { name: 'my-trigger' });
    const row = cell.closest('tr') as HTMLElement;
    expect(within(row).getByText('PATCH')).toBeInTheDocument();
    expect(within(row).getByText(/^http:\/\/hello-world-[a-z]{10}\.cn-hangzhou\.fcapp\.localhost/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Create Trigger' })).not.toBeInTheDocument();
  });

  it('keeps the panel and what was typed when the server refuses a second trigger on LATEST', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', anonymousTrigger);
    const { user } = renderWithProviders('/functions/hello-world?tab=triggers');
    await screen.findByRole('cell', { name: 'http-trigger' });
    await user.click(screen.getByRole('button', { name: 'Create Trigger' }));
    const panel = await screen.findByRole('dialog', { name: 'Create Trigger' });
    await user.type(within(panel).getByRole('textbox', { name: /^Name/ }), 'second');
    await user.click(within(panel).getByRole('checkbox', { name: 'GET' }));
    await user.click(within(panel).getByRole('button', { name: 'OK' }));

    expect(await within(panel).findByText('The trigger could not be created')).toBeInTheDocument();
    expect(within(panel).getByText(/TriggerAlreadyExists/)).toBeInTheDocument();
    expect(within(panel).getByRole('textbox', { name: /^Name/ })).toHaveValue('second');
    expect(within(panel).getByRole('checkbox', { name: 'GET' })).not.toBeChecked();
    expect(within(panel).getByRole('button', { name: 'OK' })).toBeEnabled();
  });

  it('asks before discarding typed input on Escape', async () => {
    const { user, panel } = await openCreatePanel();
    await user.type(within(panel).getByRole('textbox', { name: /^Name/ }), 'draft');
    await user.keyboard('{Escape}');
    const confirm = await screen.findByRole('dialog', { name: 'Discard changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await within(panel).findByRole('textbox', { name: /^Name/ })).toHaveValue('draft');

    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Discard changes?' })).getByRole('button', { name: 'Discard' }),
    );
    expect(screen.queryByRole('dialog', { name: 'Create Trigger' })).not.toBeInTheDocument();
  });

  it('closes an untouched panel on Cancel, without asking, when its versions and triggers arrive after it opened', async () => {
    seedFunction(helloFunction);
    seedVersions('hello-world', 2);
    seedTrigger('hello-world', anonymousTrigger);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // FC's list calls wait (then go on to the mock FC), as after a reload on a busy machine.
    for (const list of ['versions', 'aliases', 'triggers'])
      server.use(http.get(`*/2023-03-30/functions/:functionName/${list}`, () => held));
    const { user } = renderWithProviders('/functions/hello-world?tab=triggers');
    await user.click(await screen.findByRole('button', { name: 'Create Trigger' }, { timeout: 30_000 }));
    const panel = await screen.findByRole('dialog', { name: 'Create Trigger' });
    const qualifier = within(panel).getByRole('combobox', { name: /Version or Alias/ });
    expect(qualifier).toHaveAccessibleDescription(/^Defaults to LATEST/);
    release();
    await waitFor(() => expect(qualifier).toHaveAccessibleDescription(/LATEST already has the HTTP trigger/));

    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Discard changes?' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Create Trigger' })).not.toBeInTheDocument();
  });
});
