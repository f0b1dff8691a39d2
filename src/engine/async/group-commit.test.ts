import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

/** A sync the test completes by hand, as a slow disk would. */
function manualSync() {
  const pending: Array<(error: Error | null) => void> = [];
  return {
    sync: (done: (error: Error | null) => void) => void pending.push(done),
    completeNext: () => pending.shift()?.(null),
    count: () => pending.length,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('answers the callers of one turn with one commit, and only once their sync has completed', async () => {
    const commits: string[][] = [];
    const disk = manualSync();
    const group = createGroupCommit((items: string[]) => {
      commits.push(items);
      return items.map((item) => item !== 'taken');
    }, disk.sync);
    const answered: Array<[string, boolean]> = [];
    for (const item of ['a', 'b', 'taken']) void group.add(item).then((committed) => answered.push([item, committed]));
    await tick();
    expect(commits).toEqual([['a', 'b', 'taken']]);
    await tick();
    expect(answered).toEqual([]);
    disk.completeNext();
    await tick();
    expect(answered).toEqual([
      ['a', true],
      ['b', true],
      ['taken', false],
    ]);
  });

  it('commits the next group while one is syncing, and drains only when every group is on disk', async () => {
    const commits: number[][] = [];
    const disk = manualSync();
    const group = createGroupCommit((items: number[]) => (commits.push(items), items.map(() => true)), disk.sync);
    const first = group.add(1);
    await tick();
    const second = group.add(2);
    await tick();
    expect(commits).toEqual([[1], [2]]);
    let drained = false;
    void group.drain().then(() => (drained = true));
    disk.completeNext();
    expect(await first).toBe(true);
    await tick();
    expect(drained).toBe(false);
    disk.completeNext();
    expect(await second).toBe(true);
    await tick();
    expect(drained).toBe(true);
  });

  it('rejects the callers of a group whose sync failed', async () => {
    const group = createGroupCommit(
      (items: number[]) => items.map(() => true),
      (done) => done(new Error('EIO')),
    );
    await expect(group.add(1)).rejects.toThrow('EIO');
  });
});
