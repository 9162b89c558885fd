import type { Core } from "../core/core.js";
import type { Reply, ReplyField } from "../core/reply.js";
import type { Locale, Passage } from "../core/types.js";
import { answerFooter, makeReply } from "./base.js";
import { translationOf } from "./citations.js";
import { formatDate, t } from "./i18n.js";
import { truncate } from "./layout.js";
import { memoReply } from "./memo.js";
import { getAnswer, topicReply } from "./topic.js";

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
  const answer = getAnswer(core, "retention", locale);
  // The written answer lists the clauses that matter most first: the comparison follows it.
  const rank = (p: Passage) => {
    const i = answer.supports.indexOf(p.id);
    return i < 0 ? answer.supports.length : i;
  };
  const byVersion = new Map<string, Passage[]>();
  for (const passage of knowledge.passages) {
    const source = knowledge.sources.get(passage.sourceId);
    // Clauses about retention itself (not those that only touch it, such as deactivation).
    if (passage.kind !== "quote" || passage.topics[0] !== "retention") continue;
    if (source?.kind !== "privacy-policy") continue;
    const list = byVersion.get(source.version) ?? [];
    list.push(passage);
    byVersion.set(source.version, list);
  }
  const versions = [...byVersion.keys()].sort();
  const fields: ReplyField[] = versions.map((version, i) => {
    const key = i === 0 ? "retentionBefore" : i === 1 ? "retentionAfter" : "retentionLater";
    const passages = (byVersion.get(version) ?? []).sort((a, b) => rank(a) - rank(b));
    const translated =
      locale === "fr" && passages.some((p) => translationOf(knowledge, p.id, "fr"));
    const text = passages
      .map((p) => {
        const shown = translated ? (translationOf(knowledge, p.id, "fr")?.text ?? p.text) : p.text;
        return `> ${shown.replace(/\n/g, "\n> ")}`;
      })
      // A blank line between clauses: each is its own quote.
      .join("\n\n");
    const name = t(locale, key, { version: formatDate(version, locale) });
    // A French reader sees our translation here, said so; the English text is in /source.
    return {
      name: translated ? `${name} · ${t(locale, "translationLabel")}` : name,
      value: truncate(text, 1024),
    };
  });
  // The texts are in the fields already: the sources say where each comes from, once per version.
  const links = versions.map((version) => {
    const first = byVersion.get(version)?.[0];
    const source = first ? knowledge.sources.get(first.sourceId) : undefined;
    return `• [${source?.title ?? ""}, ${formatDate(version, locale)} — ${first?.section ?? ""}](${source?.url ?? ""})`;
  });
  fields.push({
    name: t(locale, "sources"),
    value: [...links, t(locale, "retentionCompareSources")].join("\n"),
  });
  const summary = topicReply(core, "retention", locale);
  return makeReply(locale, {
    kind: "answer",
    title: t(locale, "retentionCompareTitle"),
    body: `**${answer.short}**`,
    fields,
    footer: answerFooter(knowledge, locale),
    related: summary.related,
    buttons: summary.buttons,
    topic: "retention",
    request: { command: "retention", compare },
  });
}
