import { onTestFinished } from 'vitest';
import { server } from '../../../mocks/node';

/** The queries of the FC OpenAPI List calls the bff sends to a path ending in `suffix`, during one test. */
export function recordFcListCalls(suffix: string): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname.includes('/2023-03-30/') && url.pathname.endsWith(suffix))
      seen.push(url.searchParams);
  };
  server.events.on('request:start', listener);
  onTestFinished(() => {
    server.events.removeListener('request:start', listener);
  });
  return seen;
}
