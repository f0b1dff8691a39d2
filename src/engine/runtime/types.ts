import type { Readable, Writable } from 'node:stream';
import type { GatewayErrorCode } from '../../contract/status-catalogue';
import type { Sandbox } from './sandbox/sandbox';
import type { HangUpSignal } from './hang-up';

/** What to run. The caller resolves a qualifier (LATEST, a version, an alias) into this. */
export type FunctionSpec = {
  functionName: string;
  qualifier: string;
  /** The published version that runs; undefined for LATEST. */
  versionId?: string;
  /** Changes whenever code or config changes: new requests go to new instances, in-flight ones finish on old ones. */
  revision: string;
  runtime: string;
  handler: string;
  /** The code zip on disk; extracted once per content checksum. */
  codeZipPath: string;
  timeoutSeconds: number;
  instanceConcurrency: number;
  memorySize: number;
  environmentVariables: Record<string, string>;
  customRuntimeConfig?: { command: string[]; args?: string[]; port?: number };
  /** `<file>.<function>` run once per instance before its first request (event functions). */
  initializer?: string;
  /** The initializer's own timeout (its hook's `timeout`); the function's timeout unless given. */
  initializerTimeoutSeconds?: number;
  /** `<file>.<function>` run when the engine reclaims an instance, bounded by `preStopTimeoutSeconds`. */
  preStop?: string;
  preStopTimeoutSeconds?: number;
  /** The function's reserved concurrency: at most this many instances (0: none, every request throttled). */
  maxInstances?: number;
  /** Where FC would ship its logs (its logConfig); named to a custom runtime's server, not used locally. */
  logConfig?: { project?: string; logstore?: string };
};

export type HttpRequestContext = {
  accountId: string;
  /** The HTTP trigger the request came through. */
  triggerId?: string;
  /** The Host the client called, port stripped (`<label>.<region>.fcapp.localhost`). */
  domainName: string;
  sourceIp: string;
  /** `HTTP/1.1` unless told otherwise. */
  protocol?: string;
  /** When the gateway received the request; now unless told otherwise. */
  time?: Date;
};

/** An HTTP trigger request after the gateway's checks (x-fc-* and hop-by-hop headers already removed). */
export type HttpInvokeRequest = {
  method: string;
  rawPath: string;
  /** The raw query string, without `?`. */
  query: string;
  headers: Record<string, string | string[]>;
  /**
   * The whole body, or the client's body as it arrives (web functions stream it to their server;
   * an event function reads it whole first). A stream that fails aborts the invocation.
   */
  body: Buffer | Readable;
  requestId: string;
  context: HttpRequestContext;
  /** Web functions stream their response here instead of buffering it in the result. */
  respondTo?: ResponseSink;
};

/** A request whose body is read whole: what an event function, an async task and InvokeFunction take. */
export type BufferedHttpRequest = HttpInvokeRequest & { body: Buffer };

/** The status and raw headers a web function answered, before its body. */
export type ResponseHead = { statusCode: number; headers: Array<[string, string]> };

/**
 * Called once a web function's status and headers arrive: answers where its body goes as it
 * arrives, or undefined when the caller answered the client itself (the rest is then not read).
 */
export type ResponseSink = (head: ResponseHead) => Writable | undefined;

export type InvokeSuccess = {
  statusCode: number;
  headers: Array<[string, string]>;
  body: Buffer;
  logs: string;
  /** The response went to the request's `respondTo` sink; `body` is empty. */
  streamed?: boolean;
  /** The instance that served it (its FC_INSTANCE_ID), as FC's x-fc-instance-id. */
  instanceId?: string;
};

export type RuntimeErrorCode = Extract<
  GatewayErrorCode,
  | 'UnhandledInvocationError'
  | 'FunctionTimeout'
  | 'FunctionExited'
  | 'HandlerNotFound'
  | 'InstanceStartFailed'
  | 'BadResponse'
  | 'ResourceThrottled'
  | 'ClientClosedRequest'
  | 'InternalError'
  | 'RuntimeNotSupportedLocally'
>;

export type InvokeFailure = {
  error: RuntimeErrorCode;
  message: string;
  logs: string;
  /** For a thrown error: its name (`TypeError`) and stack lines, as FC's `{errorType, stackTrace}`. */
  errorType?: string;
  stackTrace?: string[];
  /** The instance that ran it, when one did. */
  instanceId?: string;
};

export type InvokeResult = InvokeSuccess | InvokeFailure;

export function isInvokeFailure(result: InvokeResult): result is InvokeFailure {
  return 'error' in result;
}

export type PoolOptions = {
  /** Where extracted code lives (`<workDir>/code/<sha256>/`). */
  workDir: string;
  maxInstancesPerFunction?: number;
  idleMs?: number;
  startupTimeoutMs?: number;
  /** Given to functions as FC_ACCOUNT_ID / FC_REGION and in the event context. */
  accountId?: string;
  region?: string;
  /** How instances are isolated; detected on this machine (bubblewrap when it works) unless given. */
  sandbox?: Sandbox;
  /**
   * Who counts a function's instances against its cap: the pool's own slots unless given (one
   * process); across gateway processes, the primary's count (`src/engine/gateways/shared-cap.ts`).
   */
  cap?: InstanceCap;
};

/**
 * A function's instance slots counted against its cap. The pool asks only when no warm instance has
 * room, so a warm request never awaits it; every slot granted is released once, when the slot is removed.
 */
export type InstanceCap = {
  /** Room for one more instance of the function (counted until released), at most `cap` in all. */
  reserve(functionName: string, cap: number): boolean | Promise<boolean>;
  /** One instance slot of the function was removed (stopped, exited, or failed to start). */
  release(functionName: string): void;
};

/** One running instance, as the pool sees it. */
export interface Instance {
  readonly pid: number | undefined;
  /** How many requests it may serve at once. */
  readonly capacity: number;
  /** False once it exited or was told to stop: it takes no more requests. */
  readonly alive: boolean;
  /** Resolves once it can take requests, or with the reason it cannot. */
  ready(): Promise<InvokeFailure | undefined>;
  invokeHttp(req: HttpInvokeRequest, signal?: HangUpSignal): Promise<InvokeResult>;
  invokeEvent(payload: Buffer, requestId: string, signal?: HangUpSignal): Promise<InvokeResult>;
  onExit(listener: () => void): void;
  kill(): void;
  /** Reclaims it in the background (FC's preStop hook first, when it has one), then kills it. */
  retire?(): void;
}
