import { resolveConnection, type ConnectionSource, type FcConnection } from '../connection';
import type { FcCall } from '../fc-client';
import { createLogStoreLookup, createTriggerQualifierLookup } from './log-store';
import { createSlsReader, type LogStore, type SlsReader } from './sls-client';

/** What the cloud views need: GetLogs, and from FC the function's log config and a trigger's qualifier. */
export type CloudLogsContext = {
  getLogs: SlsReader;
  /** The connection of this request (its region) and the function's log store. */
  target: (functionName: string) => Promise<{ connection: FcConnection; store: LogStore }>;
  /** The qualifier a trigger invokes, in the region of this request. */
  triggerQualifier: (functionName: string, triggerName: string) => Promise<string | undefined>;
};

/**
 * The Requests and Monitoring views in cloud mode, read from the function's request logs in Simple
 * Log Service (decision 024) with the region and credentials of the FC connection.
 */
export function createCloudLogs(fcCall: FcCall, source: ConnectionSource, getLogs: SlsReader = createSlsReader()) {
  const logStoreOf = createLogStoreLookup(fcCall);
  const qualifierOf = createTriggerQualifierLookup(fcCall);
  const context: CloudLogsContext = {
    getLogs,
    target: async (functionName) => {
      const connection = await resolveConnection(source);
      return { connection, store: await logStoreOf(connection.region, functionName) };
    },
    triggerQualifier: async (functionName, triggerName) =>
      qualifierOf((await resolveConnection(source)).region, functionName, triggerName),
  };
  return context;
}
