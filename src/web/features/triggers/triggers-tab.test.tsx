import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction, seedTrigger } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { anonymousTrigger, basicTrigger } from '../../../../mocks/fixtures/triggers';
import { renderWithProviders } from '../../testing/render-with-providers';

const TRIGGERS_PATH = '/functions/hello-world?tab=triggers';

async function findRow(name: string) {
  const cell = await screen.findByRole('cell', { name });
  return cell.closest('tr') as HTMLElement;
}

describe('Triggers tab', () => {
  it('shows an empty state when the function has no trigger', async () => {
    seedFunction(helloFunction);
    renderWithProviders(TRIGGERS_PATH);
    expect(await screen.findByText('No triggers yet')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Triggers', selected: true })).toBeInTheDocument();
  });

  it('lists a trigger with its methods, authentication and both endpoints', async () => {
    seedFunction(helloFunction);
    const stored = seedTrigger('hello-world', anonymousTrigger);
    renderWithProviders(TRIGGERS_PATH);
    const row = await findRow('http-trigger');
    expect(within(row).getByText('HTTP Trigger')).toBeInTheDocument();
    expect(within(row).getByText('LATEST')).toBeInTheDocument();
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) expect(within(row).getByText(method)).toBeInTheDocument();
    expect(within(row).getByText('No Authentication')).toBeInTheDocument();
    expect(within(row).getByText(stored.urls.urlInternet)).toBeInTheDocument();
    expect(within(row).getByText(stored.urls.urlIntranet)).toBeInTheDocument();
    expect(stored.urls.urlIntranet).toContain('-vpc.fcapp.localhost');
  });

  it('copies the exact public endpoint and confirms it', async () => {
    seedFunction(helloFunction);
    const stored = seedTrigger('hello-world', anonymousTrigger);
    const { user } = renderWithProviders(TRIGGERS_PATH);
    const row = await findRow('http-trigger');
    await user.click(within(row).getByRole('button', { name: 'Copy public endpoint' }));
    expect(await navigator.clipboard.readText()).toBe(stored.urls.urlInternet);
    expect(await screen.findByText('Copied')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Copy internal endpoint' }));
    expect(await navigator.clipboard.readText()).toBe(stored.urls.urlIntranet);
  });

  it('shows the public endpoint disabled, with a note, when Disable Internet URL is on', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', {
      ...anonymousTrigger,
      triggerConfig: { ...anonymousTrigger.triggerConfig, disableURLInternet: true },
    });
    renderWithProviders(TRIGGERS_PATH);
    const row = await findRow('http-trigger');
    expect(within(row).getByText(/requests to the public endpoint are denied/)).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Copy public endpoint' })).toBeDisabled();
    expect(within(row).getByRole('button', { name: 'Copy internal endpoint' })).toBeEnabled();
  });

  it('opens Edit Trigger from Modify with the name fixed and secrets blank', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', basicTrigger);
    const { user } = renderWithProviders(TRIGGERS_PATH);
    const row = await findRow('basic-trigger');
    expect(within(row).getByText('Basic Authentication')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Modify trigger basic-trigger' }));

    const panel = await screen.findByRole('dialog', { name: 'Edit Trigger' });
    const name = within(panel).getByRole('textbox', { name: 'Name' });
    expect(name).toBeDisabled();
    expect(name).toHaveValue('basic-trigger');
    expect(within(panel).getByRole('textbox', { name: /Username 1/ })).toHaveValue('console-admin');
    const password = within(panel).getByLabelText(/^Password 1/);
    expect(password).toHaveValue('');
    expect(password).toHaveAccessibleDescription(/^Leave blank to keep the current password /);

    // Saving with the password left blank keeps the stored one (the bff restores it).
    await user.click(within(panel).getByRole('checkbox', { name: 'PATCH' }));
    await user.click(within(panel).getByRole('button', { name: 'OK' }));
    expect(await within(row).findByText('PATCH')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Edit Trigger' })).not.toBeInTheDocument();
  });

  it('deletes a trigger after a confirmation naming it', async () => {
    seedFunction(helloFunction);
    seedTrigger('hello-world', anonymousTrigger);
    const { user } = renderWithProviders(TRIGGERS_PATH);
    const row = await findRow('http-trigger');
    await user.click(within(row).getByRole('button', { name: 'Delete trigger http-trigger' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete trigger' });
    expect(dialog).toHaveTextContent('Delete the trigger “http-trigger”?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('No triggers yet')).toBeInTheDocument();
    expect(screen.queryByRole('cell', { name: 'http-trigger' })).not.toBeInTheDocument();
  });
});
