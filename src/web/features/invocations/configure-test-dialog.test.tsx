import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction, seedTrigger } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { anonymousTrigger, BASIC_PASSWORD, basicTrigger } from '../../../../mocks/fixtures/triggers';
import { renderTestFunction } from './testing/render-test-function';

type User = ReturnType<typeof renderTestFunction>['user'];

async function openDialog(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Configure Test Parameters' }));
  return screen.findByRole('dialog', { name: 'Configure Test Parameters' });
}

describe('Configure Test Parameters', () => {
  it('sends the configured request through the HTTP trigger, its methods offered first', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', {
      ...anonymousTrigger,
      triggerConfig: { methods: ['GET', 'POST'], authType: 'anonymous' },
    });
    const { user } = renderTestFunction();
    expect(await screen.findByText('GET / via http-trigger')).toBeInTheDocument();
    const dialog = await openDialog(user);

    await user.click(within(dialog).getByRole('combobox', { name: 'Method' }));
    const options = await screen.findAllByRole('option');
    // The trigger's methods, then the ones the gateway refuses (kept, to see the 403 explained).
    expect(options.map((o) => o.textContent)).toEqual([
      'Allowed by the trigger',
      'GET',
      'POST',
      'Not allowed (the gateway answers 403)',
      'PUT',
      'DELETE',
      'HEAD',
      'PATCH',
      'OPTIONS',
    ]);
    await user.click(screen.getByRole('option', { name: 'POST' }));
    const path = within(dialog).getByRole('textbox', { name: 'Path' });
    await user.clear(path);
    await user.type(path, '/orders');
    await user.click(within(dialog).getByRole('button', { name: 'Add Header' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Header 1' }), 'x-trace');
    await user.type(within(dialog).getByRole('textbox', { name: 'Value 1' }), 'abc');

    await user.click(within(dialog).getByRole('button', { name: 'JSON' }));
    const body = within(dialog).getByRole('textbox', { name: 'Body' });
    await user.click(body);
    await user.paste('{"n": ');
    await user.tab();
    expect(await within(dialog).findByText('This is not valid JSON.')).toBeInTheDocument();
    await user.click(body);
    await user.paste('1}');
    expect(await within(dialog).findByText('Valid JSON')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    expect(await screen.findByText('POST /orders via http-trigger')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    expect(await screen.findByText('200 OK')).toBeInTheDocument();
    const received = JSON.parse(
      (await screen.findByRole('region', { name: 'Response body' })).querySelector('pre')!.textContent!,
    );
    expect(received).toMatchObject({
      method: 'POST',
      path: '/orders',
      body: '{"n": 1}',
      headers: { 'x-trace': 'abc', 'content-type': 'application/json' },
    });
    expect(await screen.findByRole('region', { name: 'Logs' })).toHaveTextContent('POST /orders');
  });

  it('sends the chosen Basic user, whose password the browser never sees', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', basicTrigger);
    const { user } = renderTestFunction();
    await screen.findByText('GET / via basic-trigger');
    const dialog = await openDialog(user);
    expect(within(dialog).getByRole('combobox', { name: 'Username' })).toHaveTextContent('console-admin');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    expect(await screen.findByText('200 OK')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(BASIC_PASSWORD);
  });

  it('can send an event payload with InvokeFunction instead of the trigger; Cancel changes nothing', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', { ...anonymousTrigger, triggerConfig: { methods: ['POST'], authType: 'anonymous' } });
    const { user } = renderTestFunction();
    await screen.findByText('POST / via http-trigger');
    let dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('combobox', { name: 'Send through' }));
    await user.click(await screen.findByRole('option', { name: 'InvokeFunction (event payload)' }));
    expect(within(dialog).getByRole('textbox', { name: 'Event payload' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('POST / via http-trigger')).toBeInTheDocument();

    dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('combobox', { name: 'Send through' }));
    await user.click(await screen.findByRole('option', { name: 'InvokeFunction (event payload)' }));
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('Event payload via InvokeFunction')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    expect(await screen.findByText('InvokeFunction')).toBeInTheDocument();
    expect(await screen.findByText('200 OK')).toBeInTheDocument();
  });

  it('saves, renames and deletes test requests', async () => {
    seedFunction(helloFunction);
    const { user } = renderTestFunction();
    let dialog = await openDialog(user);
    const event = within(dialog).getByRole('textbox', { name: 'Event payload' });
    await user.clear(event);
    await user.type(event, 'first payload');
    await user.click(within(dialog).getByRole('button', { name: 'Save as new' }));
    const saveAs = await screen.findByRole('dialog', { name: 'Save Test Request' });
    await user.type(within(saveAs).getByRole('textbox', { name: 'Name' }), 'smoke');
    await user.click(within(saveAs).getByRole('button', { name: 'OK' }));

    const list = await within(dialog).findByRole('list', { name: 'Saved test requests' });
    expect(await within(list).findByText('smoke')).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Rename smoke' }));
    const rename = await screen.findByRole('dialog', { name: 'Rename Test Request' });
    const name = within(rename).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'nightly');
    await user.click(within(rename).getByRole('button', { name: 'OK' }));
    expect(await within(list).findByText('nightly')).toBeInTheDocument();
    expect(within(list).queryByText('smoke')).not.toBeInTheDocument();

    // Reopened, the saved request loads into the editor.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    dialog = await openDialog(user);
    await user.click(await within(dialog).findByText('nightly'));
    expect(within(dialog).getByRole('textbox', { name: 'Event payload' })).toHaveValue('first payload');

    await user.click(within(dialog).getByRole('button', { name: 'Delete nightly' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete test request' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('No saved requests yet.')).toBeInTheDocument();
  });
});
