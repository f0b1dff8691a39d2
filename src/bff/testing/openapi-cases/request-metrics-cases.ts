import { describe, expect, it } from 'vitest';
import { openApiErrors } from '../../../contract/openapi-errors';
import { requestMetricsPath, requestMetricsSchema } from '../../../contract/recorded-request';
import { getEngineExtension } from '../../engine-extension';
import { createFunction, expectOpenApiError, failureOf, uniqueName, type TargetOf } from './target';

/** The engine's GetRequestMetrics (Monitoring): the buckets of each window, its input checked, 404 for no function. */
export function requestMetricsCases(target: TargetOf) {
  const metrics = (fn: string, query: Record<string, string> = {}) =>
    getEngineExtension(target().fcCall, 'GetRequestMetrics', requestMetricsPath(fn), query);

  describe('request metrics', () => {
    it('answers every bucket of the last hour and of the last day, empty for a function no one called', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const hour = requestMetricsSchema.parse(await metrics(fn));
      expect([hour.window, hour.bucketSeconds, hour.buckets.length]).toEqual(['1h', 60, 60]);
      const day = requestMetricsSchema.parse(await metrics(fn, { window: '1d', qualifier: 'LATEST' }));
      expect([day.window, day.bucketSeconds, day.buckets.length]).toEqual(['1d', 900, 96]);
      for (const { buckets, bucketSeconds } of [hour, day]) {
        expect(buckets.every((b) => b.invocations === 0 && b.p50Ms === undefined)).toBe(true);
        const starts = buckets.map((b) => Date.parse(b.start));
        expect(starts.slice(1).map((start, i) => start - starts[i]!)).toEqual(
          Array.from({ length: buckets.length - 1 }, () => bucketSeconds * 1000),
        );
        expect(Date.now() - starts.at(-1)!).toBeLessThan(bucketSeconds * 1000 + 5000);
      }
    });

    it('refuses a window it does not know with InvalidArgument', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const error = await failureOf(metrics(fn, { window: '2h' }));
      expect([error.status, error.code]).toEqual([400, 'InvalidArgument']);
    });

    it('answers 404 FunctionNotFound for a function that does not exist', async () => {
      const missing = uniqueName('missing');
      await expectOpenApiError(metrics(missing), openApiErrors.functionNotFound(missing));
    });
  });
}
