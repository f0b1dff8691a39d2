import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../i18n/i18n';
import Button from '@mui/material/Button';
import { z } from 'zod';
import { ApiError, apiClient } from '../lib/api-client';
import { renderInConsole } from '../testing/render-in-console';
import { ErrorAlert } from './error-alert';

const refused = new ApiError({
  status: 400,
  code: 'InvalidArgument',
  message: 'request.path: A path starts with /.',
  requestId: 'req-1',
  fields: { 'request.path': 'testRequest.path.format' },
});

describe('ErrorAlert', () => {
  it('names each refused field with its rule in the user’s language', async () => {
    renderInConsole(<ErrorAlert error={refused} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The request failed');
    expect(alert).toHaveTextContent('request.path: A path starts with /.');
    expect(alert).toHaveTextContent('Code InvalidArgument · HTTP 400 · Request ID req-1');

    await act(() => changeLanguage('ja'));
    expect(alert).toHaveTextContent('リクエストに失敗しました');
    expect(alert).toHaveTextContent('request.path: パスは / で始めてください。');
    expect(alert).toHaveTextContent('コード InvalidArgument · HTTP 400 · リクエスト ID req-1');
  });
});

describe('ErrorAlert for the console’s own codes', () => {
  it('explains a refusal by its code in the user’s language, not with the bff’s English', async () => {
    const error = new ApiError({ status: 401, code: 'ConsoleTokenRequired', message: 'This console requires…' });
    renderInConsole(<ErrorAlert error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Open the link it printed when it started (it ends in ?token=…).');
    expect(alert).toHaveTextContent('Code ConsoleTokenRequired · HTTP 401');

    await act(() => changeLanguage('ja'));
    expect(alert).toHaveTextContent('このコンソールにはアクセストークンが必要です。');
  });

  it('says the console could not be reached, in the user’s language, not the browser’s "Failed to fetch"', async () => {
    const original = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    let error: unknown;
    try {
      await apiClient.get('/settings', z.unknown());
    } catch (caught) {
      error = caught;
    } finally {
      globalThis.fetch = original;
    }
    renderInConsole(<ErrorAlert error={error} />);
    const alert = screen.getByRole('alert');
    expect(alert).not.toHaveTextContent('Failed to fetch');
    expect(alert).toHaveTextContent('The console’s server could not be reached');
    await act(() => changeLanguage('ja'));
    expect(alert).not.toHaveTextContent('Failed to fetch');
    expect(alert).toHaveTextContent('コンソールのサーバーに接続できませんでした');
  });

  it('writes button labels as they are written, not in capitals', () => {
    renderInConsole(<Button>Copy as cURL</Button>);
    expect(getComputedStyle(screen.getByRole('button', { name: 'Copy as cURL' })).textTransform).toBe('none');
  });
});

describe('ErrorAlert’s Retry', () => {
  const retry = () => undefined;

  it('is not offered for a function that does not exist: asking again would answer 404 again', () => {
    const missing = new ApiError({ status: 404, code: 'FunctionNotFound', message: 'function "gone" does not exist' });
    renderInConsole(<ErrorAlert error={missing} onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('function "gone" does not exist');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('is offered after a network failure, throttling or a server error', () => {
    for (const status of [0, 429, 503]) {
      const { unmount } = renderInConsole(
        <ErrorAlert error={new ApiError({ status, code: 'X', message: 'failed' })} onRetry={retry} />,
      );
      expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
      unmount();
    }
  });
});
