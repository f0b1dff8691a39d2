import { monitorEventLoopDelay } from 'node:perf_hooks';
import { commitOnGateway } from '../async-intake';
import { channelOver, type ChannelEndpoint } from '../gateway-channel';

/**
 * The two-writer test's gateway process: commits `count` tasks through a gateway process's intake,
 * a few per turn as concurrent clients would, while the test's own process (the primary) enqueues
 * and runs tasks on the same database, woken over the IPC channel as by a real gateway process.
 * Prints one JSON line: how many were accepted, the refusals and errors, and the loop's longest stall.
 */
const [dataDir, count, prefix] = process.argv.slice(2) as [string, string, string];
const PER_TURN = 5;
const channel = channelOver(process as unknown as ChannelEndpoint);
const intake = commitOnGateway(dataDir, channel);
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const outcomes: Promise<string>[] = [];

function turn(from: number): void {
  for (let i = from; i < Math.min(from + PER_TURN, Number(count)); i++)
    outcomes.push(
      intake.enqueue({ functionName: 'fn', taskId: `${prefix}${i}`, kind: 'event', event: Buffer.from(`${i}`) }).then(
        (accepted) => (accepted.ok ? 'accepted' : accepted.error.code),
        (error: unknown) => String(error),
      ),
    );
  if (from + PER_TURN < Number(count)) setImmediate(turn, from + PER_TURN);
  else void report();
}

async function report() {
  const results = await Promise.all(outcomes);
  await intake.close();
  delay.disable();
  const accepted = results.filter((result) => result === 'accepted').length;
  const others = results.filter((result) => result !== 'accepted');
  process.stdout.write(`${JSON.stringify({ accepted, others: others.slice(0, 5), stallMs: delay.max / 1e6 })}\n`);
  process.disconnect();
}

turn(0);
