import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { channelOver } from './gateway-channel';
import { channelPair } from './testing/channel-pair';

describe('the channel between gateway processes', () => {
  it('answers a request with what the other end handled, and an error with its message', async () => {
    const [primary, worker] = channelPair();
    primary.handle('cap.reserve', (payload) => ({ granted: (payload as { cap: number }).cap > 1 }));
    primary.handle('broken', () => Promise.reject(new Error('no room')));
    await expect(worker.request('cap.reserve', { cap: 2 })).resolves.toEqual({ granted: true });
    await expect(worker.request('cap.reserve', { cap: 1 })).resolves.toEqual({ granted: false });
    await expect(worker.request('broken')).rejects.toThrow('no room');
    await expect(worker.request('unknown')).rejects.toThrow('No gateway handler for unknown');
  });

  it('delivers notices in the order they were sent', async () => {
    const [primary, worker] = channelPair();
    const seen: unknown[] = [];
    primary.handle('log', (payload) => seen.push(payload));
    primary.handle('flush', () => seen.length);
    for (let i = 0; i < 5; i++) worker.notify('log', i);
    await expect(worker.request('flush')).resolves.toBe(5);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects what is pending when the other end goes away, and what is asked after', async () => {
    const pair = channelPair();
    const [primary, worker] = pair;
    primary.handle('slow', () => new Promise(() => {}));
    const asked = worker.request('slow');
    pair.disconnect();
    await expect(asked).rejects.toThrow('The other gateway is gone');
    await expect(worker.request('slow')).rejects.toThrow('The other gateway is gone');
    expect(primary.closed).toBe(true);
  });

  it('settles a bounded request with its fallback when the other end is slow, refuses or is gone, and drops a late answer', async () => {
    const pair = channelPair();
    const [primary, worker] = pair;
    let answerLate: (value: string) => void = () => {};
    primary.handle('slow', () => new Promise((resolve) => (answerLate = resolve)));
    primary.handle('broken', () => Promise.reject(new Error('no')));
    primary.handle('quick', () => 'answer');
    await expect(worker.requestWithin('quick', undefined, 1000, 'fallback')).resolves.toBe('answer');
    await expect(worker.requestWithin('slow', undefined, 20, 'fallback')).resolves.toBe('fallback');
    answerLate('too late'); // dropped: nothing is waiting for it any more
    await expect(worker.requestWithin('broken', undefined, 1000, 'fallback')).resolves.toBe('fallback');
    pair.disconnect();
    await expect(worker.requestWithin('quick', undefined, 1000, 'fallback')).resolves.toBe('fallback');
  });

  it('works over a real child process IPC channel', async () => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `process.on('message', (m) => m.k === 'q' && process.send({ k: 'a', id: m.id, ok: true, value: m.payload * 2 }));`,
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    const channel = channelOver(child);
    await expect(channel.request('double', 21)).resolves.toBe(42);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    await exited;
    expect(channel.closed).toBe(true);
  });
});
