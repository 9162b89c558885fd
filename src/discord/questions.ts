import type { Reply } from "../core/reply.js";
import type { Logger } from "../log/index.js";
import type { ShellContext } from "./context.js";

/**
 * Remembers a question for /faq stats (text, topic, language, answered or not; never who asked
 * or where). Statistics are a nicety: a store failure is logged and the answer goes out anyway.
 */
export function recordQuestion(ctx: ShellContext, log: Logger, text: string, reply: Reply): void {
  try {
    ctx.store.questions.record({
      text,
      topic: reply.topic,
      locale: reply.locale,
      answered: reply.kind === "answer",
    });
  } catch (error) {
    log.warn({ err: error }, "could not record the question for stats");
  }
}
