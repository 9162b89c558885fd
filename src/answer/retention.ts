import type { Core } from "../core/core.js";
import type { Reply, ReplyField } from "../core/reply.js";
import type { Locale, Passage } from "../core/types.js";
import { answerFooter, makeReply } from "./base.js";
import { citePassage, translationOf } from "./citations.js";
import { formatDate, t } from "./i18n.js";
import { truncate } from "./layout.js";
import { memoReply } from "./memo.js";
import { topicReply } from "./topic.js";

/**
 * What X keeps and for how long; with `compare`, the privacy policy's retention wording version
 * by version (2023, then 2024, then later changes), quoted from the knowledge.
 */
export function retentionReply(core: Core, locale: Locale, compare: boolean): Reply {
  return memoReply(core, `retention:${locale}:${compare}`, () =>
    buildRetentionReply(core, locale, compare),
  );
}

function buildRetentionReply(core: Core, locale: Locale, compare: boolean): Reply {
  if (!compare)
    return { ...topicReply(core, "retention", locale), request: { command: "retention", compare } };
  const { knowledge } = core;
  const byVersion = new Map<string, Passage[]>();
  for (const passage of knowledge.passages) {
    const source = knowledge.sources.get(passage.sourceId);
    if (
      passage.kind !== "quote" ||
      !passage.topics.includes("retention") ||
      source?.kind !== "privacy-policy"
    )
      continue;
    const list = byVersion.get(source.version) ?? [];
    list.push(passage);
    byVersion.set(source.version, list);
  }
  const versions = [...byVersion.keys()].sort();
  const fields: ReplyField[] = versions.map((version, i) => {
    const key = i === 0 ? "retentionBefore" : i === 1 ? "retentionAfter" : "retentionLater";
    const passages = byVersion.get(version) ?? [];
    const text = passages
      .map((p) => {
        const shown =
          locale === "fr" ? (translationOf(knowledge, p.id, "fr")?.text ?? p.text) : p.text;
        return `> ${shown.replace(/\n/g, "\n> ")}`;
      })
      .join("\n");
    const translated =
      locale === "fr" && passages.some((p) => translationOf(knowledge, p.id, "fr"));
    const name = t(locale, key, { version: formatDate(version, locale) });
    // A French reader sees our translation here, said so; the English quote stays in the citations.
    return {
      name: translated ? `${name} · ${t(locale, "translationLabel")}` : name,
      value: truncate(text, 1024),
    };
  });
  const summary = topicReply(core, "retention", locale);
  const ordered = versions.flatMap((v) => byVersion.get(v) ?? []);
  return makeReply(locale, {
    kind: "answer",
    title: t(locale, "retentionCompareTitle"),
    body: summary.body.split("\n\n")[0] ?? "",
    fields,
    citations: ordered.map((p) => citePassage(knowledge, p, locale)),
    footer: answerFooter(knowledge, locale),
    related: summary.related,
    buttons: summary.buttons,
    topic: "retention",
    request: { command: "retention", compare },
  });
}
