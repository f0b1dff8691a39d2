import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fcErrorResponse } from '../../../../mocks/fc-errors';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction, helloSource } from '../../../../mocks/fixtures/functions';
import { server } from '../../../../mocks/node';
import { renderWithProviders } from '../../testing/render-with-providers';
import type { CodeEditorProps } from './code-editor';
import { codeEditsStore } from './code-edits-store';

// CodeMirror measures text with layout APIs jsdom lacks; here the editor is a textarea with the
// same props. The real editor is driven with the keyboard in e2e/code-deploy.spec.ts.
vi.mock('./code-editor', () => ({
  default: ({ value, onChange, label, readOnly }: CodeEditorProps) => (
    <textarea aria-label={label} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
  ),
}));

const NEW_SOURCE = "exports.handler = async () => 'deployed';";

afterEach(() => codeEditsStore.discard('hello-world'));

async function openCode(path = '/functions/hello-world') {
  seedFunction(helloFunction);
  const view = renderWithProviders(path);
  // The first page of a run transforms the editor's modules: slow on a loaded machine.
  const editor = await screen.findByRole('textbox', { name: 'index.js' }, { timeout: 15_000 });
  return { ...view, editor };
}

const breadcrumb = (name: string) =>
  within(screen.getByRole('navigation', { name: 'Breadcrumbs' })).getByRole('link', { name });

async function replaceText(user: ReturnType<typeof renderWithProviders>['user'], editor: HTMLElement, text: string) {
  await user.clear(editor);
  await user.click(editor);
  await user.paste(text);
}

describe('Code tab', () => {
  it('enables Deploy only once a file changed, and marks the file and the toolbar', async () => {
    const { user, editor } = await openCode();
    expect(editor).toHaveValue(helloSource);
    const deploy = screen.getByRole('button', { name: 'Deploy' });
    expect(deploy).toBeDisabled();
    expect(screen.queryByText(/Undeployed changes/)).not.toBeInTheDocument();

    await replaceText(user, editor, NEW_SOURCE);
    expect(deploy).toBeEnabled();
    expect(screen.getByText('Undeployed changes in 1 file')).toBeInTheDocument();
    const files = screen.getByRole('navigation', { name: 'Files' });
    expect(within(files).getByRole('button', { name: 'index.js (modified)' })).toBeInTheDocument();
    expect(within(files).getByRole('button', { name: 'assets/logo.png' })).toBeInTheDocument();

    // Typing the deployed text back is no change at all.
    await replaceText(user, editor, helloSource);
    expect(deploy).toBeDisabled();
    expect(within(files).getByRole('button', { name: 'index.js' })).toBeInTheDocument();
  });

  it('shows a binary file as not editable', async () => {
    const { user } = await openCode();
    await user.click(screen.getByRole('button', { name: 'assets/logo.png' }));
    expect(await screen.findByText('Binary file (10 bytes), not editable.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'assets/logo.png' })).not.toBeInTheDocument();
  });

  it('deploys with progress, says "Deployed", clears the marker, and the new code is what loads next', async () => {
    const { user, editor, unmount } = await openCode();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.put('*/2023-03-30/functions/:functionName', async () => {
        await held;
        return undefined; // on to the regular UpdateFunction handler
      }),
    );
    await replaceText(user, editor, NEW_SOURCE);
    await user.click(screen.getByRole('button', { name: 'Deploy' }));

    expect(await screen.findByRole('progressbar', { name: 'Deploying' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Deploy' })).toBeDisabled();
    expect(editor).toHaveAttribute('readonly');
    release();

    expect(await screen.findByText('Deployed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Deploy' })).toBeDisabled();
    expect(screen.queryByText(/Undeployed changes/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'index.js' })).toBeInTheDocument();
    expect(editor).toHaveValue(NEW_SOURCE);
    expect(editor).not.toHaveAttribute('readonly');

    unmount();
    renderWithProviders('/functions/hello-world');
    expect(await screen.findByRole('textbox', { name: 'index.js' })).toHaveValue(NEW_SOURCE);
  });

  it('offers Deploy in the result of a test that ran without the edits, and it deploys them', async () => {
    const { user, editor } = await openCode();
    await replaceText(user, editor, NEW_SOURCE);
    await user.click(screen.getByRole('button', { name: 'Test Function' }));
    const result = screen.getByRole('region', { name: 'Result' });
    const notice = (await within(result).findByText(/This test ran the deployed code/)).closest('[role="alert"]');
    await user.click(within(notice as HTMLElement).getByRole('button', { name: 'Deploy' }));

    expect(await screen.findByText('Deployed')).toBeInTheDocument();
    expect(screen.queryByText(/Undeployed changes/)).not.toBeInTheDocument();
    expect(within(notice as HTMLElement).queryByRole('button', { name: 'Deploy' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'index.js' })).toBeInTheDocument();
    expect(editor).toHaveValue(NEW_SOURCE);
  });

  it('shows the server’s error when Deploy fails, and keeps the edit', async () => {
    const { user, editor } = await openCode();
    server.use(
      http.put('*/2023-03-30/functions/:functionName', async () => {
        await delay(10);
        return fcErrorResponse('InvalidArgument', 'code.zipFile: the code package is too large');
      }),
    );
    await replaceText(user, editor, NEW_SOURCE);
    await user.click(screen.getByRole('button', { name: 'Deploy' }));

    const alert = (await screen.findByText('The code could not be deployed')).closest('[role="alert"]');
    expect(alert).toHaveTextContent('The code could not be deployed');
    expect(alert).toHaveTextContent('code.zipFile: the code package is too large');
    expect(alert).toHaveTextContent(/Code InvalidArgument · HTTP 400 · Request ID \S+/);
    expect(editor).toHaveValue(NEW_SOURCE);
    expect(screen.getByRole('button', { name: 'Deploy' })).toBeEnabled();
    expect(screen.getByText('Undeployed changes in 1 file')).toBeInTheDocument();
    expect(screen.queryByText('Deployed')).not.toBeInTheDocument();
  });

  it('keeps the edits when switching to another tab and back', async () => {
    const { user, editor } = await openCode();
    await replaceText(user, editor, NEW_SOURCE);
    await user.click(screen.getByRole('tab', { name: 'Triggers' }));
    expect(await screen.findByText('No triggers yet')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Code' }));
    expect(await screen.findByRole('textbox', { name: 'index.js' })).toHaveValue(NEW_SOURCE);
    expect(screen.getByText('Undeployed changes in 1 file')).toBeInTheDocument();
  });

  it('asks before leaving the page with undeployed changes; Leave discards them', async () => {
    const { user, editor, location } = await openCode();
    await replaceText(user, editor, NEW_SOURCE);

    await user.click(breadcrumb('Functions'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without deploying?' });
    expect(dialog).toHaveTextContent('Your changes to the code of “hello-world” are not deployed.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(location.pathname).toBe('/functions/hello-world');
    expect(editor).toHaveValue(NEW_SOURCE);

    await user.click(breadcrumb('Functions'));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Leave without deploying?' })).getByRole('button', {
        name: 'Leave',
      }),
    );
    await waitFor(() => expect(location.pathname).toBe('/functions'));

    await user.click(await screen.findByRole('link', { name: 'hello-world' }));
    expect(await screen.findByRole('textbox', { name: 'index.js' })).toHaveValue(helloSource);
  });

  it('asks the browser to confirm closing the tab only while changes are undeployed', async () => {
    const { user, editor } = await openCode();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    await replaceText(user, editor, NEW_SOURCE);
    expect(unload()).toBe(true);
    await replaceText(user, editor, helloSource);
    expect(unload()).toBe(false);
  });
});
