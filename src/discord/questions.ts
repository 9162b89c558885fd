import type { Reply } from "../core/reply.js";
import type { Logger } from "../log/index.js";
import type { Store } from "../store/index.js";
import type { ShellContext } from "./context.js";

/**
 * Remembers a question for /faq stats (text, topic, language, answered or not, and the server so
 * each server's moderators see only their own; never who asked). The store writes a burst of
 * them in one commit, off the path of the answers still waiting their turn. Statistics are a
 * nicety: a store failure is logged and the answer goes out anyway.
 */
export function recordQuestion(
  ctx: ShellContext,
  log: Logger,
  text: string,
  reply: Reply,
  guildId: string | null,
): void {
  try {
    ctx.store.questions.recordSoon(
      {
        text,
        topic: reply.topic,
        locale: reply.locale,
        answered: reply.kind === "answer",
        guildId,
        at: Date.now(),
      },
      (error, questions) =>
        ctx.logger.warn({ err: error, questions }, "could not record questions for stats"),
    );
  } catch (error) {
    log.warn({ err: error }, "could not record the question for stats");
  }
}

/** Writes the questions still queued; the bot calls it before closing a store it does not own. */
export function flushQuestions(store: Store, logger: Logger): void {
  try {
    store.questions.flush();
  } catch (error) {
    logger.warn({ err: error }, "could not record questions for stats");
  }
}
