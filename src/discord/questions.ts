import type { Reply } from "../core/reply.js";
import type { Logger } from "../log/index.js";
import type { QuestionInput, Store } from "../store/index.js";
import type { ShellContext } from "./context.js";

/**
 * Questions waiting to be written, per store. Writing them together, once the current burst of
 * events has been handled, costs one commit instead of one per question, and keeps the store off
 * the path of the answers still waiting their turn.
 */
const pending = new WeakMap<Store, { inputs: QuestionInput[]; log: Logger }>();

/**
 * Remembers a question for /faq stats (text, topic, language, answered or not, and the server so
 * each server's moderators see only their own; never who asked). Statistics are a nicety: a store
 * failure is logged and the answer goes out anyway.
 */
export function recordQuestion(
  ctx: ShellContext,
  log: Logger,
  text: string,
  reply: Reply,
  guildId: string | null,
): void {
  const input: QuestionInput = {
    text,
    topic: reply.topic,
    locale: reply.locale,
    answered: reply.kind === "answer",
    guildId,
    at: Date.now(),
  };
  const queue = pending.get(ctx.store);
  if (queue) {
    queue.inputs.push(input);
    return;
  }
  pending.set(ctx.store, { inputs: [input], log });
  setImmediate(() => flushQuestions(ctx.store));
}

/** Writes what is waiting; the bot also calls it before closing the store. */
export function flushQuestions(store: Store): void {
  const queue = pending.get(store);
  if (!queue) return;
  pending.delete(store);
  try {
    store.questions.recordMany(queue.inputs);
  } catch (error) {
    queue.log.warn(
      { err: error, questions: queue.inputs.length },
      "could not record questions for stats",
    );
  }
}
