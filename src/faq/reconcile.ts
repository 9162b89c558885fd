import type { FaqRecord } from "../store/index.js";
import type { FaqDeps } from "./deps.js";
import { attempt, type DiscordRefusal } from "./port.js";
import { isGone } from "./reply.js";

export interface ReconcileReport {
  checked: number;
  /** Deleted by hand (or their channel was): forgotten. */
  dropped: FaqRecord[];
  /** Unpinned by hand: now recorded as not pinned. */
  unpinned: FaqRecord[];
  /** Pinned again by hand: recorded as pinned. */
  repinned: FaqRecord[];
  /** Could not be checked (no access, say): left as they were. */
  unreachable: { record: FaqRecord; refusal: DiscordRefusal }[];
  /** Still there, as recorded (after the changes above). */
  present: FaqRecord[];
}

/**
 * Makes the records match Discord: for each FAQ record, fetch its message. Run at start
 * (every guild) and by /faq refresh (one guild). Sequential on purpose: a guild has a
 * handful of FAQ messages and discord.js queues requests per route anyway.
 */
export async function reconcileFaq(deps: FaqDeps, guildId?: string): Promise<ReconcileReport> {
  const records =
    guildId === undefined
      ? // The store has no "list all"; every record's hash differs from undefined.
        deps.store.faq.outdated(() => undefined)
      : deps.store.faq.listByGuild(guildId);
  const report: ReconcileReport = {
    checked: records.length,
    dropped: [],
    unpinned: [],
    repinned: [],
    unreachable: [],
    present: [],
  };
  for (const record of records) {
    const fetched = await attempt(() => deps.port.fetchMessage(record.channelId, record.messageId));
    if (!fetched.ok && !isGone(fetched.refusal)) {
      report.unreachable.push({ record, refusal: fetched.refusal });
      continue;
    }
    const message = fetched.ok ? fetched.value : null;
    if (!message) {
      deps.store.faq.deleteByMessageId(record.messageId);
      report.dropped.push(record);
      continue;
    }
    if (record.pinned && !message.pinned) {
      deps.store.faq.markUnpinned(record.messageId);
      report.unpinned.push(record);
    } else if (!record.pinned && message.pinned) {
      deps.store.faq.markPinned(record.messageId);
      report.repinned.push(record);
    }
    report.present.push({ ...record, pinned: message.pinned });
  }
  deps.logger.info(
    {
      guildId: guildId ?? null,
      checked: report.checked,
      dropped: report.dropped.length,
      unpinned: report.unpinned.length,
      repinned: report.repinned.length,
      unreachable: report.unreachable.length,
    },
    "faq: reconciled records with Discord",
  );
  return report;
}
