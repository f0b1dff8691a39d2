import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bffHandler, createTestBffApp, TEST_CONNECTION } from '../../../../mocks/bff-in-process';
import { server } from '../../../../mocks/node';
import { renderWithProviders } from '../../testing/render-with-providers';

async function openCreateDialog() {
  const view = renderWithProviders('/functions');
  await view.user.click((await screen.findAllByRole('button', { name: 'Create Function' }))[0] as HTMLElement);
  return { ...view, dialog: await screen.findByRole('dialog', { name: 'Create Function' }) };
}

const FLASK_MISSING = /Flask is not installed for python3 on this machine.*apt-get install python3-flask/;

describe('Create Function: the Python web function (Flask) template', () => {
  it('is offered, and creates a custom.debian12 function started by python3 app.py', async () => {
    const { user, dialog } = await openCreateDialog();
    const flask = within(dialog).getByRole('radio', { name: /Python web function \(Flask\)/ });
    await user.type(within(dialog).getByRole('textbox', { name: /Function Name/ }), 'flask_app');
    await user.click(flask);
    expect(within(dialog).queryByText(FLASK_MISSING)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    // The function's page loads lazily: on a busy machine its first render takes a while.
    const heading = await screen.findByRole('heading', { level: 1, name: 'flask_app' }, { timeout: 20_000 });
    expect(heading).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Configuration' }));
    expect(await screen.findByText('python3 app.py')).toBeInTheDocument();
    expect(screen.getAllByText('custom.debian12').length).toBeGreaterThan(0);
  }, 60_000);

  it('says what to install when the machine running the engine has no Flask', async () => {
    server.use(bffHandler(createTestBffApp(TEST_CONNECTION, { flaskCheck: async () => false })));
    const { user, dialog } = await openCreateDialog();
    expect(within(dialog).queryByText(FLASK_MISSING)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /Python web function \(Flask\)/ }));
    expect(await within(dialog).findByText(FLASK_MISSING)).toBeInTheDocument();
    // Only that template needs it.
    await user.click(within(dialog).getByRole('radio', { name: /Web function \(Node\.js\)/ }));
    expect(within(dialog).queryByText(FLASK_MISSING)).not.toBeInTheDocument();
  });
});
