import type { Command } from "../../commands/index.js";
import type { Config } from "../config/index.js";
import type { Core } from "../core/core.js";
import type { Logger } from "../log/index.js";
import type { RateLimiter } from "./rate-limit.js";

/** What the event handlers share; built once by startBot. */
export interface ShellContext {
  config: Config;
  core: Core;
  logger: Logger;
  commands: Map<string, Command>;
  limiter: RateLimiter;
  now: () => number;
  startedAt: number;
  botVersion: string;
  /** Runs an answer so shutdown can wait for it; refuses new work once stopping. */
  track(work: () => Promise<void>): Promise<void>;
}
