import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { renderWithProviders } from '../../testing/render-with-providers';

const PATH = '/functions/hello-world?tab=versions';

describe('Versions and Aliases tab', () => {
  it('publishes a version, points an alias at it, then deletes both after confirming', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders(PATH);
    expect(await screen.findByText('No versions yet')).toBeInTheDocument();
    expect(await screen.findByText('No aliases yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create Alias' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Publish Version' }));
    const publish = await screen.findByRole('dialog', { name: 'Publish Version' });
    await user.type(within(publish).getByRole('textbox', { name: 'Description' }), 'first release');
    await user.click(within(publish).getByRole('button', { name: 'OK' }));
    const versions = await screen.findByRole('table', { name: 'Versions' });
    expect(within(versions).getByRole('cell', { name: 'first release' })).toBeInTheDocument();
    expect(within(versions).getByRole('cell', { name: '1' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create Alias' }));
    const create = await screen.findByRole('dialog', { name: 'Create Alias' });
    const aliasName = within(create).getByRole('textbox', { name: /Alias Name/ });
    await user.type(aliasName, '1prod');
    await user.tab();
    expect(aliasName).toHaveAccessibleDescription(/do not start with a digit/);
    await user.clear(aliasName);
    await user.type(aliasName, 'prod');
    expect(within(create).getByRole('combobox', { name: /Version/ })).toHaveValue('1');
    await user.click(within(create).getByRole('button', { name: 'OK' }));
    const aliases = await screen.findByRole('table', { name: 'Aliases' });
    expect(within(aliases).getByRole('cell', { name: 'prod' })).toBeInTheDocument();

    await user.click(within(aliases).getByRole('button', { name: 'Delete alias prod' }));
    const confirmAlias = await screen.findByRole('dialog', { name: 'Delete alias' });
    expect(confirmAlias).toHaveTextContent('Delete the alias “prod”?');
    await user.click(within(confirmAlias).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No aliases yet')).toBeInTheDocument();

    await user.click(await within(versions).findByRole('button', { name: 'Delete version 1' }));
    const confirmVersion = await screen.findByRole('dialog', { name: 'Delete version' });
    await user.click(within(confirmVersion).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No versions yet')).toBeInTheDocument();
  });
});

describe('Modify Alias', () => {
  async function publishTwice(user: ReturnType<typeof renderWithProviders>['user']) {
    for (const description of ['v1', 'v2']) {
      await user.click(await screen.findByRole('button', { name: 'Publish Version' }));
      const publish = await screen.findByRole('dialog', { name: 'Publish Version' });
      await user.type(within(publish).getByRole('textbox', { name: 'Description' }), description);
      await user.click(within(publish).getByRole('button', { name: 'OK' }));
      await screen.findByRole('cell', { name: description });
    }
  }

  it('points an alias at another version and sends a share of the traffic to a canary version', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders(PATH);
    await publishTwice(user);
    await user.click(screen.getByRole('button', { name: 'Create Alias' }));
    const create = await screen.findByRole('dialog', { name: 'Create Alias' });
    await user.type(within(create).getByRole('textbox', { name: /Alias Name/ }), 'prod');
    await user.click(within(create).getByRole('button', { name: 'OK' }));
    const aliases = await screen.findByRole('table', { name: 'Aliases' });
    await within(aliases).findByRole('cell', { name: 'prod' });

    await user.click(within(aliases).getByRole('button', { name: 'Modify alias prod' }));
    const modify = await screen.findByRole('dialog', { name: 'Modify Alias' });
    expect(within(modify).getByRole('textbox', { name: /Alias Name/ })).toBeDisabled();
    await user.click(within(modify).getByRole('combobox', { name: /^Version/ }));
    await user.click(await screen.findByRole('option', { name: '1' }));
    await user.click(within(modify).getByRole('combobox', { name: /Canary version/ }));
    await user.click(await screen.findByRole('option', { name: '2' }));
    const weight = within(modify).getByRole('spinbutton', { name: /Canary weight/ });
    await user.clear(weight);
    await user.type(weight, '150');
    await user.click(within(modify).getByRole('button', { name: 'OK' }));
    expect(weight).toHaveAccessibleDescription('A weight is a percentage from 0 to 100.');
    await user.clear(weight);
    await user.type(weight, '10');
    await user.click(within(modify).getByRole('button', { name: 'OK' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Modify Alias' })).not.toBeInTheDocument());
    const row = within(aliases).getByRole('row', { name: /prod/ });
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('1');
    expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('2 (10%)');
  });

  it('refuses a canary that is the main version, and removes the canary when set to None', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders(PATH);
    await publishTwice(user);
    await user.click(screen.getByRole('button', { name: 'Create Alias' }));
    const create = await screen.findByRole('dialog', { name: 'Create Alias' });
    await user.type(within(create).getByRole('textbox', { name: /Alias Name/ }), 'beta');
    const mainVersion = (within(create).getByRole('combobox', { name: /^Version/ }) as HTMLInputElement).value;
    await user.click(within(create).getByRole('combobox', { name: /Canary version/ }));
    await user.click(await screen.findByRole('option', { name: mainVersion }));
    await user.click(within(create).getByRole('button', { name: 'OK' }));
    expect(within(create).getByRole('combobox', { name: /Canary version/ })).toHaveAccessibleDescription(
      "Choose a version other than the alias's main version.",
    );
    await user.click(within(create).getByRole('combobox', { name: /Canary version/ }));
    await user.click(await screen.findByRole('option', { name: mainVersion === '1' ? '2' : '1' }));
    await user.click(within(create).getByRole('button', { name: 'OK' }));
    const aliases = await screen.findByRole('table', { name: 'Aliases' });
    const row = await within(aliases).findByRole('row', { name: /beta/ });
    expect(within(row).getAllByRole('cell')[2]).not.toHaveTextContent('—');

    await user.click(within(aliases).getByRole('button', { name: 'Modify alias beta' }));
    const modify = await screen.findByRole('dialog', { name: 'Modify Alias' });
    await user.click(within(modify).getByRole('combobox', { name: /Canary version/ }));
    await user.click(await screen.findByRole('option', { name: 'None' }));
    await user.click(within(modify).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(within(row).getAllByRole('cell')[2]).toHaveTextContent('—'));
  });
});
