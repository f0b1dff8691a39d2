import type { ConsoleErrorCode } from './console-errors';

/** Why the bff refused a request before any handler ran: their status and text are in console-errors.ts. */
export type ConsoleAccessErrorCode = Extract<
  ConsoleErrorCode,
  'ForbiddenHost' | 'CrossOriginRequest' | 'JsonContentTypeRequired' | 'ConsoleTokenRequired' | 'ConsoleTokenInvalid'
>;

/** The query parameter of the link the console prints in token mode: `http://host:port/?token=…`. */
export const CONSOLE_TOKEN_PARAM = 'token';
