// Work in flight, bounded: `task(0)` … `task(count - 1)`, at most `limit` at a time, a new one
// started as soon as any finishes. Waves (start `limit`, wait for all, start the next) leave the
// pool idle while the slowest of each wave finishes; this keeps it full to the end.

/** Runs task(i) for every i below count, at most limit at once; rejects with the first failure, after which no new task starts. */
export async function forEachConcurrently(count: number, limit: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    try {
      while (next < count) await task(next++);
    } catch (error) {
      // The caller has its answer: the other lanes finish what they hold and take no more.
      next = count;
      throw error;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
}
