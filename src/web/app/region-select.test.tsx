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

  it('opens a link in the region it names and keeps the region in the address from page to page', async () => {
    const cloud = inCloudMode();
    const { user, location } = renderWithProviders('/functions?region=ap-northeast-1');
    expect(await screen.findByText('Alibaba Cloud · ap-northeast-1', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue('ap-northeast-1');
    await waitFor(() => expect(cloud.hosts.at(-1)).toBe(cloudFcHost('ap-northeast-1')));

    await user.click(screen.getAllByRole('link', { name: 'Custom Domains' })[0]!);
    await waitFor(() => expect(location.pathname).toBe('/custom-domains'));
    await waitFor(() => expect(location.search).toBe('?region=ap-northeast-1'));
    await waitFor(() => expect(cloud.hosts.at(-1)).toBe(cloudFcHost('ap-northeast-1')));
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue('ap-northeast-1');
  }, 60_000);

  it('names the region in the address once one is chosen', async () => {
    inCloudMode();
    const { user, location } = renderWithProviders('/functions');
    const region = await screen.findByRole('combobox', { name: 'Region' });
    await waitFor(() => expect(location.search).toBe(`?region=${CLOUD_ACCOUNT.region}`));
    await user.selectOptions(region, 'eu-central-1');
    await waitFor(() => expect(location.search).toBe('?region=eu-central-1'));
  }, 60_000);

  it('ignores a region that is not one of FC’s, saying so, and stays in its own', async () => {
    const cloud = inCloudMode();
    const { location } = renderWithProviders('/functions?region=mars-north-1');
    const notice = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(notice).toHaveTextContent(
      `The link’s region “mars-north-1” is not one of Function Compute’s regions: showing ${CLOUD_ACCOUNT.region}.`,
    );
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue(CLOUD_ACCOUNT.region);
    expect(location.search).toBe(`?region=${CLOUD_ACCOUNT.region}`);
    expect(cloud.hosts.every((host) => host === cloudFcHost(CLOUD_ACCOUNT.region))).toBe(true);
  }, 60_000);

  it('in local mode, ignores a link’s other region, saying the engine serves one', async () => {
    const { location } = renderWithProviders('/functions?region=ap-northeast-1');
    const notice = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(notice).toHaveTextContent(
      `The local engine serves one region, ${fcState.region}: the link’s region “ap-northeast-1” is not available here.`,
    );
    expect(location.search).toBe('');
  }, 60_000);
});
