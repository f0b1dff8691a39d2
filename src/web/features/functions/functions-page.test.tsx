import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { seedFunction } from '../../../../mocks/fc-seed';
import { renderWithProviders } from '../../testing/render-with-providers';

describe('Functions page', () => {
  it('invites to create a function when there is none', async () => {
    renderWithProviders('/functions');
    expect(await screen.findByText('No functions yet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Create Function' })).toHaveLength(2);
  });

  it('lists functions with a link, runtime, memory and last modified date', async () => {
    const fn = seedFunction(helloFunction);
    renderWithProviders('/functions');
    const link = await screen.findByRole('link', { name: 'hello-world' });
    expect(link).toHaveAttribute('href', '/functions/hello-world');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('Node.js 20')).toBeInTheDocument();
    expect(within(row).getByText('512 MB')).toBeInTheDocument();
    const modified = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(fn.lastModifiedTime),
    );
    expect(within(row).getByText(modified)).toBeInTheDocument();
  });

  it('lists functions of runtimes that run in the cloud only, named as the API names them', async () => {
    for (const runtime of ['php7.2', 'java11', 'custom-container', 'custom.debian12'] as const)
      seedFunction({ ...helloFunction, functionName: `fn-${runtime.replace('.', '-')}`, runtime });
    const { user } = renderWithProviders('/functions');
    const link = await screen.findByRole('link', { name: 'fn-php7-2' });
    expect(within(link.closest('tr') as HTMLElement).getByText('php7.2')).toBeInTheDocument();
    expect(screen.getByText('custom-container')).toBeInTheDocument();
    expect(screen.getByText('custom.debian12')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'fn-java11' }));
    // The function's page loads lazily: its first render on a busy machine takes a while.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'fn-java11' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
  });

  it('creates a function from a template and opens it', async () => {
    const { user, location } = renderWithProviders('/functions');
    await user.click((await screen.findAllByRole('button', { name: 'Create Function' }))[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: 'Create Function' });
    const name = within(dialog).getByRole('textbox', { name: /Function Name/ });

    await user.type(name, '9-lives');
    await user.tab();
    expect(await within(dialog).findByText(/do not start with a digit or a hyphen/)).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'my_web');
    await user.click(within(dialog).getByRole('radio', { name: /Web function \(Node\.js\)/ }));
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    // The function's page loads lazily: its first render on a busy machine takes a while.
    expect(await screen.findByRole('heading', { level: 1, name: 'my_web' }, { timeout: 20_000 })).toBeInTheDocument();
    expect(location.pathname).toBe('/functions/my_web');
    const breadcrumbs = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    expect(breadcrumbs).toHaveTextContent('Functions›my_web');
    await user.click(within(breadcrumbs).getByRole('link', { name: 'Functions' }));
    expect(await screen.findByRole('link', { name: 'my_web' })).toBeInTheDocument();
    // Many steps through two lazily loaded pages: on a busy machine they take more than the default 20 s.
  }, 60_000);

  it('keeps the dialog and the typed name when the server refuses', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders('/functions');
    await screen.findByRole('link', { name: 'hello-world' });
    await user.click(screen.getByRole('button', { name: 'Create Function' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Function' });
    await user.type(within(dialog).getByRole('textbox', { name: /Function Name/ }), 'hello-world');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    expect(await within(dialog).findByText('The function could not be created')).toBeInTheDocument();
    expect(within(dialog).getByText(/FunctionAlreadyExists/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Function Name/ })).toHaveValue('hello-world');
  });

  it('deletes a function after a confirmation naming it', async () => {
    seedFunction(helloFunction);
    const { user } = renderWithProviders('/functions');
    await user.click(await screen.findByRole('button', { name: 'Delete function hello-world' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete function' });
    expect(dialog).toHaveTextContent('Delete the function “hello-world”?');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('No functions yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'hello-world' })).not.toBeInTheDocument();
  });
});
