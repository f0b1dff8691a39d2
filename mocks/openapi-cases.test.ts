import { beforeAll, describe } from 'vitest';
import { createFcCall } from '../src/bff/fc-client';
import { describeOpenApiCases, type OpenApiTarget } from '../src/bff/testing/openapi-cases/openapi-cases';
import { TEST_CONNECTION } from './bff-in-process';
import { useMockFc } from './use-mock-fc';

/** The shared OpenAPI cases against the MSW handlers: the bff's SDK client meets the mock on a `.test` host. */
describe('the FC OpenAPI the bff relies on: MSW mock', () => {
  useMockFc();
  const target = {} as OpenApiTarget;
  beforeAll(() => {
    target.fcCall = createFcCall(TEST_CONNECTION);
  });

  describeOpenApiCases(() => target);
});
