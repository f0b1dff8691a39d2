import { screen, waitFor, within } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestBffApp } from '../../../../mocks/bff-in-process';
import { fromBase64 } from '../../../../mocks/bytes';
import { seedFunction } from '../../../../mocks/fc-seed';
import { fcState } from '../../../../mocks/fc-state';
import { helloFunction, helloSource } from '../../../../mocks/fixtures/functions';
import { callApi } from '../../../../mocks/use-mock-fc';
import { renderWithProviders } from '../../testing/render-with-providers';
import type { CodeEditorProps } from './code-editor';
import { codeEditsStore } from './code-edits-store';

// As in code-workspace.test.tsx: a textarea with the editor's props (CodeMirror needs layout jsdom lacks).
vi.mock('./code-editor', () => ({
  default: ({ value, onChange, label, readOnly }: CodeEditorProps) => (
    <textarea aria-label={label} value={value} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
  ),
}));

// The function page is a lazy chunk: load it once before the tests, and give its first render on a
// busy machine longer than the usual wait.
beforeAll(() => import('../../app/function-details-page'), 120_000);
const FIRST_RENDER_WAIT = 30_000;

const MINE = "exports.handler = async () => 'mine';";
const THEIRS = "exports.handler = async () => 'theirs';";

afterEach(() => codeEditsStore.discard('hello-world'));

function storedFiles() {
  const zip = unzipSync(fromBase64(fcState.functions.get('hello-world')!.fn.zipFile));
  return Object.fromEntries(Object.entries(zip).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/** Open the Code tab, edit index.js, then someone else deploys through another console. */
async function editThenTheyDeploy({ seeTheirFilesFirst = false } = {}) {
  seedFunction(helloFunction);
  const view = renderWithProviders('/functions/hello-world');
  const editor = await screen.findByRole('textbox', { name: 'index.js' }, { timeout: FIRST_RENDER_WAIT });
  await view.user.clear(editor);
  await view.user.click(editor);
  await view.user.paste(MINE);
  const theirs = await callApi(createTestBffApp(), 'PUT', '/api/functions/hello-world/code', {
    files: [
      { path: 'index.js', content: THEIRS },
      { path: 'theirs.js', content: '// added by someone else\n' },
    ],
  });
  expect(theirs.status).toBe(200);
  if (seeTheirFilesFirst) {
    // Back on the Code tab, the file list is fetched again and shows their new file under the edits.
    await view.user.click(screen.getByRole('tab', { name: 'Triggers' }));
    await view.user.click(await screen.findByRole('tab', { name: 'Code' }));
    expect(await screen.findByRole('button', { name: 'theirs.js' })).toBeInTheDocument();
  }
  await view.user.click(screen.getByRole('button', { name: 'Deploy' }));
  const alert = (await screen.findByText('Someone else deployed this function')).closest(
    '[role="alert"]',
  ) as HTMLElement;
  return { ...view, editor, alert };
}

describe('Deploy over someone else’s deploy', { timeout: 60_000 }, () => {
  it('is refused: the console says so, keeps the edits and deploys nothing', async () => {
    const { editor, alert } = await editThenTheyDeploy();
    expect(alert).toHaveTextContent(/Your edits are kept/);
    expect(editor).toHaveValue(MINE);
    expect(screen.getByText('Undeployed changes in 1 file')).toBeInTheDocument();
    expect(storedFiles()['index.js']).toBe(THEIRS);
  });

  it('is refused even after their code was fetched again: the edits were made on the older code', async () => {
    const { alert } = await editThenTheyDeploy({ seeTheirFilesFirst: true });
    expect(alert).toHaveTextContent(/Your edits are kept/);
    expect(screen.getByRole('textbox', { name: 'index.js' })).toHaveValue(MINE);
    expect(storedFiles()['index.js']).toBe(THEIRS);
  });

  it('Reload asks first, then shows their code and drops the edits', async () => {
    const { user, editor, alert } = await editThenTheyDeploy();
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    const confirm = await screen.findByRole('dialog', { name: 'Discard your edits?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(confirm).not.toBeInTheDocument());
    expect(editor).toHaveValue(MINE);

    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Discard your edits?' })).getByRole('button', {
        name: 'Discard and reload',
      }),
    );
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'index.js' })).toHaveValue(THEIRS));
    expect(screen.getByRole('button', { name: 'theirs.js' })).toBeInTheDocument();
    expect(screen.queryByText('Someone else deployed this function')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Deploy' })).toBeDisabled();
    expect(storedFiles()['index.js']).toBe(THEIRS);
  });

  it('Overwrite deploys the edits over theirs, keeping the files they added', async () => {
    const { user, alert } = await editThenTheyDeploy();
    await user.click(within(alert).getByRole('button', { name: 'Overwrite' }));
    expect(await screen.findByText('Deployed')).toBeInTheDocument();
    expect(screen.queryByText('Someone else deployed this function')).not.toBeInTheDocument();
    const files = storedFiles();
    expect(files['index.js']).toBe(MINE);
    expect(files['theirs.js']).toBe('// added by someone else\n');
    expect(helloSource).not.toBe(MINE);
  });
});
