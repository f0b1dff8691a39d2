import type { AsyncQueue, EnqueueInput } from '../async/async-queue';
import type { AsyncIntake } from '../gateway/accept-async';
import {
  ASYNC_BATCH_BYTES_MAX,
  ASYNC_BATCH_ITEMS_MAX,
  ASYNC_INTAKE_MESSAGE,
  fromWire,
  toWire,
  wireAnswersSchema,
  wireBatchSchema,
  type IntakeResult,
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
        for (let i = 0; i < sent.length; i++) sent[i]!.resolve(results[i]!);
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
 * The primary's side: each batch a gateway process sends is parsed (it comes from another process)
 * and enqueued item by item in one turn, so they join one group commit; the answer, one result per
 * item, goes back once all are on disk. A batch that does not parse is refused whole.
 */
export function acceptEnqueues(channel: GatewayChannel, queue: Pick<AsyncQueue, 'enqueue'>): void {
  channel.handle(ASYNC_INTAKE_MESSAGE, (message) => {
    const batch = wireBatchSchema.safeParse(message);
    // Refused with a short reason: the issues of 256 items would travel back whole.
    if (!batch.success) throw new Error('The primary refused an async batch that does not parse');
    return Promise.all(
      batch.data.map(async (item): Promise<IntakeResult> => {
        const accepted = await queue.enqueue(fromWire(item));
        return accepted.ok ? { ok: true, value: { taskId: accepted.value.taskId } } : accepted;
      }),
    );
  });
}
