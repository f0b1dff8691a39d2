import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sandboxStatusHandler } from '../../../mocks/handlers/engine';
import { server } from '../../../mocks/node';
import { NOT_ISOLATED_WARNING } from '../../contract/engine-sandbox';
import { changeLanguage } from '../i18n/i18n';
import { renderInConsole } from '../testing/render-in-console';
import { AppLayout } from './app-layout';

function renderPage() {
  return renderInConsole(
    <AppLayout>
      <p>the page</p>
    </AppLayout>,
  );
}

describe('the warning that functions are not isolated', () => {
  it('stands above every page, with the engine’s reason, in the user’s language', async () => {
    const reason = 'bubblewrap (bwrap) is not installed';
    server.use(sandboxStatusHandler({ isolated: false, reason, warning: NOT_ISOLATED_WARNING }));
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Functions are not isolated on this machine: install bubblewrap');
    expect(alert).toHaveTextContent(reason);
    expect(screen.getByText('the page')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /close/i })).not.toBeInTheDocument();

    await act(() => changeLanguage('ja'));
    expect(alert).toHaveTextContent('このマシンでは関数が分離されていません: bubblewrap をインストールしてください');
    expect(alert).toHaveTextContent(reason);
  });

  it('is absent when the engine isolates functions', async () => {
    renderPage();
    expect(await screen.findByText('Local engine · cn-hangzhou')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
