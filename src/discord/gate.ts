/**
 * Lets at most `limit` tasks run at once; the others wait their turn in arrival order.
 *
 * Why the bot needs one: Discord can deliver a thousand interactions in a few milliseconds.
 * Started all at once, each holds its rendered reply, request body and HTTP state until Discord
 * takes its callback, so memory grows with the burst and the garbage collector copies all of it
 * again and again. A waiting task holds only the interaction it will answer.
 */
export interface Gate {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks started and not yet settled. */
  readonly running: number;
  /** Tasks waiting for a free place. */
  readonly waiting: number;
}

export function createGate(limit: number): Gate {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`gate limit must be a positive integer, got ${limit}`);
  }
  let running = 0;
  // A queue with a moving head: Array#shift on a long queue would copy it on every start.
  let queue: ((() => void) | undefined)[] = [];
  let head = 0;

  const release = () => {
    running--;
    const next = queue[head];
    if (next === undefined) return;
    queue[head] = undefined; // let the finished waiter be collected
    head++;
    if (head === queue.length) {
      queue = [];
      head = 0;
    }
    next();
  };

  return {
    get running() {
      return running;
    },
    get waiting() {
      return queue.length - head;
    },
    run<T>(task: () => Promise<T>): Promise<T> {
      const start = (): Promise<T> => {
        running++;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        return result.finally(release);
      };
      if (running < limit) return start();
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          start().then(resolve, reject);
        });
      });
    },
  };
}
