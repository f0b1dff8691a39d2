import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GATEWAY_ERRORS } from '../../../../contract/status-catalogue';
import { renderInConsole } from '../../../testing/render-in-console';
import { ErrorExplanation } from './error-explanation';
import { StatusReference } from './status-reference';
import { errorResult } from './testing/error-fixtures';

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('StatusReference', () => {
  it('opens the whole catalogue as the seed’s table: type, status, cause, billed, what to do', async () => {
    const { user } = renderInConsole(<StatusReference />);
    await user.click(screen.getByRole('button', { name: 'Status code reference' }));
    const dialog = await screen.findByRole('dialog', { name: 'Status code reference' });
    const [header, ...rows] = within(dialog).getAllByRole('row');
    expect(
      within(header!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Error Type', 'HTTP Status Code', 'Error Code', 'Cause Analysis', 'Billed', 'What to do']);
    expect(rows).toHaveLength(Object.keys(GATEWAY_ERRORS).length);
    const methodRow = rows.find((row) => within(row).queryByText('MethodNotAllowed'))!;
    expect(cells(methodRow)).toEqual([
      'Request error',
      '403',
      'MethodNotAllowed',
      GATEWAY_ERRORS.MethodNotAllowed.cause,
      'No',
      GATEWAY_ERRORS.MethodNotAllowed.action,
    ]);
    // In the seed's order: request errors first, then throttling, function errors and system errors.
    expect(rows.map((row) => cells(row)[0])).toEqual([
      ...Array(12).fill('Request error'),
      'User throttling',
      ...Array(6).fill('Function error'),
      ...Array(2).fill('System error'),
      ...Array(2).fill('System throttling'),
    ]);
    expect(cells(rows.find((row) => within(row).queryByText('FunctionTimeout'))!)[4]).toBe('Yes');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('is one click away from an error explanation', async () => {
    const { user } = renderInConsole(<ErrorExplanation result={errorResult(404, 'TriggerNotFound')} />);
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Status code reference' }));
    expect(await screen.findByRole('dialog', { name: 'Status code reference' })).toBeInTheDocument();
  });
});
