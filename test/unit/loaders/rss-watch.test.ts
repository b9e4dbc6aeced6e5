// The resident set watch (loaders/bulk/rss-watch.ts): a peak reached while the main thread is busy, and gone
// before it looks, is still what it reads; and each reader has its own "since my last read".
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../loaders/bulk/memory.js';
import { RssWatch } from '../../../loaders/bulk/rss-watch.js';

const MiB = 2 ** 20;
const watch = new RssWatch(2);
afterAll(() => watch.close());

/** 256 MiB touched and held while this thread spins for 500 ms, then let go. */
function spike(): void {
  let b: Buffer | undefined = Buffer.alloc(256 * MiB, 1);
  const until = Date.now() + 500;
  while (Date.now() < until) b[Math.floor(Math.random() * b.length)]!++;
  b = undefined;
}

describe('the resident set watch', () => {
  it('keeps the peak the main thread was too busy to see, for each reader until it reads', async () => {
    await sleep(100);
    collectGarbage();
    await sleep(200);
    watch.take(0);
    watch.take(1);
    const before = process.memoryUsage.rss();
    spike();
    collectGarbage();
    // The buffer's pages go back to the system once it is collected.
    for (let i = 0; i < 100 && process.memoryUsage.rss() > before + 64 * MiB; i++) await sleep(20);
    const after = process.memoryUsage.rss();
    expect(after).toBeLessThan(before + 64 * MiB);

    const first = watch.take(0);
    expect(first).toBeGreaterThan(before + 200 * MiB);
    // Read again, reader 0 sees only what came since; reader 1 has not read since the spike.
    await sleep(50);
    expect(watch.take(0)).toBeLessThan(before + 64 * MiB);
    expect(watch.take(1)).toBeGreaterThan(before + 200 * MiB);
  });
});
