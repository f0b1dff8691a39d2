// A gateway process's relay alone, for relay.test.ts: started with `--import tsx` and an IPC channel
// (Node's default JSON serialization, as the engine forks its gateway processes).
import { sendObserved } from '../../recording/testing/observed-requests';
import { channelOver, type ChannelEndpoint } from '../gateway-channel';
import { relayToPrimary } from '../relay';

const channel = channelOver(process as unknown as ChannelEndpoint);
const relay = relayToPrimary(channel, { limits: { perFunction: 100, totalBytes: 1024 * 1024 } });

const send = (count: number) =>
  sendObserved(relay.recorder.gateway!, count, {
    beforeAnswer: (requestId) => relay.logs.record('fn', requestId, `log of ${requestId}\n`),
  });
channel.handle('test.send', (count) => send(count as number));
// As a gateway process closes: its server is done, and it exits as soon as the relay has closed.
channel.handle('test.send-and-exit', async (count) => {
  await send(count as number);
  await relay.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
