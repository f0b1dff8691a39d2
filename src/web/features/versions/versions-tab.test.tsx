import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { renderWithProviders } from '../../test/render-with-providers';

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
    expect(within(create).getByRole('combobox', { name: /Version/ })).toHaveTextContent('1');
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
