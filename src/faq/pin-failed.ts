import type { FaqRecord } from "../store/index.js";
import { encodeReplacePin } from "./buttons.js";
import type { FaqDeps } from "./deps.js";
import { ft, languageName } from "./i18n.js";
import { jumpLink } from "./links.js";
import { topicTitle } from "./message.js";
import { DISCORD_CODES, type DiscordRefusal } from "./port.js";
import { type FaqReply, moderatorReply, refusalReason } from "./reply.js";
import type { FaqRequest } from "./request.js";

/** Snowflakes are numbers: a shorter id is an older one. */
function compareSnowflakes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The FAQ pin in this channel posted (or last updated) longest ago, other than `except`. */
export function oldestFaqPin(
  deps: FaqDeps,
  guildId: string,
  channelId: string,
  except: string,
): FaqRecord | undefined {
  return deps.store.faq
    .listByGuild(guildId, channelId)
    .filter((r) => r.pinned && r.messageId !== except)
    .sort((a, b) => a.postedAt - b.postedAt || compareSnowflakes(a.messageId, b.messageId))[0];
}

/**
 * Posted (or updated) but not pinned: say it in the title, say why, and for the pin limit
 * offer to swap out the oldest FAQ pin of this channel.
 */
export function pinFailedReply(
  deps: FaqDeps,
  request: FaqRequest,
  failure: { messageId: string; refusal: DiscordRefusal; head: string[]; tail: string[] },
): FaqReply {
  const { locale } = request;
  const guildId = request.guildId as string;
  const lines = [
    ...failure.head,
    ft(locale, "pinFailed", { reason: refusalReason(locale, failure.refusal) }),
  ];
  const reply = (extra: string[]): FaqReply =>
    moderatorReply(
      locale,
      "notice",
      ft(locale, "pinFailedTitle"),
      [...lines, ...extra, ...failure.tail].join("\n"),
    );
  if (failure.refusal.code !== DISCORD_CODES.pinLimit) return reply([ft(locale, "pinRetry")]);

  const oldest = oldestFaqPin(deps, guildId, request.channelId, failure.messageId);
  if (!oldest) return reply([ft(locale, "pinLimitNoFaq")]);
  const core = deps.core();
  const label = `[${topicTitle(core, oldest.topic, locale)} (${languageName(locale, oldest.lang)})](${jumpLink(oldest.guildId, oldest.channelId, oldest.messageId)})`;
  return {
    ...reply([ft(locale, "pinLimitReplace", { oldest: label })]),
    faqButtons: [
      {
        customId: encodeReplacePin(failure.messageId, oldest.messageId),
        label: ft(locale, "replaceButton"),
        style: "danger",
      },
    ],
  };
}
