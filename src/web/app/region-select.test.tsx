import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bffHandler } from '../../../mocks/bff-in-process';
import { CLOUD_ACCOUNT, cloudFcHost } from '../../../mocks/cloud/cloud-account';
import { createCloudFc } from '../../../mocks/cloud/cloud-fc';
import { fcState } from '../../../mocks/fc-state';
import { server } from '../../../mocks/node';
import { createBffApp } from '../../bff/app';
import { connectionFromEnv, parseConsoleEnv } from '../../bff/config';
import { openConsoleStore } from '../../bff/console-store/console-store';
import { renderWithProviders } from '../testing/render-with-providers';

afterEach(() => {
  sessionStorage.clear();
  vi.unstubAllEnvs();
});

/** The console as `FC_REGION=… FC_ACCOUNT_ID=… npm start` runs it, against the strict FC 3.0 stand-in. */
function inCloudMode() {
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', CLOUD_ACCOUNT.accessKeyId);
  vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', CLOUD_ACCOUNT.accessKeySecret);
  const env = parseConsoleEnv({ FC_REGION: CLOUD_ACCOUNT.region, FC_ACCOUNT_ID: CLOUD_ACCOUNT.accountId });
  const bff = createBffApp({ connection: connectionFromEnv(env), consoleStore: openConsoleStore(':memory:') });
  const cloud = createCloudFc();
  server.use(bffHandler(bff), ...cloud.handlers);
  return cloud;
}

describe('Region selector', () => {
  it('shows the local engine’s one region, disabled, and says why', async () => {
    renderWithProviders('/functions');
    const region = await screen.findByRole('combobox', { name: 'Region' });
    expect(region).toBeDisabled();
    expect(region).toHaveValue(fcState.region);
    expect(region).toHaveAccessibleDescription(/The local engine serves one region, cn-hangzhou/);
  });

  it('in cloud mode, switches the endpoint the bff calls to the chosen region', async () => {
    const cloud = inCloudMode();
    const { user } = renderWithProviders('/functions');
    const region = await screen.findByRole('combobox', { name: 'Region' });
    await waitFor(() => expect(region).toBeEnabled());
    expect(region).toHaveValue(CLOUD_ACCOUNT.region);
    await waitFor(() => expect(cloud.hosts).toContain(cloudFcHost(CLOUD_ACCOUNT.region)));

    await user.selectOptions(region, 'ap-northeast-1');
    expect(await screen.findByText('Alibaba Cloud · ap-northeast-1')).toBeInTheDocument();
    await waitFor(() => expect(cloud.hosts.at(-1)).toBe(cloudFcHost('ap-northeast-1')));
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue('ap-northeast-1');
    // Every call was signed, shaped and addressed as FC 3.0 takes it.
    expect(cloud.calls.filter((call) => call.problems.length > 0)).toEqual([]);
  }, 60_000);
});
