import { GATEWAY_ERRORS, type GatewayErrorBody, type GatewayErrorCode } from '../../contract/status-catalogue';
import type { GatewayRespond, GatewayResponse } from './gateway-context';

/** Every error the gateway answers: status from the one catalogue, body `{Code, Message, RequestId}`. */
export function gatewayError(code: GatewayErrorCode, message: string, requestId: string): GatewayResponse {
  const body: GatewayErrorBody = { Code: code, Message: message, RequestId: requestId };
  return {
    status: GATEWAY_ERRORS[code].status,
    headers: { 'content-type': 'application/json', 'x-fc-request-id': requestId },
    body: JSON.stringify(body),
  };
}

export function respondError(code: GatewayErrorCode, message: string, requestId: string): GatewayRespond {
  return { respond: gatewayError(code, message, requestId) };
}
