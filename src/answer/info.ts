import type { Core } from "../core/core.js";
import type { Reply } from "../core/reply.js";
import { type Locale, TOPIC_IDS } from "../core/types.js";
import { answerFooter, makeReply } from "./base.js";
import { compareText } from "./format.js";
import { formatDate, formatDuration, t } from "./i18n.js";

export function helpReply(core: Core, locale: Locale): Reply {
  const topics = TOPIC_IDS.map(
    (id) => `• ${core.knowledge.topics.get(id)?.title[locale] ?? id}`,
  ).join("\n");
  return makeReply(locale, {
    kind: "info",
    title: t(locale, "helpTitle"),
    body: `${t(locale, "helpBody")}\n\n${t(locale, "helpDm")}`,
    fields: [
      { name: t(locale, "helpCommands"), value: t(locale, "helpCommandList") },
      { name: t(locale, "helpTopics"), value: topics },
    ],
    footer: answerFooter(core.knowledge, locale),
    request: { command: "help" },
  });
}

export interface BotInfo {
  botVersion: string;
  uptimeMs: number;
}

export function aboutReply(core: Core, locale: Locale, info: BotInfo): Reply {
  const { knowledge } = core;
  const versions = [...knowledge.sources.values()]
    .filter((s) => s.kind === "privacy-policy" || s.kind === "terms")
    .sort((a, b) => compareText(a.title, b.title) || compareText(a.version, b.version))
    .map((s) => `• [${s.title}](${s.url}) — ${formatDate(s.version, locale)}`)
    .join("\n");
  return makeReply(locale, {
    kind: "info",
    title: t(locale, "aboutTitle"),
    body: t(locale, "aboutBody"),
    fields: [
      {
        name: t(locale, "aboutKnowledge"),
        value: t(locale, "aboutKnowledgeValue", {
          version: knowledge.version,
          updated: formatDate(knowledge.updated, locale),
        }),
      },
      { name: t(locale, "aboutSources"), value: versions || "—" },
      {
        name: t(locale, "aboutBot"),
        value: t(locale, "aboutBotValue", {
          botVersion: info.botVersion,
          uptime: formatDuration(info.uptimeMs, locale),
        }),
      },
    ],
    footer: answerFooter(knowledge, locale),
    request: { command: "about" },
  });
}

/** What the user sees when a handler failed; the same ref is in the log line. */
export function errorReply(locale: Locale, ref: string): Reply {
  return makeReply(locale, {
    kind: "error",
    title: t(locale, "errorTitle"),
    body: t(locale, "errorBody", { ref }),
    ephemeral: true,
  });
}

export function rateLimitedReply(locale: Locale, retryAfterSeconds: number): Reply {
  return makeReply(locale, {
    kind: "notice",
    title: t(locale, "rateLimitedTitle"),
    body: t(locale, "rateLimitedBody", { seconds: Math.max(1, Math.ceil(retryAfterSeconds)) }),
    ephemeral: true,
  });
}
