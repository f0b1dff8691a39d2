import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GATEWAY_ERRORS } from '../../../../contract/status-catalogue';
import type { Trigger } from '../../../../contract/trigger';
import { changeLanguage } from '../../../i18n/i18n';
import { renderInConsole } from '../../../testing/render-in-console';
import { ErrorExplanation } from './error-explanation';
import { errorResult, testRequest, testTrigger } from './testing/error-fixtures';

const panel = () => screen.getByRole('alert');

const signatureTrigger: Trigger = {
  ...testTrigger,
  triggerConfig: { methods: ['GET'], authType: 'function', authConfig: undefined },
};

describe('ErrorExplanation', () => {
  it('400 InvalidArgument: one measure of the headers, the one the gateway counted on what was sent', () => {
    // The typed headers are 9,000 bytes; with Host, the credentials and Content-Length, 9,091 went out.
    const request = { ...testRequest, headers: [{ key: 'X-Big', value: 'a'.repeat(8995) }] };
    const data = JSON.stringify({
      Code: 'InvalidArgument',
      Message: 'The request headers are 9091 bytes (names and values); the limit is 8192 bytes.',
    });
    const result = errorResult(400, 'InvalidArgument', {
      request,
      body: { encoding: 'text', data, size: data.length },
      sent: { headerBytes: 9091, pathWithQueryBytes: 14 },
    });
    renderInConsole(<ErrorExplanation result={result} trigger={testTrigger} />);
    expect(screen.getByText('400 · Request error')).toBeInTheDocument();
    expect(panel()).toHaveTextContent(GATEWAY_ERRORS.InvalidArgument.cause);
    expect(panel()).toHaveTextContent(`What to do: ${GATEWAY_ERRORS.InvalidArgument.action}`);
    expect(panel()).toHaveTextContent('Billed: No');
    expect(panel()).toHaveTextContent(
      'Headers as sent (names and values): 9,091 bytes of 8,192 (8 KB) (over the limit)',
    );
    expect(panel()).not.toHaveTextContent('9,000');
    expect(panel()).toHaveTextContent('Path with its query as sent: 14 bytes of 4,096 (4 KB) (within the limit)');
  });

  it('400 MissingRequiredHeader: names the trigger’s authentication method', () => {
    renderInConsole(<ErrorExplanation result={errorResult(400, 'MissingRequiredHeader')} trigger={signatureTrigger} />);
    expect(panel()).toHaveTextContent(GATEWAY_ERRORS.MissingRequiredHeader.cause);
    expect(panel()).toHaveTextContent('This trigger uses Signature Authentication.');
    expect(panel()).not.toHaveTextContent('Headers of the test request');
  });

  it('403 MethodNotAllowed: names the allowed methods and offers Modify', async () => {
    const onModifyTrigger = vi.fn();
    const { user } = renderInConsole(
      <ErrorExplanation
        result={errorResult(403, 'MethodNotAllowed')}
        trigger={testTrigger}
        onModifyTrigger={onModifyTrigger}
      />,
    );
    expect(screen.getByText('403 · Request error')).toBeInTheDocument();
    expect(panel()).toHaveTextContent('This trigger allows GET, PUT; the request used POST.');
    await user.click(screen.getByRole('button', { name: 'Modify the trigger’s request methods' }));
    expect(onModifyTrigger).toHaveBeenCalledOnce();
  });

  it('403 InternetURLDisabled: offers the internal endpoint, to use or to copy', async () => {
    const onUseInternalEndpoint = vi.fn();
    const { user } = renderInConsole(
      <ErrorExplanation
        result={errorResult(403, 'InternetURLDisabled')}
        trigger={testTrigger}
        onUseInternalEndpoint={onUseInternalEndpoint}
      />,
    );
    expect(panel()).toHaveTextContent('access denied due to function internet URL is disable');
    expect(panel()).toHaveTextContent(`The internal endpoint still answers:${testTrigger.httpTrigger.urlIntranet}`);
    await user.click(screen.getByRole('button', { name: 'Copy internal endpoint' }));
    expect(await navigator.clipboard.readText()).toBe(testTrigger.httpTrigger.urlIntranet);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use internal endpoint' }));
    expect(onUseInternalEndpoint).toHaveBeenCalledOnce();
  });

  it('403 RequestTimeTooSkewed and SignatureNotMatch: show the clock skew against the response’s Date', () => {
    // Sent at 08:00:00.000, answered after 500 ms, by a server whose clock says 08:20:00.
    const skewed = errorResult(403, 'RequestTimeTooSkewed', { headers: [['Date', 'Sat, 01 Mar 2025 08:20:00 GMT']] });
    const { unmount } = renderInConsole(<ErrorExplanation result={skewed} trigger={signatureTrigger} />);
    expect(panel()).toHaveTextContent(GATEWAY_ERRORS.RequestTimeTooSkewed.cause);
    expect(panel()).toHaveTextContent(
      'Clock skew: 1,200 s between the response’s Date (2025-03-01T08:20:00.000Z) and this computer’s clock (2025-03-01T08:00:00.500Z)',
    );
    expect(panel()).toHaveTextContent('This trigger uses Signature Authentication.');
    unmount();

    renderInConsole(<ErrorExplanation result={errorResult(403, 'SignatureNotMatch')} trigger={signatureTrigger} />);
    expect(panel()).toHaveTextContent(GATEWAY_ERRORS.SignatureNotMatch.cause);
    expect(panel()).toHaveTextContent('Clock skew: 0 s between');
  });

  it('403 without an error code lists every 403 cause', () => {
    renderInConsole(<ErrorExplanation result={errorResult(403, undefined)} trigger={testTrigger} />);
    expect(panel()).toHaveTextContent('No error code came with this status');
    expect(panel()).toHaveTextContent('Possible causes');
    for (const code of [
      'SignatureNotMatch',
      'RequestTimeTooSkewed',
      'MethodNotAllowed',
      'InternetURLDisabled',
    ] as const)
      expect(panel()).toHaveTextContent(GATEWAY_ERRORS[code].cause);
    expect(screen.queryByRole('button', { name: 'Modify the trigger’s request methods' })).not.toBeInTheDocument();
  });

  it('403 InternetURLDisabled: says the gateway’s sentence once, and its cause in Japanese in Japanese', async () => {
    const sentence = 'access denied due to function internet URL is disable';
    const data = JSON.stringify({ Code: 'InternetURLDisabled', Message: sentence, RequestId: 'req-1' });
    const result = errorResult(403, 'InternetURLDisabled', { body: { encoding: 'text', data, size: data.length } });
    renderInConsole(<ErrorExplanation result={result} trigger={testTrigger} />);
    expect(panel().textContent?.split(sentence)).toHaveLength(2);
    await act(() => changeLanguage('ja'));
    expect(panel()).toHaveTextContent('インターネット URL');
    expect(panel().textContent?.split(sentence).length).toBeLessThanOrEqual(2);
  });

  it('404 TriggerNotFound', () => {
    renderInConsole(<ErrorExplanation result={errorResult(404, 'TriggerNotFound')} />);
    expect(screen.getByText('404 · Request error')).toBeInTheDocument();
    expect(panel()).toHaveTextContent('An HTTP request is sent to a function that does not have an HTTP trigger.');
    expect(panel()).toHaveTextContent('Billed: No');
  });

  it('429 is user throttling, not billed', () => {
    renderInConsole(<ErrorExplanation result={errorResult(429, 'ResourceThrottled')} />);
    expect(screen.getByText('429 · User throttling')).toBeInTheDocument();
    expect(panel()).toHaveTextContent(GATEWAY_ERRORS.ResourceThrottled.action);
    expect(panel()).toHaveTextContent('Billed: No');
  });

  it.each(['UnhandledInvocationError', 'FunctionTimeout', 'FunctionExited', 'HandlerNotFound', 'BadResponse'] as const)(
    '502 %s (x-fc-error-type) is a billed function error that points to the logs',
    async (code) => {
      const onShowLogs = vi.fn();
      const result = errorResult(502, undefined, {
        errorType: code,
        body: { encoding: 'text', data: 'boom', size: 4 },
      });
      const { user } = renderInConsole(<ErrorExplanation result={result} onShowLogs={onShowLogs} />);
      expect(screen.getByText('502 · Function error')).toBeInTheDocument();
      expect(panel()).toHaveTextContent(`Error code ${code}`);
      expect(panel()).toHaveTextContent(GATEWAY_ERRORS[code].cause);
      expect(panel()).not.toHaveTextContent('Possible causes');
      expect(panel()).toHaveTextContent('Billed: Yes');
      await user.click(screen.getByRole('button', { name: 'View logs' }));
      expect(onShowLogs).toHaveBeenCalledOnce();
    },
  );

  it('502 without a code lists the function-error causes and says once that it is billed', () => {
    renderInConsole(<ErrorExplanation result={errorResult(502, undefined)} />);
    expect(panel()).toHaveTextContent('Possible causes');
    expect(panel()).toHaveTextContent(GATEWAY_ERRORS.HandlerNotFound.cause);
    expect(screen.getAllByText('Billed: Yes')).toHaveLength(1);
  });

  it('500 is a system error and 503 system throttling, neither billed', () => {
    const { unmount } = renderInConsole(<ErrorExplanation result={errorResult(500, 'InternalError')} />);
    expect(screen.getByText('500 · System error')).toBeInTheDocument();
    expect(panel()).toHaveTextContent('Retry the request.');
    expect(panel()).toHaveTextContent('Billed: No');
    unmount();
    renderInConsole(<ErrorExplanation result={errorResult(503, 'SystemThrottled')} />);
    expect(screen.getByText('503 · System throttling')).toBeInTheDocument();
    expect(panel()).toHaveTextContent('Retry with exponential backoff.');
    expect(panel()).toHaveTextContent('Billed: No');
  });

  it('a status the gateway never answers is put down to the function’s own response', () => {
    renderInConsole(<ErrorExplanation result={errorResult(418, undefined)} />);
    expect(screen.getByText('418 · Request error')).toBeInTheDocument();
    expect(panel()).toHaveTextContent("it most likely comes from the function's own response");
  });

  it('shows nothing for a success', () => {
    const { container } = renderInConsole(<ErrorExplanation result={errorResult(200, undefined)} />);
    expect(container).toBeEmptyDOMElement();
  });
});
