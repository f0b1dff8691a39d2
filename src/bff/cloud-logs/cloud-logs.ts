import { resolveConnection, type ConnectionSource, type FcConnection } from '../connection';
import type { FcCall } from '../fc-client';
import { createLogStoreLookup } from './log-store';
import { createSlsReader, type LogStore, type SlsReader } from './sls-client';

/** What the cloud views need: FC (the function's log config, a trigger's qualifier) and GetLogs. */
export type CloudLogsContext = {
  fcCall: FcCall;
  getLogs: SlsReader;
  /** The connection of this request (its region) and the function's log store. */
  target: (functionName: string) => Promise<{ connection: FcConnection; store: LogStore }>;
};

/**
 * The Requests and Monitoring views in cloud mode, read from the function's request logs in Simple
 * Log Service (decision 9xx) with the region and credentials of the FC connection.
 */
export function createCloudLogs(fcCall: FcCall, source: ConnectionSource, getLogs: SlsReader = createSlsReader()) {
  const logStoreOf = createLogStoreLookup(fcCall);
  const context: CloudLogsContext = {
    fcCall,
    getLogs,
    target: async (functionName) => {
      const connection = await resolveConnection(source);
      return { connection, store: await logStoreOf(connection.region, functionName) };
    },
  };
  return context;
}
