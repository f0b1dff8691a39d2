import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedFunction } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { TEST_REQUESTS_IMPORT_MAX_BYTES, type TestRequest } from '../../../contract/invocation';
import { renderInConsole } from '../../testing/render-in-console';
import { testRequest } from './error-panel/testing/error-fixtures';
import { createTestRequest } from './queries';
import { SavedRequests } from './saved-requests';

const ping: TestRequest = { ...testRequest, method: 'GET', path: '/ping', query: [], bodyType: 'text', body: '' };

async function given() {
  seedFunction(helloFunction);
  await createTestRequest('hello-world', 'orders', testRequest);
  const view = renderInConsole(
    <SavedRequests functionName="hello-world" selectedId={undefined} onSelect={() => {}} currentRequest={() => ping} />,
  );
  await screen.findByRole('button', { name: /^orders/ });
  return view;
}

const jsonFile = (content: string) => new File([content], 'requests.json', { type: 'application/json' });
const names = () =>
  within(screen.getByRole('list', { name: 'Saved test requests' }))
    .getAllByRole('listitem')
    .map((item) => within(item).getAllByRole('button')[0]?.textContent);

describe('Import JSON of saved requests', () => {
  it('adds the requests of an export, numbering a name already taken, and keeps what was saved', async () => {
    const { user } = await given();
    const exported = {
      functionName: 'hello-world',
      exportedAt: '2026-11-29T10:00:00Z',
      testRequests: [
        { id: 'a', name: 'orders', request: ping, updatedAt: '2026-11-29T10:00:00Z' },
        { id: 'b', name: 'ping', request: ping, updatedAt: '2026-11-29T10:00:00Z' },
      ],
    };
    await user.upload(screen.getByLabelText('Import JSON'), jsonFile(JSON.stringify(exported)));

    expect(await screen.findByText(/^Imported 2 saved requests\. 1 of them got a number/)).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['ordersPOST /orders', 'orders (2)GET /ping', 'pingGET /ping']));
  });

  it('says what is wrong with a file that is not an export, and imports nothing of it', async () => {
    const { user } = await given();
    const input = screen.getByLabelText('Import JSON');

    await user.upload(input, jsonFile('{"testRequests": ['));
    expect(await screen.findByText('The file is not JSON: nothing was imported.')).toBeInTheDocument();

    const unnamed = { testRequests: [{ name: 'fine', request: ping }, { request: { ...ping, method: 'BREW' } }] };
    await user.upload(input, jsonFile(JSON.stringify(unnamed)));
    const alert = await screen.findByText(/^The file is not an export of saved requests/);
    expect(alert).toHaveTextContent(/testRequests\.1\.name: /);
    expect(alert).toHaveTextContent(/testRequests\.1\.request\.method: /);

    await user.upload(input, jsonFile(' '.repeat(TEST_REQUESTS_IMPORT_MAX_BYTES + 1)));
    expect(await screen.findByText('The file is larger than 1.0 MB: nothing was imported.')).toBeInTheDocument();
    expect(names()).toEqual(['ordersPOST /orders']);
  });
});
