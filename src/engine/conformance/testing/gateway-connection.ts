import http from 'node:http';
import type { Duplex } from 'node:stream';
import { processesOf } from '../engine-process';
import { call } from '../harness';
import { descendsFrom } from './process-tree';

/** A function nothing else calls, answering a sync request, and its trigger URL on the engine's port. */
export type Probe = { functionName: string; url: string };

const ATTEMPTS = 8;

/**
 * An agent holding one keep-alive connection that the given gateway process serves (decision 044:
 * connections are dealt in turn, so which process gets a new one depends on every connection made
 * before). Each candidate connection sends the probe a sync request; an instance runs under the
 * process that served the request that started it, so the first candidate after which the probe
 * has an instance under the gateway process is its connection. The agent refuses to open another
 * one: a request sent on it reaches that process or fails.
 */
export async function connectionServedBy(gatewayPid: number, probe: Probe): Promise<http.Agent> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const agent = oneConnectionAgent();
    const reply = await call(probe.url, { agent });
    if (reply.status !== 200) throw new Error(`the probe answered ${reply.status}: ${reply.text}`);
    if (processesOf(probe.functionName).some((pid) => descendsFrom(pid, gatewayPid))) return agent;
    agent.destroy();
  }
  throw new Error(`no connection of ${ATTEMPTS} reached the gateway process ${gatewayPid}`);
}

function oneConnectionAgent(): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const open = (agent as AgentWithConnect).createConnection.bind(agent);
  let opened = 0;
  (agent as AgentWithConnect).createConnection = (options, callback) => {
    if (++opened > 1) throw new Error('the pinned connection was closed: a new one may reach another process');
    return open(options, callback);
  };
  return agent;
}

type AgentWithConnect = http.Agent & {
  createConnection(options: unknown, callback?: (error: Error | null, socket: Duplex) => void): Duplex;
};
