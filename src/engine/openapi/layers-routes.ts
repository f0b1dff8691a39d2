import { Hono } from 'hono';
import { FcError } from '../fc-error';
import { listLimitSchema } from '../../contract/list-query';
import { describeIssues } from '../../contract/validation-messages';
import { pathParam, type OpenApiEnv } from './openapi-env';

/**
 * Layers, as far as a deploy reads them: the engine holds none, so ListLayers answers an empty
 * list and a named layer or layer version is FC's 404 (LayerNotFound / LayerVersionNotFound, the
 * codes Terraform's alicloud_fcv3_layer_version reads as "gone").
 */
export function layersRoutes() {
  return new Hono<OpenApiEnv>()
    .get('/layers', (c) => {
      const limit = listLimitSchema.optional().safeParse(c.req.query('limit') || undefined);
      if (!limit.success) throw new FcError('InvalidArgument', describeIssues(limit.error.issues, 'limit'));
      return c.json({ layers: [] });
    })
    .get('/layers/:layerName/versions', (c) => {
      throw layerNotFound(pathParam(c, 'layerName'));
    })
    .get('/layers/:layerName/versions/:version', (c) => {
      throw layerNotFound(pathParam(c, 'layerName'));
    })
    .get('/layerarn/:arn', (c) => {
      throw new FcError('LayerVersionNotFound', `layer version "${pathParam(c, 'arn')}" does not exist`);
    });
}

function layerNotFound(layerName: string): FcError {
  return new FcError('LayerNotFound', `layer "${layerName}" does not exist`);
}
