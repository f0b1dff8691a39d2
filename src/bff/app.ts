import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ConnectionSource } from './connection';
import type { ConsoleStore } from './console-store/console-store';
import { lazyConsoleStore } from './console-store/default-store';
import { createFcCall, type FcCall } from './fc-client';
import { FcError } from './fc-error';
import { aliasRoutes } from './routes/aliases';
import { asyncTaskRoutes } from './routes/async-tasks';
import { codeRoutes } from './routes/code';
import { customDomainRoutes } from './routes/custom-domains';
import { customDomainRequestRoutes } from './routes/custom-domains-requests';
import { functionTemplateRoutes, type FlaskCheck } from './routes/function-templates';
import { functionRoutes } from './routes/functions';
import { invocationRoutes } from './routes/invocations';
import { recordedRequestRoutes } from './routes/recorded-requests';
import { requestMetricsRoutes } from './routes/request-metrics';
import { settingsRoutes } from './routes/settings';
import { snippetRoutes } from './routes/snippets';
import { testRequestRoutes } from './routes/test-requests';
import { triggerRoutes } from './routes/triggers';
import { versionRoutes } from './routes/versions';
import { regionScope } from './region-scope';
import { builtConsoleRoutes } from './static-files';
import { closeUnreadBody } from '../early-answer';
import { limitConsoleBodies } from './body-limit';
import { consoleAccessGuard, type ConsoleAccess } from './security/console-access';

export type BffOptions = {
  /** Where FC calls go: a fixed connection (tests) or one resolved per request (the local engine). */
  connection: ConnectionSource;
  /** Tests may replace the SDK call wrapper; by default it is built from `connection`. */
  fcCall?: FcCall;
  /** The built SPA (dist/web): served with an index.html fallback for the client-side routes. */
  staticDir?: string;
  /** Saved test requests and invocation history; default `<FC_CONSOLE_DATA>/console.db`, opened on first use. */
  consoleStore?: ConsoleStore;
  /** Whether the machine's python3 imports Flask; tests replace the real check. */
  flaskCheck?: FlaskCheck;
  /** Which hosts, origins and tokens may drive the console; startBff sets it from the environment. */
  access?: ConsoleAccess;
};

function apiRoutes(options: BffOptions) {
  const fcCall = options.fcCall ?? createFcCall(options.connection);
  const consoleStore = lazyConsoleStore(options.consoleStore);
  return new Hono()
    .use(closeUnreadBody)
    .use(consoleAccessGuard(options.access))
    .use('/api/*', limitConsoleBodies())
    .use('/api/*', regionScope())
    .route('/api/settings', settingsRoutes(options.connection, fcCall))
    .route('/api/function-templates', functionTemplateRoutes(options.connection, fcCall, options.flaskCheck))
    .route('/api/functions', functionRoutes(fcCall))
    .route('/api/functions/:functionName/code', codeRoutes(fcCall))
    .route('/api/functions/:functionName/triggers', triggerRoutes(fcCall))
    .route('/api/functions/:functionName/snippets', snippetRoutes(fcCall, options.connection))
    .route('/api/functions/:functionName/versions', versionRoutes(fcCall))
    .route('/api/functions/:functionName/aliases', aliasRoutes(fcCall))
    .route('/api/functions/:functionName/invocations', invocationRoutes(fcCall, options.connection, consoleStore))
    .route('/api/functions/:functionName/test-requests', testRequestRoutes(consoleStore))
    .route('/api/functions/:functionName/async-tasks', asyncTaskRoutes(fcCall))
    .route('/api/functions/:functionName/requests', recordedRequestRoutes(fcCall, options.connection))
    .route('/api/functions/:functionName/metrics', requestMetricsRoutes(fcCall, options.connection))
    .route('/api/custom-domains', customDomainRoutes(fcCall, options.connection))
    .route('/api/custom-domains/:domainName/requests', customDomainRequestRoutes(fcCall, options.connection));
}

export type AppType = ReturnType<typeof apiRoutes>;

function asFcError(err: Error): FcError {
  if (err instanceof FcError) return err;
  // Hono's own: a body that is not JSON, for one.
  if (err instanceof HTTPException && err.status < 500) return new FcError(err.status, 'InvalidArgument', err.message);
  console.error('bff: unexpected error:', err.message);
  return new FcError(500, 'InternalError', 'The console failed to complete the request.');
}

export function createBffApp(options: BffOptions) {
  const app = apiRoutes(options);

  app.onError((err, c) => {
    const error = asFcError(err);
    return c.json(error.toBody(), error.status as ContentfulStatusCode);
  });

  app.all('/api/*', (c) =>
    c.json({ code: 'RouteNotFound', message: `No console API at ${c.req.method} ${c.req.path}.` }, 404),
  );

  if (options.staticDir) app.route('/', builtConsoleRoutes(options.staticDir));
  return app;
}
