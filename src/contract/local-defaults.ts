/**
 * What `npm start` uses when nothing is set. The console, the engine, the bff's connection, the
 * dev server, the mocks and the tools all read these, so they agree without being told.
 */
export const LOCAL_DEFAULTS = {
  host: '127.0.0.1',
  consolePort: 3000,
  enginePort: 3001,
  dataDir: '.fc-console',
  region: 'cn-hangzhou',
} as const;
