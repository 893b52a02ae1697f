// forEachConcurrently, which the batch signs with: every index once, never more than the limit in
// flight, the pool kept full (a slow task does not hold the others back), the first failure reported.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forEachConcurrently } from "../../src/core/concurrency.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("forEachConcurrently", () => {
  it("runs every index once, with at most `limit` in flight", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }), async (count, limit, delays) => {
        const seen: number[] = [];
        let inFlight = 0;
        let most = 0;
        await forEachConcurrently(count, limit, async (i) => {
          most = Math.max(most, ++inFlight);
          await tick(delays[i]!);
          seen.push(i);
          inFlight--;
        });
        expect(seen.sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
        expect(most).toBe(Math.min(limit, count));
      }),
      { numRuns: 40 },
    );
  });

  it("starts the next task as soon as one finishes, not when the slowest of a wave does", async () => {
    const started: number[] = [];
    const slow = forEachConcurrently(6, 2, async (i) => {
      started.push(i);
      await tick(i === 0 ? 60 : 1);
    });
    await tick(30);
    // Task 0 is still running; the other lane has gone through 1 to 5 meanwhile.
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    await slow;
  });

  it("rejects with the first failure, and starts nothing after it", async () => {
    const started: number[] = [];
    const run = forEachConcurrently(100, 3, async (i) => {
      started.push(i);
      if (i === 4) throw new Error("row 4");
      await tick(1);
    });
    await expect(run).rejects.toThrow("row 4");
    await tick(20);
    // The two other lanes were holding one task each when 4 failed.
    expect(started.length).toBeLessThanOrEqual(7);
  });
});
