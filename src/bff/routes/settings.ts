import { Hono } from 'hono';
import { consoleSettingsSchema } from '../../contract/console-api';
import { endpointUrl, resolveConnection, type ConnectionSource } from '../connection';

export function settingsRoutes(source: ConnectionSource) {
  return new Hono().get('/', async (c) => {
    const connection = await resolveConnection(source);
    // Picked field by field: the connection also holds the AccessKey secret.
    const settings = consoleSettingsSchema.parse({
      mode: connection.mode,
      region: connection.region,
      accountId: connection.accountId,
      ...(connection.mode === 'local' ? { engineUrl: endpointUrl(connection) } : {}),
    });
    return c.json(settings);
  });
}
