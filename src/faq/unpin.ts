import type { FaqDeps } from "./deps.js";
import { checkBoth } from "./guard.js";
import { ft, languageName } from "./i18n.js";
import { channelMention, jumpLink } from "./links.js";
import { topicTitle } from "./message.js";
import { attempt } from "./port.js";
import { type FaqReply, isGone, moderatorReply, refusalReason } from "./reply.js";
import { type FaqRequest, languageOption, topicOption } from "./request.js";
import { unknownTopicReply } from "./topic-check.js";

/** /faq unpin topic [language]: the message stays (and stays recorded); only the pin goes. */
export async function unpinFaq(deps: FaqDeps, request: FaqRequest): Promise<FaqReply> {
  const { locale } = request;
  const denied = checkBoth(request, ["ViewChannel", "PinMessages"]);
  if (denied) return denied;
  const option = topicOption(request);
  if (!option.ok) return unknownTopicReply(locale, option.raw);
  const topic = option.topic;
  const lang = languageOption(request);
  const core = deps.core();
  const facts = {
    title: topicTitle(core, topic, locale),
    lang: languageName(locale, lang),
    channel: channelMention(request.channelId),
  };
  const record = deps.store.faq.get(request.channelId, topic, lang);
  if (!record || record.guildId !== request.guildId) {
    return moderatorReply(
      locale,
      "notice",
      ft(locale, "noFaqHereTitle"),
      ft(locale, "noFaqHere", facts),
    );
  }
  const result = await attempt(() => deps.port.unpin(record.channelId, record.messageId));
  if (!result.ok) {
    if (isGone(result.refusal)) {
      deps.store.faq.deleteByMessageId(record.messageId);
      deps.logger.info(
        { guildId: record.guildId, messageId: record.messageId },
        "faq: message deleted by hand, forgotten",
      );
      return moderatorReply(locale, "notice", ft(locale, "goneTitle"), ft(locale, "gone"));
    }
    return moderatorReply(
      locale,
      "error",
      ft(locale, "unpinFailedTitle"),
      ft(locale, "unpinFailed", { reason: refusalReason(locale, result.refusal) }),
    );
  }
  deps.store.faq.markUnpinned(record.messageId);
  deps.logger.info(
    { guildId: record.guildId, channelId: record.channelId, topic, lang },
    "faq: unpinned",
  );
  const link = jumpLink(record.guildId, record.channelId, record.messageId);
  return moderatorReply(
    locale,
    "info",
    ft(locale, "unpinnedTitle"),
    `${ft(locale, "unpinned", facts)}\n[${ft(locale, "jump")}](${link})`,
  );
}
