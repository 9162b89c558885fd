import { describe, expect, it } from "vitest";
import { createGate } from "../../src/discord/gate.js";

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe("createGate", () => {
  it("runs at most `limit` tasks at once and starts the rest in arrival order", async () => {
    const gate = createGate(2);
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = blockers.map((b, i) =>
      gate.run(async () => {
        started.push(i);
        await b.promise;
        return i * 10;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.running).toBe(2);
    expect(gate.waiting).toBe(2);

    blockers[1]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    blockers[0]?.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    blockers[2]?.resolve();
    blockers[3]?.resolve();
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30]);
    expect(gate.running).toBe(0);
    expect(gate.waiting).toBe(0);
  });

  it("frees the place of a task that fails, and passes its error on", async () => {
    const gate = createGate(1);
    const failing = gate.run(async () => {
      throw new Error("handler bug");
    });
    const throwingSync = gate.run(() => {
      throw new Error("thrown before any await");
    });
    const next = gate.run(async () => "still served");
    await expect(failing).rejects.toThrow("handler bug");
    await expect(throwingSync).rejects.toThrow("thrown before any await");
    await expect(next).resolves.toBe("still served");
    expect(gate.running).toBe(0);
  });

  it("serves a long queue completely", async () => {
    const gate = createGate(3);
    let concurrent = 0;
    let most = 0;
    const done = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        gate.run(async () => {
          concurrent++;
          most = Math.max(most, concurrent);
          await tick();
          concurrent--;
          return i;
        }),
      ),
    );
    expect(done).toHaveLength(1_000);
    expect(done[999]).toBe(999);
    expect(most).toBe(3);
    expect(gate.waiting).toBe(0);
  });

  it("refuses a limit that would block everything", () => {
    expect(() => createGate(0)).toThrow(RangeError);
    expect(() => createGate(1.5)).toThrow(RangeError);
  });
});
