import { Hono } from 'hono';
import { concurrencyRoutes } from './concurrency-routes';
import { layersRoutes } from './layers-routes';
import type { OpenApiDeps, OpenApiEnv } from './openapi-env';
import { provisionScalingRoutes } from './provision-scaling-routes';
import { tagsRoutes } from './tags-routes';
import { vpcBindingsRoutes } from './vpc-bindings-routes';

/**
 * The rest of the function's API that clients call on deploy and remove (Serverless Devs fc3,
 * Terraform): concurrency, provision and scaling configs, VPC bindings, tags and layers. Mounted
 * at `/2023-03-30`. Function deletion takes their rows with it (ON DELETE CASCADE).
 */
export function functionResourcesRoutes(deps: OpenApiDeps) {
  return new Hono<OpenApiEnv>()
    .route('/', concurrencyRoutes(deps))
    .route('/', provisionScalingRoutes(deps))
    .route('/', vpcBindingsRoutes(deps))
    .route('/', tagsRoutes(deps))
    .route('/', layersRoutes());
}
