import { answerQuestion } from "../answer/index.js";
import type { Locale } from "../core/types.js";
import type { PermissionName } from "../store/permissions.js";
import type { FaqDeps } from "./deps.js";
import { checkBot } from "./guard.js";
import { ft } from "./i18n.js";
import { jumpLink } from "./links.js";
import { attempt } from "./port.js";
import { type FaqReply, moderatorReply, refusalReason } from "./reply.js";

/** The message context-menu command "Answer with policybot", as plain data. */
export interface AnswerMessageRequest {
  /** Language of the notes to the person who used the command. */
  locale: Locale;
  guildId: string | null;
  channelId: string;
  userId: string;
  /** `interaction.app_permissions` in this channel. */
  appPermissions: string;
  /** The chosen message (from the interaction's resolved data). */
  target: { id: string; content: string };
}

/** Replying to a message needs Read Message History on top of posting an embed. */
const REPLY_PERMISSIONS: readonly PermissionName[] = [
  "ViewChannel",
  "SendMessages",
  "EmbedLinks",
  "ReadMessageHistory",
];

/**
 * Answers the question in someone's message, publicly, as a reply to it (pinging no one),
 * in the language the message is written in. When nothing matches, nothing is posted: the
 * person who used the command gets the "what I can answer" list privately instead.
 * Returns the private note for the person who used the command.
 */
export async function answerMessage(
  deps: FaqDeps,
  request: AnswerMessageRequest,
): Promise<FaqReply> {
  const { locale } = request;
  if (!request.guildId) {
    return moderatorReply(
      locale,
      "notice",
      ft(locale, "emptyMessageTitle"),
      ft(locale, "dmUnavailable"),
    );
  }
  const content = typeof request.target?.content === "string" ? request.target.content : "";
  if (content.trim() === "") {
    return moderatorReply(
      locale,
      "notice",
      ft(locale, "emptyMessageTitle"),
      ft(locale, "emptyMessage"),
    );
  }
  const denied = checkBot({ ...request, memberPermissions: "0", options: {} }, REPLY_PERMISSIONS);
  if (denied) return denied;

  const { reply, result } = answerQuestion(deps.core(), content);
  const answered = reply.kind === "answer";
  try {
    deps.store.questions.record({
      text: content,
      topic: reply.topic,
      locale: reply.locale,
      answered,
      guildId: request.guildId,
    });
  } catch (error) {
    // Stats are a nicety; the answer matters more.
    deps.logger.warn({ err: error }, "faq: could not record the question");
  }
  if (!answered || !result) {
    return {
      ...reply,
      ephemeral: true,
      body: `*${ft(locale, "notAnsweredNote")}*\n\n${reply.body}`,
    };
  }
  const posted = await attempt(() =>
    deps.port.postMessage(
      request.channelId,
      { ...reply, ephemeral: false },
      { replyTo: request.target.id },
    ),
  );
  if (!posted.ok) {
    return moderatorReply(
      locale,
      "error",
      ft(locale, "postFailedTitle"),
      ft(locale, "postFailed", { reason: refusalReason(locale, posted.refusal) }),
    );
  }
  deps.logger.info(
    {
      guildId: request.guildId,
      channelId: request.channelId,
      topic: reply.topic,
      answerLocale: reply.locale,
    },
    "faq: answered a message",
  );
  const link = jumpLink(request.guildId, request.channelId, posted.value.id);
  return moderatorReply(
    locale,
    "info",
    ft(locale, "answeredTitle"),
    `${ft(locale, "answered")} [${ft(locale, "jump")}](${link})`,
  );
}
