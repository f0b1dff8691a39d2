import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { seedFunction } from '../../../../mocks/fc-seed';
import { sandboxStatusHandler } from '../../../../mocks/handlers/engine';
import { server } from '../../../../mocks/node';
import type { PythonStatus } from '../../../contract/engine-sandbox';
import type { FunctionCreate } from '../../../contract/function';
import { changeLanguage } from '../../i18n/i18n';
import { renderWithProviders } from '../../testing/render-with-providers';

async function openFunction(runtime: FunctionCreate['runtime'], python: PythonStatus) {
  server.use(sandboxStatusHandler({ isolated: true, tool: 'bubblewrap', python }));
  seedFunction({ ...helloFunction, functionName: 'py-fn', runtime });
  renderWithProviders('/functions/py-fn');
  // The settings have come: whatever the note says, or leaves unsaid, is about this engine.
  expect(await screen.findByText('Local engine · cn-hangzhou', {}, { timeout: 5000 })).toBeInTheDocument();
  expect(await screen.findByRole('heading', { level: 1, name: 'py-fn' }, { timeout: 5000 })).toBeInTheDocument();
}

describe("the function page's note on the python3 that runs it here", () => {
  it("says when the engine's Python is not the runtime's, in the user's language", async () => {
    await openFunction('python3.10', { found: true, version: '3.11.2' });
    const note = await screen.findByText('Runs on Python 3.11.2 here; FC runs python3.10.');
    await act(() => changeLanguage('ja'));
    expect(note).toHaveTextContent('ここでは Python 3.11.2 で実行されます。FC では python3.10 で実行されます。');
    await act(() => changeLanguage('en'));
  });

  it('is absent when the versions match, and for a function of another language', async () => {
    await openFunction('python3.12', { found: true, version: '3.12.4' });
    expect(await screen.findByText('Python 3.12')).toBeInTheDocument();
    expect(screen.queryByText(/Runs on Python/)).not.toBeInTheDocument();
  });

  it('says why a Python function cannot run when the engine has no python3', async () => {
    const reason = 'No python3 interpreter the engine can run functions with: install python3';
    await openFunction('python3.9', { found: false, reason });
    expect(await screen.findByText(`Python functions cannot run here: ${reason}`)).toBeInTheDocument();
  });
});
