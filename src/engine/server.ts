import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { ENGINE_DEFAULTS } from './config';
import { loadCredentials, type EngineCredentials } from './credentials';
import { createOpenApiApp, type OpenApiExtension } from './openapi/openapi-app';
import { lingerAfterEarlyAnswer } from '../early-answer';
import { openEngineStore, type EngineStore } from './store/engine-store';
import { createTlsListener } from './tls-listener';
import { DOMAIN_NAME_PATTERN } from '../contract/custom-domain';
import { hostnameOf, isTriggerHost } from '../contract/trigger-url';
import { guardRegExpBacktracking } from '../regexp-guard';
import { dealingListener } from './gateways/dealing-listener';
import { closeServer, listen } from './gateways/listeners';

/** What a trigger request handler gets besides the request: the engine it runs in. */
export type EngineContext = {
  store: EngineStore;
  credentials: EngineCredentials;
  region: string;
  /** The real listening port (trigger URLs name it). */
  port: number;
};

export type TriggerRequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  engine: EngineContext,
) => void | Promise<void>;

export type StartEngineOptions = {
  dataDir: string;
  /** An already opened store of `dataDir` (the async queue shares its database); closed with the engine. */
  store?: EngineStore;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The HTTPS listener's port for custom domains with a certificate (tls-listener.ts); none unless given, 0 picks a free one. */
  httpsPort?: number;
  /** Default: `<dataDir>/credentials.json`, generated on first start. */
  credentials?: EngineCredentials;
  region?: string;
  /** Requests whose Host ends with `.fcapp.localhost`; without it they get 404 TriggerNotFound. */
  onTriggerRequest?: TriggerRequestHandler;
  /** More OpenAPI operations (InvokeFunction, async configs and tasks), behind the same signature check. */
  openApiExtensions?: readonly OpenApiExtension[];
  /** Told after DeleteFunction (the async queue drops the function's tasks and configs). */
  onFunctionDeleted?: (functionName: string) => void;
  /** Awaited before the answer to an OpenAPI call that wrote config (gateway processes forget their cached config). */
  afterConfigWrite?: () => Promise<void>;
  /**
   * Other processes serving a share of the public port's connections (gateways/, decision 044):
   * started once the port is bound; what they forward comes in on an internal listener.
   */
  startGateways?: (publicPort: number, forwardTo: ForwardTarget) => Promise<GatewayProcesses>;
};

/** The primary's internal listener for what gateway processes forward, and the secret each request carries. */
export type ForwardTarget = { port: number; secret: string };

export type GatewayProcesses = {
  /**
   * Hands a new connection (paused) to a gateway process when it is one's turn; false: serve it
   * here. `serveHere` takes it back when the hand-over failed (the process just died).
   */
  take(socket: net.Socket, serveHere: (socket: net.Socket) => void): boolean;
  close(): Promise<void>;
};

export type RunningEngine = EngineContext & {
  /** The OpenAPI's base URL, e.g. `http://127.0.0.1:3001`. */
  url: string;
  /** Where custom domains are served over TLS, when the engine was given an HTTPS port. */
  httpsPort?: number;
  close(): Promise<void>;
};

const MAX_HEADER_SECTION_BYTES = 64 * 1024;

function sendJson(res: ServerResponse, status: number, requestId: string, body: object) {
  if (res.headersSent) return res.end();
  res.writeHead(status, { 'content-type': 'application/json', 'x-fc-request-id': requestId });
  res.end(JSON.stringify(body));
}

function noTriggerHandler(_req: IncomingMessage, res: ServerResponse) {
  const requestId = randomUUID();
  sendJson(res, 404, requestId, {
    Code: 'TriggerNotFound',
    Message: 'No HTTP trigger answers this host.',
    RequestId: requestId,
  });
}

function triggerFailed(res: ServerResponse, error: unknown) {
  console.error('[engine] trigger request failed', error);
  const requestId = randomUUID();
  sendJson(res, 500, requestId, {
    Code: 'InternalError',
    Message: 'Function Compute internal error.',
    RequestId: requestId,
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function timesSent(rawHeaders: readonly string[], lowerName: string): number {
  let times = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === lowerName) times++;
  return times;
}

function refuseRepeatedHost(req: IncomingMessage, res: ServerResponse, times: number) {
  const requestId = randomUUID();
  res.setHeader('connection', 'close');
  sendJson(res, 400, requestId, {
    Code: 'InvalidArgument',
    Message: `The Host header was sent ${times} times; send it once.`,
    RequestId: requestId,
  });
  req.resume();
}

/** What the engine's http servers do with a request: a trigger's (gateway host), or the OpenAPI's. */
export type EngineDispatch = {
  isGatewayHost(hostHeader: string | undefined): boolean;
  onGateway(req: IncomingMessage, res: ServerResponse): void;
  onOpenApi(req: IncomingMessage, res: ServerResponse): void;
  /** Checked before anything else (the primary's internal listener); false: it answered. */
  admit?(req: IncomingMessage, res: ServerResponse): boolean;
};

/** A trigger URL, or a custom domain stored in the engine; every other Host is the OpenAPI's. */
export function gatewayHostCheck(store: Pick<EngineStore, 'findCustomDomainForHost'>): EngineDispatch['isGatewayHost'] {
  return (hostHeader) => {
    if (isTriggerHost(hostHeader)) return true;
    const hostname = hostnameOf(hostHeader);
    return DOMAIN_NAME_PATTERN.test(hostname) && store.findCustomDomainForHost(hostname) !== undefined;
  };
}

/** Hands a trigger request to `onTrigger`; what it throws or rejects with is a 500 InternalError. */
export function triggerDispatch(onTrigger: TriggerRequestHandler, context: EngineContext): EngineDispatch['onGateway'] {
  return (req, res) => {
    // Called in this turn, not behind a resolved promise: two promises and a turn less per request.
    try {
      const handled = onTrigger(req, res, context);
      if (handled) handled.catch((error: unknown) => triggerFailed(res, error));
    } catch (error) {
      triggerFailed(res, error);
    }
  };
}

/** Keeps every header line and answers Expect: 100-continue for the gateway (`listener` may be the TLS one). */
function keepHeadersAndContinue(listener: http.Server, isGatewayHost: EngineDispatch['isGatewayHost']): void {
  // Keep every header line (Node keeps ~1,000 by default and drops the rest unseen): the gateway
  // counts and measures them all; maxHeaderSize still bounds the header section.
  listener.maxHeadersCount = 0;
  // A client that asks before sending its body (Expect: 100-continue) is told to go on by the OpenAPI
  // only once its signature holds and its content-length fits; the gateway tells it at once.
  listener.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (isGatewayHost(req.headers.host)) res.writeContinue();
    listener.emit('request', req, res);
  });
}

/**
 * The http server of every engine process (the primary's public and internal ones, a gateway
 * process's): the same header limits and timeouts, the repeated-Host check and the dispatch.
 */
export function createEngineHttpServer(dispatch: EngineDispatch): http.Server {
  guardRegExpBacktracking();
  const { isGatewayHost, onGateway, onOpenApi, admit } = dispatch;
  // Node refuses headers past 16 KB with a bare 431; the gateway's own 8 KB limit must answer first.
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_SECTION_BYTES }, (req, res) => {
    if (admit && !admit(req, res)) return;
    if (isGatewayHost(req.headers.host)) return onGateway(req, res);
    // Node keeps the first of two Host lines: which one was meant is unknowable (the gateway refuses it too).
    const hosts = timesSent(req.rawHeaders, 'host');
    if (hosts > 1) return refuseRepeatedHost(req, res, hosts);
    onOpenApi(req, res);
  });
  keepHeadersAndContinue(server, (hostHeader) => isGatewayHost(hostHeader));
  return server;
}

/**
 * The embedded engine: one Node http server. A Host ending with `.fcapp.localhost`, or naming a
 * stored custom domain, is an HTTP trigger call; anything else is the FC OpenAPI 2023-03-30. Given
 * an HTTPS port, a second listener serves custom domains over TLS (tls-listener.ts). Given gateway
 * processes, the port's connections are dealt between this process and them (decision 044).
 */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  guardRegExpBacktracking();
  const store = options.store ?? openEngineStore(options.dataDir);
  const credentials = options.credentials ?? loadCredentials(options.dataDir);
  const region = options.region ?? ENGINE_DEFAULTS.region;
  const host = options.host ?? ENGINE_DEFAULTS.host;
  let port = options.port ?? ENGINE_DEFAULTS.port;

  // One context for every request (the port is known once listening): not an object per request.
  const context: EngineContext = { store, credentials, region, port };
  const deps = {
    store,
    credentials,
    region,
    port: () => port,
    onFunctionDeleted: options.onFunctionDeleted,
    afterConfigWrite: options.afterConfigWrite,
  };
  // The OpenAPI reads a body itself, after its signature; one it refused is not drained but lingered on.
  const openApi = getRequestListener(createOpenApiApp(deps, options.openApiExtensions).fetch, {
    autoCleanupIncoming: false,
  });
  const onTrigger = options.onTriggerRequest ?? noTriggerHandler;
  const isGatewayHost = gatewayHostCheck(store);
  const onGateway = triggerDispatch(onTrigger, context);
  const onOpenApi = (req: IncomingMessage, res: ServerResponse) => {
    lingerAfterEarlyAnswer(req, res);
    void openApi(req, res);
  };
  const dispatch: EngineDispatch = { isGatewayHost, onGateway, onOpenApi };

  const server = createEngineHttpServer(dispatch);
  // Custom domains over TLS; the OpenAPI is served over plain HTTP only.
  const tlsServer =
    options.httpsPort === undefined
      ? undefined
      : createTlsListener(
          {
            findDomain: (hostname) => store.findCustomDomainForHost(hostname),
            maxHeaderSize: MAX_HEADER_SECTION_BYTES,
            warn: (line) => console.warn(line),
          },
          (req, res) => (isGatewayHost(req.headers.host) ? onGateway(req, res) : noTriggerHandler(req, res)),
        );
  if (tlsServer) keepHeadersAndContinue(tlsServer, isGatewayHost);

  const shared = options.startGateways
    ? dealingListener(server, (admit) => createEngineHttpServer({ ...dispatch, admit }))
    : undefined;
  let httpsPort: number | undefined;
  try {
    await listen(shared?.dealer ?? server, port, host);
    if (tlsServer) await listen(tlsServer, options.httpsPort!, host);
    port = context.port = ((shared?.dealer ?? server).address() as AddressInfo).port;
    if (shared) await shared.start(port, options.startGateways!);
  } catch (error) {
    await shared?.close();
    server.close();
    tlsServer?.close();
    store.close();
    throw error;
  }
  if (tlsServer) httpsPort = (tlsServer.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await shared?.close();
      await Promise.all((tlsServer ? [server, tlsServer] : [server]).map(closeServer));
    })().finally(() => store.close()));

  return {
    ...context,
    url: `http://${urlHost(host)}:${port}`,
    ...(httpsPort === undefined ? {} : { httpsPort }),
    close,
  };
}
