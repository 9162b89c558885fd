import type { Core } from "../core/core.js";
import { DISCORD_LIMITS } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import type { FaqRecord } from "../store/index.js";
import type { FaqDeps } from "./deps.js";
import { checkModerator } from "./guard.js";
import { decodeFaqVersion, isOutdated } from "./hash.js";
import { ft, languageName } from "./i18n.js";
import { channelMention, jumpLink } from "./links.js";
import { topicTitle } from "./message.js";
import { type FaqReply, moderatorReply } from "./reply.js";
import type { FaqRequest } from "./request.js";

/** A FAQ record as /faq list shows it. */
export interface FaqListEntry {
  record: FaqRecord;
  /** Knowledge version the message was written from ("?" when unknown). */
  version: string;
  outdated: boolean;
  link: string;
}

export function faqEntries(core: Core, records: readonly FaqRecord[]): FaqListEntry[] {
  return records.map((record) => ({
    record,
    version: decodeFaqVersion(record.contentHash).version,
    outdated: isOutdated(core, record.topic, record.lang, record.contentHash),
    link: jumpLink(record.guildId, record.channelId, record.messageId),
  }));
}

/** /faq list: this server's FAQ messages, outdated ones marked. */
export function listFaq(deps: FaqDeps, request: FaqRequest): FaqReply {
  const { locale } = request;
  const denied = checkModerator(request);
  if (denied) return denied;
  const core = deps.core();
  const entries = faqEntries(core, deps.store.faq.listByGuild(request.guildId as string));
  if (entries.length === 0) {
    return moderatorReply(locale, "info", ft(locale, "listTitle"), ft(locale, "listEmpty"));
  }
  const outdated = entries.filter((e) => e.outdated).length;
  const summary =
    outdated > 0
      ? ft(locale, "listSummaryOutdated", {
          outdated,
          total: entries.length,
          version: core.knowledge.version,
        })
      : ft(locale, "listSummaryCurrent", {
          total: entries.length,
          version: core.knowledge.version,
        });
  // Outdated first: they are what a moderator came to see.
  const ordered = [...entries].sort((a, b) => Number(b.outdated) - Number(a.outdated));
  const lines = ordered.map((entry) => entryLine(core, entry, locale));
  return moderatorReply(locale, "info", ft(locale, "listTitle"), fitLines(summary, lines, locale));
}

function entryLine(core: Core, entry: FaqListEntry, locale: Locale): string {
  const { record } = entry;
  const marks = [
    entry.outdated ? ft(locale, "listOutdated") : "",
    record.pinned ? "" : ft(locale, "listNotPinned"),
  ]
    .filter(Boolean)
    .join(" · ");
  const line = ft(locale, "listLine", {
    channel: channelMention(record.channelId),
    title: topicTitle(core, record.topic, locale),
    lang: languageName(locale, record.lang),
    version: entry.version.replace(/`/g, ""),
    link: entry.link,
  });
  return `• ${line}${marks ? ` · ${marks}` : ""}`;
}

/** As many whole lines as fit in an embed description, then how many were left out. */
export function fitLines(head: string, lines: string[], locale: Locale): string {
  const max = DISCORD_LIMITS.embedDescription - 40;
  let text = head;
  for (let i = 0; i < lines.length; i++) {
    const next = `${text}\n${lines[i]}`;
    if (next.length > max) return `${text}\n${ft(locale, "listMore", { count: lines.length - i })}`;
    text = next;
  }
  return text;
}
