import { createInstancePool } from '../../runtime/instance-pool';
import type { FunctionSpec } from '../../runtime/types';
import { channelOver } from '../gateway-channel';
import { capClient, serveCapReleases } from '../shared-cap';

/**
 * A gateway process reduced to its pool and the shared cap, for tests over real IPC: the parent asks
 * it to invoke (`test.invoke`) and owns the cap. argv[2] is its work dir.
 */
const channel = channelOver(process as Parameters<typeof channelOver>[0]);
const pool = createInstancePool({ workDir: process.argv[2]!, cap: capClient(channel) });
serveCapReleases(channel, pool);
channel.handle('test.invoke', async (payload) => {
  const { spec, event } = payload as { spec: FunctionSpec; event: string };
  const result = await pool.invokeEvent(spec, Buffer.from(event), `child-${Date.now()}`);
  return 'error' in result ? { error: result.error } : { body: result.body.toString() };
});
channel.handle('test.instances', () => pool.instances().length);
process.on('disconnect', () => void pool.close().then(() => process.exit(0)));
process.send!({ ready: true });
