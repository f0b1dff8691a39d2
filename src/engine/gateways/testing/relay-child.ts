// A gateway process's relay alone, for relay.test.ts: started with `--import tsx` and an IPC channel
// (Node's default JSON serialization, as the engine forks its gateway processes).
import { sendObserved } from '../../recording/testing/observed-requests';
import { channelOver, type ChannelEndpoint } from '../gateway-channel';
import { relayToPrimary } from '../relay';

const channel = channelOver(process as unknown as ChannelEndpoint);
const relay = relayToPrimary(channel, { limits: { perFunction: 100, totalBytes: 1024 * 1024 } });

channel.handle('test.send', (count) =>
  sendObserved(relay.recorder.gateway!, count as number, {
    beforeAnswer: (requestId) => relay.logs.record('fn', requestId, `log of ${requestId}\n`),
  }),
);
process.on('disconnect', () => process.exit(0));
