import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built bot entry, from dist/bench/discord/ to dist/src/discord/. */
export const BOT_ENTRY = fileURLToPath(new URL("../../src/discord/main.js", import.meta.url));

export interface BotProcess {
  pid: number;
  /** What the bot wrote on stdout/stderr (warnings and errors at LOG_LEVEL=warn). */
  output(): string;
  /** Resident set size now, from /proc/<pid>/status (null where /proc is missing). */
  rss(): MemoryFigures | null;
  /** CPU time the bot process has used so far (user + system), in ms; null if unreadable. */
  cpuMs(): number | null;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface MemoryFigures {
  rssBytes: number;
  /** Peak RSS since start (VmHWM). */
  peakBytes: number;
}

function kib(status: string, key: string): number | null {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
  return m?.[1] ? Number(m[1]) * 1024 : null;
}

/** utime + stime from /proc/<pid>/stat, in ms (clock ticks of 10 ms on Linux). */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may hold spaces, closed by the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

export function readMemory(pid: number): MemoryFigures | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssBytes = kib(status, "VmRSS");
    const peakBytes = kib(status, "VmHWM");
    return rssBytes === null ? null : { rssBytes, peakBytes: peakBytes ?? rssBytes };
  } catch {
    return null;
  }
}

/**
 * Starts the bot as production does (`node dist/src/discord/main.js`), in its own process and
 * an empty working folder so no developer's .env leaks in.
 */
export function spawnBot(env: Record<string, string>): BotProcess {
  if (!existsSync(BOT_ENTRY)) {
    throw new Error(`bench: ${BOT_ENTRY} is missing; build first (npm run build)`);
  }
  const cwd = mkdtempSync(join(tmpdir(), "policybot-bench-"));
  // BENCH_BOT_NODE_ARGS="--cpu-prof" and the like: profile or tune the bot without editing the bench.
  const nodeArgs = (process.env.BENCH_BOT_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, BOT_ENTRY], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: cwd, DATA_DIR: join(cwd, "data"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    // Bounded: a bot that logs every answer must not fill the bench's memory.
    if (output.length < 200_000) output += String(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
  });
  if (child.pid === undefined) throw new Error("bench: could not start the bot process");
  const pid = child.pid;
  return {
    pid,
    output: () => output,
    rss: () => readMemory(pid),
    cpuMs: () => readCpuMs(pid),
    async stop(graceMs = 5_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      rmSync(cwd, { recursive: true, force: true });
      return code;
    },
  };
}
