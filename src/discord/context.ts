import type { Command } from "../../commands/index.js";
import type { Config } from "../config/index.js";
import type { FaqService, KnowledgeHolder } from "../faq/index.js";
import type { Logger } from "../log/index.js";
import type { Store } from "../store/index.js";
import type { RateLimiter } from "./rate-limit.js";

/** What the event handlers share; built once by startBot. */
export interface ShellContext {
  config: Config;
  /** The knowledge in service: read `knowledge.current()` per request, so a reload is seen. */
  knowledge: KnowledgeHolder;
  logger: Logger;
  commands: Map<string, Command>;
  /** FAQ records, feedback votes and asked questions. */
  store: Store;
  /** /faq, the "Answer with policybot" context menu and the `faq:` buttons. */
  faq: FaqService;
  limiter: RateLimiter;
  now: () => number;
  startedAt: number;
  botVersion: string;
  /** Runs an answer so shutdown can wait for it; refuses new work once stopping. */
  track(work: () => Promise<void>): Promise<void>;
}
