import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import { fcRegionSchema, REGION_HEADER } from '../contract/fc-regions';
import { invalidArgument } from './validation';

const scope = new AsyncLocalStorage<string>();

/**
 * Cloud mode's region selector: a request may name its region in `x-fc-console-region`, one of
 * FC's regions (anything else is 400). The cloud connection reads it while the request is served.
 */
export function regionScope(): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header(REGION_HEADER);
    if (header === undefined) return next();
    const parsed = fcRegionSchema.safeParse(header);
    if (!parsed.success) throw invalidArgument(parsed.error.issues, REGION_HEADER);
    return scope.run(parsed.data, next);
  };
}

/** The region the request being served asked for, if it named one. */
export function requestedRegion(): string | undefined {
  return scope.getStore();
}
