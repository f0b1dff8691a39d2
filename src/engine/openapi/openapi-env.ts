import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { EngineCredentials } from '../credentials';
import type { EngineStore } from '../store/engine-store';

export type OpenApiDeps = {
  store: EngineStore;
  credentials: EngineCredentials;
  region: string;
  /** The port trigger URLs name: the engine's real listening port. */
  port: () => number;
  /** Told after DeleteFunction, so what other modules keep for the function (async tasks and configs) goes with it. */
  onFunctionDeleted?: (functionName: string) => void;
  /** Awaited before the answer to a call that wrote config goes out (gateway processes forget their cached config). */
  afterConfigWrite?: () => Promise<void>;
};

export type OpenApiEnv = {
  /** @hono/node-server passes the Node request; its `url` is the path exactly as sent. */
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse };
  Variables: { requestId: string; rawBody: Uint8Array };
};

export type OpenApiContext = Context<OpenApiEnv>;

/** A path parameter of the mount path (`/2023-03-30/functions/:functionName/...`). */
export function pathParam(c: OpenApiContext, name: string): string {
  return c.req.param(name) ?? '';
}
