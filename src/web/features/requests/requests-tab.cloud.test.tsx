import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bffHandler, createTestBffApp, TEST_CONNECTION } from '../../../../mocks/bff-in-process';
import { seedFunction, seedTrigger } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { recordedRow } from '../../../../mocks/fixtures/recorded-rows';
import { anonymousTrigger } from '../../../../mocks/fixtures/triggers';
import { server } from '../../../../mocks/node';
import { LOGGING_CONFIG } from '../../../../mocks/sls-request-logs';
import { renderInConsole } from '../../testing/render-in-console';
import { RequestsTab } from './requests-tab';

function inCloud(logConfig: object = LOGGING_CONFIG) {
  seedFunction({ ...helloFunction, logConfig });
  seedTrigger('hello-world', anonymousTrigger);
  server.use(bffHandler(createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' })));
}

function Tab({ selected }: { selected?: string }) {
  return (
    <RequestsTab
      functionName="hello-world"
      selected={selected}
      onSelect={() => {}}
      renderDetail={(recorded) => <p>{`${recorded.method} ${recorded.path} answered ${recorded.status}`}</p>}
    />
  );
}

describe('the Requests tab in cloud mode', { timeout: 30_000 }, () => {
  it('lists the requests read from the function’s request logs in Log Service, and says what they lack', async () => {
    inCloud();
    recordedRow({ ago: 20_000, method: 'GET', path: '/ok', status: 200 });
    recordedRow({ ago: 10_000, method: 'POST', path: '/hook', status: 502, errorCode: 'FunctionUnhandledError' });
    renderInConsole(<Tab />);
    expect(await screen.findByRole('row', { name: 'POST /hook: 502' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'GET /ok: 200' })).toBeInTheDocument();
    expect(screen.getByText(/Read from the function's request logs in Simple Log Service/)).toBeInTheDocument();
  });

  it('opens a request with the note that Log Service keeps no headers or bodies', async () => {
    inCloud();
    const row = recordedRow({ method: 'POST', path: '/hook', status: 502, errorCode: 'FunctionUnhandledError' });
    renderInConsole(<Tab selected={row.requestId} />);
    const panel = await screen.findByRole('dialog', { name: `Request ${row.requestId}` });
    expect(await within(panel).findByText('POST /hook answered 502')).toBeInTheDocument();
    expect(within(panel).getByText(/which keep no headers or bodies/)).toBeInTheDocument();
  });

  it('says how to turn on the request logs when the function writes none', async () => {
    inCloud({});
    recordedRow();
    renderInConsole(<Tab />);
    expect(await screen.findByText('This function writes no request logs')).toBeInTheDocument();
    expect(screen.getByText(/Turn on logging .* with request-level metrics/)).toBeInTheDocument();
    expect(screen.queryByRole('row')).not.toBeInTheDocument();
  });
});
