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
