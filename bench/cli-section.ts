import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Section, Table } from "./section.js";

const CLI = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "cli", "main.js");
const QUESTION = "Comment refuser que X entraîne une IA avec mes posts ?";
const RUNS = 15;

/** `policybot ask` from a cold start: a new node process each time, as a user runs it. */
function coldStart(): Table {
  if (!existsSync(CLI)) throw new Error(`bench: ${CLI} is missing; build first (npm run build)`);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [CLI, "ask", "--json", QUESTION], { encoding: "utf8" });
    const ms = performance.now() - started;
    if (run.status !== 0 || !run.stdout.includes('"answered":true')) {
      throw new Error(`bench: policybot ask failed: ${run.stderr || run.stdout}`);
    }
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(RUNS / 2)] ?? 0;
  const max = times.at(-1) ?? 0;
  return {
    title: `policybot ask, cold start (${RUNS} runs, a new process each)`,
    columns: ["measure", "value", "target", "result"],
    rows: [
      ["p50", `${p50.toFixed(0)} ms`, "< 400 ms", p50 < 400 ? "met" : "MISSED"],
      ["max", `${max.toFixed(0)} ms`, "", ""],
    ],
    notes: [
      "process start to exit, answering one French question; uses the build's knowledge snapshot",
    ],
  };
}

export const cliSection: Section = {
  name: "cli (policybot ask from a cold start)",
  run: () => [coldStart()],
};
