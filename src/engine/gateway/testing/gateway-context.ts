import type { HttpTriggerConfig } from '../../../contract/trigger';
import type { GatewayContext, GatewayResult, GatewayResponse } from '../gateway-context';

/** A request to an anonymous GET/POST trigger on the public endpoint, for unit tests. */
export function makeContext(overrides: Partial<GatewayContext> = {}): GatewayContext {
  const trigger: HttpTriggerConfig = { methods: ['GET', 'POST'], authType: 'anonymous', authConfig: undefined };
  const headers = overrides.headers ?? { host: 'fn-abcdefghij.cn-hangzhou.fcapp.localhost:3001' };
  return {
    method: 'GET',
    rawPath: '/',
    query: '',
    headers,
    // Sent as the header map says, once each, unless the test says how they were sent.
    rawHeaders: Object.entries(headers),
    bodyLength: 0,
    requestId: 'req-1',
    endpoint: 'internet',
    trigger,
    now: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** The answer of a step that must have answered (fails the test otherwise). */
export function answered(
  result: GatewayResult,
): GatewayResponse & { json: { Code?: string; Message?: string; RequestId?: string } } {
  if (!('respond' in result)) throw new Error(`expected a response, got ${JSON.stringify(result)}`);
  const { body } = result.respond;
  return { ...result.respond, json: body ? JSON.parse(body) : {} };
}
