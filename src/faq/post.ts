import type { Locale, TopicId } from "../core/types.js";
import type { FaqRecord } from "../store/index.js";
import { FAQ_POST_PERMISSIONS, type PermissionName } from "../store/permissions.js";
import type { FaqDeps } from "./deps.js";
import { checkBoth } from "./guard.js";
import { ft, languageName } from "./i18n.js";
import { channelMention, jumpLink } from "./links.js";
import { faqMessage, faqStoredVersion, topicTitle } from "./message.js";
import { pinFailedReply } from "./pin-failed.js";
import { attempt } from "./port.js";
import { type FaqReply, isGone, moderatorReply, refusalReason } from "./reply.js";
import { booleanOption, type FaqRequest, languageOption, topicOption } from "./request.js";
import { unknownTopicReply } from "./topic-check.js";

const WITHOUT_PIN: readonly PermissionName[] = FAQ_POST_PERMISSIONS.filter(
  (p) => p !== "PinMessages",
);

/**
 * /faq post topic [language] [pin]: one FAQ message per (channel, topic, language). Posting
 * again edits the recorded message in place; a message deleted by hand (10008) is forgotten
 * and a new one posted.
 *
 * Nothing is half-done silently: if the post succeeds but the pin is refused, the message
 * stays (so the moderator can replace the oldest FAQ pin with one button press, or fix the
 * permission and run the command again, which edits it and pins it), is recorded as not
 * pinned, and the reply says so in its title.
 */
export async function postFaq(deps: FaqDeps, request: FaqRequest): Promise<FaqReply> {
  const { locale } = request;
  const pin = booleanOption(request, "pin", true);
  const denied = checkBoth(request, pin ? FAQ_POST_PERMISSIONS : WITHOUT_PIN);
  if (denied) return denied;
  const guildId = request.guildId as string;
  const core = deps.core();
  const option = topicOption(request);
  if (!option.ok || !core.knowledge.topics.has(option.topic)) {
    return unknownTopicReply(locale, option.ok ? option.topic : option.raw);
  }
  const topic = option.topic;
  const lang = languageOption(request);
  const channelId = request.channelId;
  const message = faqMessage(core, topic, lang);
  const log = { guildId, channelId, topic, lang };

  const existing = deps.store.faq.get(channelId, topic, lang);
  let recreated = false;
  let messageId: string | null = null;
  if (existing) {
    const edit = await attempt(() => deps.port.editMessage(channelId, existing.messageId, message));
    if (edit.ok) {
      messageId = existing.messageId;
    } else if (isGone(edit.refusal)) {
      deps.store.faq.deleteByMessageId(existing.messageId);
      deps.logger.info(
        { ...log, messageId: existing.messageId },
        "faq: message deleted by hand, forgotten",
      );
      recreated = true;
    } else {
      return moderatorReply(
        locale,
        "error",
        ft(locale, "editFailedTitle"),
        ft(locale, "editFailed", { reason: refusalReason(locale, edit.refusal) }),
      );
    }
  }
  const edited = messageId !== null;
  if (messageId === null) {
    const posted = await attempt(() => deps.port.postMessage(channelId, message));
    if (!posted.ok) {
      const body = ft(locale, "postFailed", { reason: refusalReason(locale, posted.refusal) });
      return moderatorReply(
        locale,
        "error",
        ft(locale, "postFailedTitle"),
        recreated ? `${body}\n\n${ft(locale, "recreated")}` : body,
      );
    }
    messageId = posted.value.id;
  }

  const record = recordPost(
    deps,
    request,
    { topic, lang, messageId, pinned: edited && !!existing?.pinned },
    core,
  );
  if (!record.ok) {
    // Without a record the message could never be found again: take it back if we made it.
    if (!edited) await attempt(() => deps.port.deleteMessage(channelId, messageId)).catch(() => {});
    throw record.error;
  }
  deps.logger.info({ ...log, messageId, edited, recreated }, "faq: posted");

  const title = topicTitle(core, topic, locale);
  const facts = {
    title,
    lang: languageName(locale, lang),
    channel: channelMention(channelId),
  };
  const link = jumpLink(guildId, channelId, messageId);
  const head = [
    ft(locale, edited ? "updated" : "posted", facts),
    recreated ? ft(locale, "recreated") : "",
  ].filter(Boolean);
  const tail = [
    ft(locale, "versionLine", { version: core.knowledge.version }),
    `[${ft(locale, "jump")}](${link})`,
  ];

  if (!pin) {
    const state = ft(locale, edited ? "keptPinState" : "notPinnedByChoice");
    return moderatorReply(
      locale,
      "info",
      ft(locale, edited ? "updatedTitle" : "postedTitle"),
      [...head, state, ...tail].join("\n"),
    );
  }
  const pinned = await attempt(() => deps.port.pin(channelId, messageId));
  if (pinned.ok) {
    deps.store.faq.markPinned(messageId);
    return moderatorReply(
      locale,
      "info",
      ft(locale, edited ? "updatedTitle" : "postedTitle"),
      [...head, ft(locale, "pinnedNow"), ...tail].join("\n"),
    );
  }
  deps.logger.warn({ ...log, messageId, code: pinned.refusal.code }, "faq: pin refused");
  if (isGone(pinned.refusal)) deps.store.faq.deleteByMessageId(messageId);
  else deps.store.faq.markUnpinned(messageId);
  return pinFailedReply(deps, request, { messageId, refusal: pinned.refusal, head, tail });
}

function recordPost(
  deps: FaqDeps,
  request: FaqRequest,
  post: { topic: TopicId; lang: Locale; messageId: string; pinned: boolean },
  core: ReturnType<FaqDeps["core"]>,
): { ok: true; record: FaqRecord } | { ok: false; error: unknown } {
  try {
    const result = deps.store.faq.upsert({
      guildId: request.guildId as string,
      channelId: request.channelId,
      messageId: post.messageId,
      topic: post.topic,
      lang: post.lang,
      contentHash: faqStoredVersion(core, post.topic, post.lang),
      postedBy: request.userId,
      postedAt: deps.now(),
      pinned: post.pinned,
    });
    return { ok: true, record: result.record };
  } catch (error) {
    return { ok: false, error };
  }
}
