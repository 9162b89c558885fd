import type { Message } from "discord.js";
import { answerQuestion, errorReply, helpReply, rateLimitedReply } from "../answer/index.js";
import type { Reply } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import type { ShellContext } from "./context.js";
import { discordErrorCode, isHarmlessDiscordError, newErrorRef } from "./errors.js";
import { recordQuestion } from "./questions.js";
import { renderReply } from "./render.js";

const HELP_WORDS = new Map<string, Locale>([
  ["help", "en"],
  ["/help", "en"],
  ["?", "en"],
  ["aide", "fr"],
  ["/aide", "fr"],
  ["aide-moi", "fr"],
]);

/** The question in a message, or null when the bot should stay silent. */
export function questionOf(
  message: { content: string; guildId: string | null; author: { bot: boolean } },
  botId: string,
  answerMentions: boolean,
): string | null {
  if (message.author.bot) return null;
  if (message.guildId === null) return message.content.trim();
  if (!answerMentions) return null;
  // Only an explicit mention in the text counts; a reply to the bot also "mentions" it.
  const mention = new RegExp(`<@!?${botId}>`, "g");
  if (!mention.test(message.content)) return null;
  return message.content.replace(mention, " ").trim();
}

/** The reply to a DM or mention; `question` is false for a call for help (nothing to record). */
export function replyToText(ctx: ShellContext, text: string): { reply: Reply; question: boolean } {
  const core = ctx.knowledge.current();
  const word = text
    .toLowerCase()
    .replace(/[!.]+$/, "")
    .trim();
  if (word === "") return { reply: helpReply(core, "en"), question: false };
  const helpLocale = HELP_WORDS.get(word);
  if (helpLocale) return { reply: helpReply(core, helpLocale), question: false };
  // No Discord locale on a message: the answer layer detects the question's language.
  return { reply: answerQuestion(core, text).reply, question: true };
}

export async function handleMessage(ctx: ShellContext, message: Message): Promise<void> {
  const botId = message.client.user?.id;
  if (!botId || message.author.id === botId) return;
  const question = questionOf(message, botId, ctx.config.answerMentions);
  if (question === null) return;
  // A DM with only an attachment or a sticker has no text: nothing to answer.
  if (message.guildId === null && question === "") return;
  const started = ctx.now();
  const log = ctx.logger.child({
    messageId: message.id,
    source: message.guildId ? "mention" : "dm",
    guildId: message.guildId,
  });
  let locale: Locale = "en";
  try {
    const decision = ctx.limiter.take(message.author.id);
    if (!decision.allowed) {
      log.info({ retryAfterMs: decision.retryAfterMs, notify: decision.notify }, "rate limited");
      // In a channel everyone would see the notice: say it once per window, then stay quiet.
      if (decision.notify) {
        const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
        await message.reply(
          renderReply(
            { ...rateLimitedReply(locale, seconds), ephemeral: false },
            { asMessageReply: true },
          ),
        );
      }
      return;
    }
    const { reply, question: isQuestion } = replyToText(ctx, question);
    locale = reply.locale;
    if (isQuestion) recordQuestion(ctx, log, question, reply, message.guildId);
    await message.reply(
      renderReply({ ...reply, ephemeral: false }, { userText: [question], asMessageReply: true }),
    );
    log.info(
      {
        topic: reply.topic,
        kind: reply.kind,
        locale: reply.locale,
        latencyMs: ctx.now() - started,
      },
      "answered",
    );
  } catch (error) {
    if (isHarmlessDiscordError(error)) {
      log.warn({ code: discordErrorCode(error), err: error }, "could not answer the message");
      return;
    }
    const ref = newErrorRef();
    log.error({ err: error, ref }, "handler failed");
    try {
      await message.reply(
        renderReply({ ...errorReply(locale, ref), ephemeral: false }, { asMessageReply: true }),
      );
    } catch (second) {
      log.warn(
        { err: second, ref, code: discordErrorCode(second) },
        "could not tell the user about the failure",
      );
    }
  }
}
