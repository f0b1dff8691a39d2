import { snippetSchema, type Snippet, type SnippetInput } from '../../../../contract/snippet';
import { apiClient, apiPath } from '../../../lib/api-client';

/** The bff builds the snippet: only it holds the AccessKey and the stored passwords and tokens. */
export function fetchSnippet(functionName: string, input: SnippetInput): Promise<Snippet> {
  return apiClient.post(`${apiPath('functions', functionName, 'snippets')}`, input, snippetSchema);
}
