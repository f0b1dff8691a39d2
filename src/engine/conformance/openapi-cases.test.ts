import { afterAll, beforeAll, describe } from 'vitest';
import { localConnection } from '../../bff/connection';
import { createFcCall } from '../../bff/fc-client';
import { describeOpenApiCases, type OpenApiTarget } from '../../bff/testing/openapi-cases/openapi-cases';
import { startHarness, type Harness } from './harness';

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
