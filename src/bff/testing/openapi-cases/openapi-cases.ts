import { functionCases } from './functions-cases';
import { gatewayCases } from './gateway-cases';
import { invokeCases } from './invoke-cases';
import { recordedRequestCases } from './recorded-requests-cases';
import type { TargetOf } from './target';
import { triggerCases } from './triggers-cases';
import { versionAliasCases } from './versions-aliases-cases';

export type { OpenApiTarget, TargetOf } from './target';

/**
 * The FC OpenAPI behaviour the bff relies on, written once and run against the engine
 * (src/bff/openapi-cases.engine.test.ts) and the MSW handlers (mocks/openapi-cases.test.ts).
 */
export function describeOpenApiCases(target: TargetOf) {
  functionCases(target);
  triggerCases(target);
  versionAliasCases(target);
  invokeCases(target);
  gatewayCases(target);
  recordedRequestCases(target);
}
