import type { ApiError } from '../contract/api-error';

/** Any failure the bff answers the SPA with: FC's own status and code, or one of ours. */
export class FcError extends Error {
  override readonly name = 'FcError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.requestId ? { requestId: this.requestId } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

type SdkError = Error & {
  statusCode?: number;
  code?: string;
  requestId?: string;
  data?: { Message?: unknown; message?: unknown; RequestId?: unknown };
};

const SDK_ERRORS = new Set(['ClientError', 'ServerError', 'ThrottlingError']);
// The SDK formats its message as "<Code>: code: <status>, <Message> request id: <id>".
const SDK_MESSAGE = /code: \d+, ([\s\S]*) request id: (\S*)\s*$/;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

const CREDENTIALS_HINT =
  'No Alibaba Cloud credentials were found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile with `aliyun configure`, and restart the console.';

function present(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'undefined' ? value : undefined;
}

function fromSdkError(err: SdkError): FcError {
  const parsed = SDK_MESSAGE.exec(err.message);
  const message = present(err.data?.Message) ?? present(err.data?.message) ?? parsed?.[1] ?? err.message;
  const requestId = present(err.requestId) ?? present(err.data?.RequestId) ?? present(parsed?.[2]);
  return new FcError(err.statusCode ?? 500, present(err.code) ?? 'InternalError', message, requestId);
}

/**
 * Turn whatever the SDK threw into an FcError. `target` names the endpoint for network failures
 * (`local`: the embedded engine, which the user may simply not have started).
 */
export function toFcError(err: unknown, target: { url: string; mode: 'local' | 'cloud' }): FcError {
  if (err instanceof FcError) return err;
  if (err instanceof Error && SDK_ERRORS.has(err.name) && typeof (err as SdkError).statusCode === 'number')
    return fromSdkError(err as SdkError);
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    const what = target.mode === 'local' ? 'The local Function Compute engine' : 'Function Compute';
    const hint = target.mode === 'local' ? ' Start it with `npm start` (or `fc-console`) and try again.' : '';
    return new FcError(503, 'EngineUnavailable', `${what} is not reachable at ${target.url} (${code}).${hint}`);
  }
  // @alicloud/credentials' default chain found nothing (its text lists every provider it tried).
  if (err instanceof Error && err.message.startsWith('unable to get credentials'))
    return new FcError(503, 'CredentialsUnavailable', CREDENTIALS_HINT);
  if (err instanceof SyntaxError)
    return new FcError(502, 'InvalidResponse', `${target.url} answered with a body that is not JSON.`);
  return new FcError(500, 'InternalError', 'The console failed to complete the request.');
}
