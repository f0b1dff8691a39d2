import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { renderWithProviders } from '../../testing/render-with-providers';

const PATH = '/functions/hello-world?tab=configuration';

function setting(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

describe('Configuration tab: Modify Configuration', () => {
  it('changes memory and adds an environment variable, refusing a memory size FC does not take', async () => {
    seedFunction({ ...helloFunction, memorySize: 512, environmentVariables: { KEEP: 'me' } });
    const { user } = renderWithProviders(PATH);
    await user.click(await screen.findByRole('button', { name: 'Modify Configuration' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modify Configuration' });

    const memory = within(dialog).getByRole('spinbutton', { name: /Memory/ });
    await user.clear(memory);
    await user.type(memory, '1000');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(memory).toHaveAccessibleDescription('Memory is a multiple of 64 MB from 128 to 32768.');
    await user.clear(memory);
    await user.type(memory, '1024');

    await user.click(within(dialog).getByRole('button', { name: 'Add Variable' }));
    const names = within(dialog).getAllByRole('textbox', { name: 'Name' });
    await user.type(names[1] as HTMLElement, 'GREETING');
    await user.type(within(dialog).getAllByRole('textbox', { name: 'Value' })[1] as HTMLElement, 'hello');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(setting('Memory')).toHaveTextContent('1,024 MB'));
    expect(setting('Environment variables')).toHaveTextContent('KEEP=me');
    expect(setting('Environment variables')).toHaveTextContent('GREETING=hello');
  });

  it('removes a variable and refuses a name used twice or starting with a digit', async () => {
    seedFunction({ ...helloFunction, environmentVariables: { A: '1', B: '2' } });
    const { user } = renderWithProviders(PATH);
    await user.click(await screen.findByRole('button', { name: 'Modify Configuration' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modify Configuration' });

    await user.click(within(dialog).getByRole('button', { name: 'Add Variable' }));
    const third = within(dialog).getAllByRole('textbox', { name: 'Name' })[2] as HTMLElement;
    await user.type(third, 'A');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(third).toHaveAccessibleDescription('Each environment variable name can be used once.');
    await user.clear(third);
    await user.type(third, '9LIVES');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(third).toHaveAccessibleDescription(/does not start with a digit/);
    await user.click(within(dialog).getByRole('button', { name: 'Remove variable 9LIVES' }));
    await user.click(within(dialog).getByRole('button', { name: 'Remove variable B' }));
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(setting('Environment variables')).not.toHaveTextContent('B=2'));
    expect(setting('Environment variables')).toHaveTextContent('A=1');
  });
});
