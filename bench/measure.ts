import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
/** A handle on V8's collector, so heap figures are not noise from garbage. */
const collect: () => void = runInNewContext("gc");

export function heapUsed(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const i = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, i)] as number;
}

export function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3);
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** The first error a bot logged (pino JSON lines), so a failure count comes with its reason. */
export function firstLoggedError(lines: readonly string[]): string | null {
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as {
        level?: number;
        msg?: string;
        err?: { message?: string };
      };
      if ((entry.level ?? 0) >= 50) {
        return `${entry.msg ?? "error"}: ${entry.err?.message ?? "(no message)"}`.slice(0, 300);
      }
    } catch {
      // not a JSON line
    }
  }
  return null;
}
