import type { Core } from "../core/core.js";
import type { Store } from "../store/index.js";
import type { FaqDiscordPort } from "./port.js";
import type { ReloadOutcome } from "./reload.js";

/** pino's shape, narrowed to what the FAQ feature logs. */
export interface FaqLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Everything the FAQ handlers use; built once by createFaqService. */
export interface FaqDeps {
  store: Pick<Store, "faq" | "questions" | "stats">;
  /** The knowledge in service right now (a reload swaps it). */
  core: () => Core;
  port: FaqDiscordPort;
  /** The only user allowed to run /faq reload (config OWNER_ID); null or absent disables it. */
  ownerId: string | null;
  now: () => number;
  /** Reloads the knowledge (KnowledgeHolder.reload); absent when the bot cannot reload. */
  reload: (() => ReloadOutcome) | null;
  logger: FaqLogger;
}
