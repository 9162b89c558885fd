import type { Reply } from "../core/reply.js";
import type { Logger } from "../log/index.js";
import type { ShellContext } from "./context.js";

/**
 * Remembers a question for /faq stats (text, topic, language, answered or not, and the server so
 * each server's moderators see only their own; never who asked). The store writes a burst of
 * them in one commit, off the path of the answers still waiting their turn, and logs a failed
 * write. Statistics are a nicety: the answer goes out anyway.
 */
export function recordQuestion(
  ctx: ShellContext,
  log: Logger,
  text: string,
  reply: Reply,
  guildId: string | null,
): void {
  try {
    ctx.store.questions.recordSoon({
      text,
      topic: reply.topic,
      locale: reply.locale,
      answered: reply.kind === "answer",
      guildId,
      at: Date.now(),
    });
  } catch (error) {
    log.warn({ err: error }, "could not record the question for stats");
  }
}
