import { Hono } from 'hono';
import { consoleSettingsSchema } from '../../contract/console-api';
import { endpointUrl, resolveConnection, type ConnectionSource } from '../connection';
import { functionIsolation } from '../engine-sandbox';
import type { FcCall } from '../fc-client';

export function settingsRoutes(source: ConnectionSource, fcCall: FcCall) {
  return new Hono().get('/', async (c) => {
    const connection = await resolveConnection(source);
    const local = connection.mode === 'local';
    // Picked field by field: the connection also holds the AccessKey secret.
    const settings = consoleSettingsSchema.parse({
      mode: connection.mode,
      region: connection.region,
      accountId: connection.accountId,
      ...(local ? { engineUrl: endpointUrl(connection), ...(await functionIsolation(fcCall)) } : {}),
    });
    return c.json(settings);
  });
}
