import { DISCORD_LIMITS, type ReplyField } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import type { FaqRecord } from "../store/index.js";
import type { FaqDeps } from "./deps.js";
import { checkModerator } from "./guard.js";
import { currentFaqHash, decodeFaqVersion } from "./hash.js";
import { ft, languageName } from "./i18n.js";
import { channelMention } from "./links.js";
import { faqMessage, faqStoredVersion, topicTitle } from "./message.js";
import { attempt, type DiscordRefusal } from "./port.js";
import { reconcileFaq } from "./reconcile.js";
import { type FaqReply, isGone, moderatorReply, refusalReason } from "./reply.js";
import type { FaqRequest } from "./request.js";

export interface RefreshReport {
  updated: { record: FaqRecord; from: string; to: string }[];
  current: FaqRecord[];
  dropped: FaqRecord[];
  unpinned: FaqRecord[];
  failed: { record: FaqRecord; refusal: DiscordRefusal }[];
}

/**
 * Reconciles the guild's records with Discord, then edits every outdated FAQ message in
 * place to the current knowledge. Each message is its own step: one refusal does not stop
 * the others, and the record is only updated after its edit succeeded.
 */
export async function refreshGuild(
  deps: FaqDeps,
  guildId: string,
  userId: string,
): Promise<RefreshReport> {
  const core = deps.core();
  const reconciled = await reconcileFaq(deps, guildId);
  const report: RefreshReport = {
    updated: [],
    current: [],
    dropped: reconciled.dropped,
    unpinned: reconciled.unpinned,
    failed: [...reconciled.unreachable],
  };
  for (const record of reconciled.present) {
    const hash = currentFaqHash(core, record.topic, record.lang);
    if (hash === undefined) continue; // a topic no longer in the knowledge has nothing to show
    if (hash === decodeFaqVersion(record.contentHash).hash) {
      report.current.push(record);
      continue;
    }
    const edit = await attempt(() =>
      deps.port.editMessage(
        record.channelId,
        record.messageId,
        faqMessage(core, record.topic, record.lang),
      ),
    );
    if (!edit.ok) {
      if (isGone(edit.refusal)) {
        deps.store.faq.deleteByMessageId(record.messageId);
        report.dropped.push(record);
      } else report.failed.push({ record, refusal: edit.refusal });
      continue;
    }
    deps.store.faq.upsert({
      guildId: record.guildId,
      channelId: record.channelId,
      messageId: record.messageId,
      topic: record.topic,
      lang: record.lang,
      contentHash: faqStoredVersion(core, record.topic, record.lang),
      postedBy: userId,
      postedAt: deps.now(),
      pinned: record.pinned,
    });
    report.updated.push({
      record,
      from: decodeFaqVersion(record.contentHash).version,
      to: core.knowledge.version,
    });
  }
  deps.logger.info(
    {
      guildId,
      updated: report.updated.length,
      current: report.current.length,
      dropped: report.dropped.length,
      failed: report.failed.length,
    },
    "faq: refreshed",
  );
  return report;
}

/** /faq refresh. */
export async function refreshFaq(deps: FaqDeps, request: FaqRequest): Promise<FaqReply> {
  const { locale } = request;
  const denied = checkModerator(request);
  if (denied) return denied;
  const report = await refreshGuild(deps, request.guildId as string, request.userId);
  const core = deps.core();
  const total =
    report.updated.length + report.current.length + report.dropped.length + report.failed.length;
  if (total === 0) {
    return moderatorReply(locale, "info", ft(locale, "refreshTitle"), ft(locale, "refreshNothing"));
  }
  const name = (r: FaqRecord) => ({
    channel: channelMention(r.channelId),
    title: topicTitle(core, r.topic, locale),
    lang: languageName(locale, r.lang),
  });
  const fields: ReplyField[] = [];
  const add = (title: string, lines: string[]) => {
    if (lines.length > 0)
      fields.push({ name: `${title} (${lines.length})`, value: fitField(lines, locale) });
  };
  add(
    ft(locale, "refreshUpdated"),
    report.updated.map((u) =>
      ft(locale, "refreshUpdatedLine", { ...name(u.record), from: u.from, to: u.to }),
    ),
  );
  add(
    ft(locale, "refreshDropped"),
    report.dropped.map((r) =>
      ft(locale, "refreshFailedLine", { ...name(r), reason: ft(locale, "refusalUnknownMessage") }),
    ),
  );
  add(
    ft(locale, "refreshUnpinned"),
    report.unpinned.map((r) => `${name(r).channel} · ${name(r).title} (${name(r).lang})`),
  );
  add(
    ft(locale, "refreshFailed"),
    report.failed.map((f) =>
      ft(locale, "refreshFailedLine", {
        ...name(f.record),
        reason: refusalReason(locale, f.refusal),
      }),
    ),
  );
  const body = [
    report.updated.length === 0 ? ft(locale, "refreshNoneOutdated") : "",
    report.current.length > 0
      ? ft(locale, "refreshCurrent", {
          count: report.current.length,
          version: core.knowledge.version,
        })
      : "",
  ]
    .filter(Boolean)
    .join("\n");
  return moderatorReply(
    locale,
    report.failed.length > 0 ? "notice" : "info",
    ft(locale, "refreshTitle"),
    body,
    fields,
  );
}

function fitField(lines: string[], locale: Locale): string {
  const max = DISCORD_LIMITS.fieldValue - 30;
  let text = "";
  for (let i = 0; i < lines.length; i++) {
    const next = text ? `${text}\n${lines[i]}` : (lines[i] as string);
    if (next.length > max) return `${text}\n${ft(locale, "listMore", { count: lines.length - i })}`;
    text = next;
  }
  return text;
}
