import type { AsyncQueue, EnqueueInput } from '../async/async-queue';
import type { AsyncIntake } from '../gateway/accept-async';
import {
  ASYNC_BATCH_BYTES_MAX,
  ASYNC_BATCH_ITEMS_MAX,
  ASYNC_INTAKE_MESSAGE,
  parseWireItem,
  toWire,
  wireAnswersSchema,
  wireBatchSchema,
  type IntakeResult,
  type WireAnswer,
  type WireEnqueue,
} from './async-intake-wire';
import type { GatewayChannel } from './gateway-channel';

type Waiting = { item: WireEnqueue; resolve(result: IntakeResult): void; reject(error: unknown): void };

/**
 * A gateway process's async intake (decision 048): it runs the trigger pipeline itself and hands the
 * accepted request to the primary, the one writer of engine.db. The enqueues of one turn of the
 * event loop go in one channel request (bounded in items and bytes); the primary commits them in
 * its group commit and answers each once it is on disk, so a 202 still means durable. The primary
 * gone, the channel rejects at once and the gateway answers 500.
 */
export function enqueueOnPrimary(channel: GatewayChannel): AsyncIntake {
  let batch: Waiting[] = [];
  let bytes = 0;
  let scheduled = false;

  const send = () => {
    const sent = batch;
    batch = [];
    bytes = 0;
    if (sent.length === 0) return;
    channel
      .request(
        ASYNC_INTAKE_MESSAGE,
        sent.map((waiting) => waiting.item),
      )
      .then((answers) => {
        const results = wireAnswersSchema.parse(answers);
        if (results.length !== sent.length) throw new Error('The primary answered another number of enqueues');
        results.forEach((result, i) => {
          if ('failed' in result) sent[i]!.reject(new Error(result.failed));
          else sent[i]!.resolve(result);
        });
      })
      .catch((error: unknown) => {
        for (const waiting of sent) waiting.reject(error);
      });
  };
  const sendAtTurnEnd = () => {
    scheduled = false;
    send();
  };

  return {
    enqueue(input: EnqueueInput) {
      const { item, bytes: itemBytes } = toWire(input);
      if (batch.length >= ASYNC_BATCH_ITEMS_MAX || bytes + itemBytes > ASYNC_BATCH_BYTES_MAX) send();
      return new Promise<IntakeResult>((resolve, reject) => {
        batch.push({ item, resolve, reject });
        bytes += itemBytes;
        if (scheduled) return;
        scheduled = true;
        setImmediate(sendAtTurnEnd);
      });
    },
  };
}

/**
 * The primary's side: each batch a gateway process sends is parsed item by item (it comes from
 * another process) and enqueued in one turn, so they join one group commit; the answer, one result
 * per item, goes back once every item is settled. An item that does not parse, or whose commit
 * failed, fails alone: the others' 202s stand.
 */
export function acceptEnqueues(channel: GatewayChannel, queue: Pick<AsyncQueue, 'enqueue'>): void {
  channel.handle(ASYNC_INTAKE_MESSAGE, async (message) => {
    const batch = wireBatchSchema.safeParse(message);
    if (!batch.success) throw new Error('The primary refused an async batch that is not a list of enqueues');
    const settled = await Promise.allSettled(
      batch.data.map(async (item): Promise<WireAnswer> => {
        const input = parseWireItem(item);
        if (!input) return { failed: 'The primary refused an enqueue that does not parse' };
        const accepted = await queue.enqueue(input);
        return accepted.ok ? { ok: true, value: { taskId: accepted.value.taskId } } : accepted;
      }),
    );
    return settled.map((outcome): WireAnswer =>
      outcome.status === 'fulfilled' ? outcome.value : { failed: 'The primary could not commit the enqueue' },
    );
  });
}
