import { afterAll, beforeAll, describe } from 'vitest';
// eslint-disable-next-line import-x/no-restricted-paths -- the shared cases run against a real engine, started as the conformance suite starts it
import { startHarness, type Harness } from '../engine/conformance/harness';
import { localConnection } from './connection';
import { createFcCall } from './fc-client';
import { describeOpenApiCases, type OpenApiTarget } from './testing/openapi-cases/openapi-cases';

/** The shared OpenAPI cases against a real engine, through the bff's own SDK client. */
describe('the FC OpenAPI the bff relies on: engine', () => {
  let harness: Harness;
  const target = {} as OpenApiTarget;
  beforeAll(async () => {
    harness = await startHarness();
    const { accessKeyId, accessKeySecret, accountId } = harness.engine.credentials;
    const connection = localConnection({
      endpoint: `127.0.0.1:${harness.engine.port}`,
      accessKeyId,
      accessKeySecret,
      region: 'cn-hangzhou',
      accountId,
    });
    target.fcCall = createFcCall(connection);
  });
  afterAll(() => harness.close());

  describeOpenApiCases(() => target);
});
