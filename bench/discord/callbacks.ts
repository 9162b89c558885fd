import type { EmulatorEvent } from "../../src/sandbox/emulator/index.js";

/** How the bot acknowledged one interaction, as the emulator saw it. */
export interface CallbackSeen {
  /** performance.now() when the emulator accepted the callback request. */
  at: number;
  /** Only the asker sees it: for /ask that means a rate-limit notice or the error reply. */
  ephemeral: boolean;
}

const EPHEMERAL = 1 << 6;
const CALLBACK_ROUTE = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

/**
 * Hooks the emulator's log: the time of each accepted interaction callback, and the refused
 * ones (e.g. 10062 after the 3 s deadline). The clock is read in the hook, so the figure is
 * "INTERACTION_CREATE sent → callback request arrived", not when a test polled for it.
 */
export class CallbackClock {
  readonly seen = new Map<string, CallbackSeen>();
  /** Callback requests the emulator refused, by HTTP status. */
  readonly refused = new Map<number, number>();
  readonly #waiters = new Map<string, () => void>();
  readonly #times = new Map<string, number>();

  readonly log = (event: EmulatorEvent): void => {
    if (event.type === "interaction.callback") {
      this.#times.set(event.interactionId, performance.now());
      return;
    }
    if (event.type !== "request") return;
    const id = CALLBACK_ROUTE.exec(event.request.route)?.[1];
    if (!id) return;
    const status = event.request.status ?? 0;
    const at = this.#times.get(id);
    if (status >= 300 || at === undefined) {
      this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
      return;
    }
    const data = (event.request.body as { data?: { flags?: number } } | undefined)?.data;
    this.seen.set(id, { at, ephemeral: ((data?.flags ?? 0) & EPHEMERAL) !== 0 });
    this.#waiters.get(id)?.();
  };

  /** Resolves with the callback once seen, or null after `timeoutMs`. */
  wait(id: string, timeoutMs: number): Promise<CallbackSeen | null> {
    const already = this.seen.get(id);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(id);
        resolve(null);
      }, timeoutMs);
      this.#waiters.set(id, () => {
        clearTimeout(timer);
        this.#waiters.delete(id);
        resolve(this.seen.get(id) ?? null);
      });
    });
  }

  refusedText(): string {
    if (this.refused.size === 0) return "none";
    return [...this.refused].map(([status, n]) => `${n}× HTTP ${status}`).join(", ");
  }
}
