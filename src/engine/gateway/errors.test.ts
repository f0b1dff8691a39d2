import { describe, expect, it } from 'vitest';
import { gatewayError } from './errors';

describe('gatewayError', () => {
  it('answers with the catalogue status and an FC error body', () => {
    const response = gatewayError('MethodNotAllowed', 'no POST here', 'req-9');
    expect(response.status).toBe(403);
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'x-fc-request-id': 'req-9' });
    expect(JSON.parse(response.body)).toEqual({
      Code: 'MethodNotAllowed',
      Message: 'no POST here',
      RequestId: 'req-9',
    });
  });

  it('takes 502 for BadResponse and 401 for Unauthorized from the catalogue', () => {
    expect(gatewayError('BadResponse', 'x', 'r').status).toBe(502);
    expect(gatewayError('Unauthorized', 'x', 'r').status).toBe(401);
  });
});
