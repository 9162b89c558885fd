import dotenv from "dotenv";
import { type Config, envSchema, toConfig } from "./schema.js";

/** A configuration problem a person can fix by editing `.env`; the message names the key. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly keys: string[],
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: ConfigError };

/** Validates an environment (pure: pass `process.env` or a test's record). */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: toConfig(parsed.data) };
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "environment");
    return { key, text: `${key} ${issue.message}` };
  });
  const keys = [...new Set(problems.map((p) => p.key))];
  // One line, so it reads well in a terminal, a container log and a test.
  const message = `Configuration error: ${problems.map((p) => p.text).join("; ")}. See .env.example.`;
  return { ok: false, error: new ConfigError(message.replace(/\s*\n\s*/g, " "), keys) };
}

/**
 * Reads `.env` (without overriding variables already set) and validates the result.
 * dotenv stays quiet so a configuration error is the only line printed.
 */
export function loadConfig(options: { envFile?: string } = {}): ConfigResult {
  dotenv.config({ quiet: true, ...(options.envFile ? { path: options.envFile } : {}) });
  return parseConfig(process.env);
}
