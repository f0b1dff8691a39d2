import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInConsole } from '../../testing/render-in-console';
import { testTrigger } from '../invocations/error-panel/testing/error-fixtures';
import { TriggerEndpoints } from './trigger-endpoints';

const trigger = { ...testTrigger, triggerConfig: { ...testTrigger.triggerConfig, disableURLInternet: false } };

describe('TriggerEndpoints', () => {
  it('shows the copy tooltip beside its button, not over the endpoint below, and lets that one be clicked', async () => {
    const { user } = renderInConsole(<TriggerEndpoints trigger={trigger} />);
    await user.hover(screen.getByRole('button', { name: 'Copy public endpoint' }));
    const tooltip = await screen.findByRole('tooltip', { name: 'Copy public endpoint' });
    // The endpoints are stacked: a tooltip above or below a copy button lies over its neighbour's.
    expect(tooltip).toHaveAttribute('data-popper-placement', expect.stringMatching(/^(left|right)/));
    expect(tooltip).toHaveStyle({ pointerEvents: 'none' });

    await user.click(screen.getByRole('button', { name: 'Copy internal endpoint' }));
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(trigger.httpTrigger.urlIntranet);
  });
});
