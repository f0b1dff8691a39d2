import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seedFunction, seedTrigger } from '../../../../mocks/fc-seed';
import { helloFunction } from '../../../../mocks/fixtures/functions';
import { anonymousTrigger } from '../../../../mocks/fixtures/triggers';
import { renderInConsole } from '../../testing/render-in-console';
import { InvocationResultPanel } from './invocation-result-panel';
import { TestFunctionProvider } from './test-function-context';
import { TestFunctionToolbar } from './test-function-toolbar';

function renderTest(props: { undeployedEdits?: boolean } = {}) {
  return renderInConsole(
    <TestFunctionProvider functionName="hello-world" undeployedEdits={props.undeployedEdits}>
      <TestFunctionToolbar functionName="hello-world" />
      <InvocationResultPanel functionName="hello-world" />
    </TestFunctionProvider>,
  );
}

afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe('Test Function, where the user looks', () => {
  it('tests a trigger with Disable Internet URL on its internal endpoint from the first try', async () => {
    seedFunction(helloFunction);
    const { urls } = seedTrigger('hello-world', {
      ...anonymousTrigger,
      triggerConfig: { ...anonymousTrigger.triggerConfig, disableURLInternet: true },
    });
    const { user } = renderTest();
    await user.click(await screen.findByRole('button', { name: 'Test Function' }));
    expect(await screen.findByText('200 OK')).toBeInTheDocument();
    expect(screen.getByText(`GET ${urls.urlIntranet}/`)).toBeInTheDocument();
  });

  it('brings the result into view when it arrives', async () => {
    seedFunction(helloFunction);
    const scrolled: Element[] = [];
    // jsdom has no layout, so no scrollIntoView: record which element asked to be shown.
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const { user } = renderTest();
    await user.click(await screen.findByRole('button', { name: 'Test Function' }));
    await screen.findByText('200 OK');
    expect(scrolled).toContain(screen.getByRole('region', { name: 'Result' }));
  });

  it('says the test ran the deployed code while the editor has undeployed edits', async () => {
    seedFunction(helloFunction);
    const { user } = renderTest({ undeployedEdits: true });
    await user.click(await screen.findByRole('button', { name: 'Test Function' }));
    await screen.findByText('200 OK');
    expect(screen.getByRole('region', { name: 'Result' })).toHaveTextContent(
      'This test ran the deployed code: the editor has changes that are not deployed yet.',
    );
  });
});
