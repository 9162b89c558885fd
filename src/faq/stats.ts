import { DISCORD_LIMITS, type ReplyField } from "../core/reply.js";
import type { Locale, TopicId } from "../core/types.js";
import type { FaqStats } from "../store/index.js";
import type { FaqDeps } from "./deps.js";
import { checkModerator } from "./guard.js";
import { ft } from "./i18n.js";
import { topicTitle } from "./message.js";
import { type FaqReply, moderatorReply } from "./reply.js";
import { type FaqRequest, integerOption } from "./request.js";

export const STATS_DAYS = { min: 1, max: 365, fallback: 30 } as const;

/** /faq stats [days]: what people ask, what goes unanswered, what they find helpful. */
export function statsFaq(deps: FaqDeps, request: FaqRequest): FaqReply {
  const { locale } = request;
  const denied = checkModerator(request);
  if (denied) return denied;
  const days = integerOption(request, "days", STATS_DAYS);
  const stats = deps.store.stats({
    days,
    now: deps.now(),
    ...(request.guildId ? { guildId: request.guildId } : {}),
  });
  return statsReply(deps, stats, locale);
}

export function statsReply(deps: FaqDeps, stats: FaqStats, locale: Locale): FaqReply {
  const core = deps.core();
  const none = ft(locale, "statsNone");
  const topicName = (topic: TopicId | null) =>
    topic === null ? `*${ft(locale, "statsNoTopic")}*` : topicTitle(core, topic, locale);
  const perTopic = stats.perTopic.map((row) => `${topicName(row.topic)}: **${row.count}**`);
  const unanswered = stats.topUnanswered.map(
    (q) => `**${q.count}×** ${inlineCode(q.text)} (${q.locales.join(", ")})`,
  );
  const helpful = stats.helpfulness.map((h) => {
    const ratio = h.ratio === null ? "—" : `${Math.round(h.ratio * 100)} %`;
    return `${topicName(h.topic)}: ${h.up} / ${h.down} (${ratio})`;
  });
  const fields: ReplyField[] = [
    {
      name: ft(locale, "statsQuestions"),
      value: ft(locale, "statsQuestionsValue", { ...stats.questions }),
    },
    { name: ft(locale, "statsPerTopic"), value: joinField(perTopic, none) },
    { name: ft(locale, "statsUnanswered"), value: joinField(unanswered, none) },
    { name: ft(locale, "statsHelpfulness"), value: joinField(helpful, none) },
  ];
  return moderatorReply(
    locale,
    "info",
    ft(locale, "statsTitle", { days: stats.days }),
    ft(locale, "statsScope"),
    fields,
  );
}

/**
 * Someone else's question, shown inert: in inline code (so Markdown, links and mentions do
 * nothing), without the backticks that could close it, on one line, shortened.
 */
function inlineCode(text: string): string {
  const flat = text.replace(/`/g, "ʼ").replace(/\s+/g, " ").trim();
  const short = flat.length > 120 ? `${Array.from(flat).slice(0, 117).join("")}…` : flat;
  return `\`${short || " "}\``;
}

function joinField(lines: string[], empty: string): string {
  if (lines.length === 0) return empty;
  const max = DISCORD_LIMITS.fieldValue;
  let text = "";
  for (const line of lines) {
    const next = text ? `${text}\n${line}` : line;
    if (next.length > max) break;
    text = next;
  }
  return text || empty;
}
