import { renderInConsole } from '../../../testing/render-in-console';
import { InvocationResultPanel } from '../invocation-result-panel';
import { TestFunctionProvider } from '../test-function-context';
import { TestFunctionToolbar } from '../test-function-toolbar';

/** The Code tab's Test Function toolbar and result panel, as the page places them. */
export function renderTestFunction(functionName = 'hello-world') {
  return renderInConsole(
    <TestFunctionProvider functionName={functionName}>
      <TestFunctionToolbar functionName={functionName} />
      <InvocationResultPanel functionName={functionName} />
    </TestFunctionProvider>,
  );
}
