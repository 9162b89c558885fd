import { createWriteStream, type WriteStream } from "node:fs";
import { Writable } from "node:stream";
import { LOG_LEVELS } from "../../config/index.js";
import { createLogger, type Logger } from "../../log/index.js";

const LEVEL_NAMES: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

/** Fields every line has; the compact form leaves them out. */
const NOISE = new Set(["level", "time", "pid", "hostname", "name", "msg"]);

/** One pino JSON line as one short human line, e.g. `[bot info] answered command=ask latencyMs=2`. */
export function compactLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return `[bot] ${json.trim()}`;
  }
  const level = LEVEL_NAMES[Number(entry.level)] ?? String(entry.level);
  const extras = Object.entries(entry)
    .filter(([key, value]) => !NOISE.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${key}=${typeof value === "object" ? JSON.stringify(value) : value}`);
  return [`[bot ${level}]`, String(entry.msg ?? ""), ...extras].join(" ");
}

export interface SandboxLogs {
  logger: Logger;
  close(): Promise<void>;
}

/**
 * The bot's logs must not garble the prompt: silent by default, compact lines on stderr with
 * --verbose, JSON lines appended to a file with --log.
 */
export function sandboxLogs(options: {
  verbose: boolean;
  logFile: string | null;
  envLevel: string | undefined;
  secrets: string[];
}): SandboxLogs {
  if (!options.verbose && !options.logFile) {
    return { logger: createLogger({ level: "silent" }), close: async () => {} };
  }
  const wanted = options.envLevel as (typeof LOG_LEVELS)[number] | undefined;
  const level = wanted && LOG_LEVELS.includes(wanted) && wanted !== "silent" ? wanted : "info";
  let file: WriteStream | null = null;
  if (options.logFile) {
    const path = options.logFile;
    file = createWriteStream(path, { flags: "a" });
    file.on("error", (error) => {
      // A bad --log path must not take the sandbox down: say so once, keep going without it.
      process.stderr.write(`sandbox: cannot write logs to ${path}: ${error.message}\n`);
      file = null;
    });
  }
  const destination = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      if (options.verbose) process.stderr.write(`${compactLine(text)}\n`);
      if (file) file.write(text);
      done();
    },
  });
  const logger = createLogger({ level, secrets: options.secrets, destination });
  return {
    logger,
    close: () =>
      new Promise<void>((resolve) => {
        if (!file) return resolve();
        file.end(() => resolve());
      }),
  };
}
