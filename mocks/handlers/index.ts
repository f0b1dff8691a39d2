import { aliasHandlers } from './aliases';
import { customDomainHandlers } from './custom-domains';
import { engineHandlers } from './engine';
import { functionHandlers } from './functions';
import { invocationHandlers } from './invocations';
import { recordedRequestHandlers } from './recorded-requests';
import { requestMetricsHandlers } from './request-metrics';
import { slsHandlers } from '../sls-get-logs';
import { triggerHandlers } from './triggers';
import { versionHandlers } from './versions';

/** The FC OpenAPI 2023-03-30 as the bff's SDK calls it, on any host, and the local engine's extension. No signature checks. */
export const handlers = [
  ...functionHandlers,
  ...triggerHandlers,
  ...versionHandlers,
  ...aliasHandlers,
  ...invocationHandlers,
  ...engineHandlers,
  ...recordedRequestHandlers,
  ...requestMetricsHandlers,
  ...customDomainHandlers,
  ...slsHandlers,
];
