import type { Citation } from "../core/reply.js";
import type { Knowledge, Locale, Passage } from "../core/types.js";

/** A passage as a citation, with our translation beside an English quote for French readers. */
export function citePassage(knowledge: Knowledge, passage: Passage, locale: Locale): Citation {
  const source = knowledge.sources.get(passage.sourceId);
  const citation: Citation = {
    source: source?.title ?? passage.sourceId,
    version: source?.version ?? "",
    section: passage.section,
    url: source?.url ?? "",
    kind: passage.kind,
    authoritative:
      passage.kind === "quote" && (source?.kind === "privacy-policy" || source?.kind === "terms"),
    text: passage.text,
  };
  if (passage.kind === "quote" && passage.lang !== locale) {
    const translation = translationOf(knowledge, passage.id, locale);
    if (translation) citation.translation = translation.text;
  }
  return citation;
}

export function translationOf(
  knowledge: Knowledge,
  passageId: string,
  locale: Locale,
): Passage | undefined {
  return knowledge.passages.find(
    (p) => p.kind === "translation" && p.translationOf === passageId && p.lang === locale,
  );
}

/**
 * The passages worth citing for a set of ids, for a reader of `locale`: translations are replaced
 * by the quote they translate (the quote is what is authoritative), our summaries by their
 * version in the reader's language (written in the same record), duplicates dropped, order kept.
 */
export function citablePassages(
  knowledge: Knowledge,
  ids: Iterable<string>,
  locale: Locale,
): Passage[] {
  const seen = new Set<string>();
  const out: Passage[] = [];
  for (const id of ids) {
    let passage = knowledge.passagesById.get(id);
    if (passage?.kind === "translation" && passage.translationOf) {
      passage = knowledge.passagesById.get(passage.translationOf) ?? passage;
    }
    if (passage?.kind === "summary" && passage.lang !== locale) {
      const record = passage;
      passage =
        knowledge.passages.find(
          (p) => p.kind === "summary" && p.file === record.file && p.lang === locale,
        ) ?? passage;
    }
    if (!passage) continue;
    // One record cited once, whichever of its languages the ids named.
    const key = passage.kind === "summary" ? `file:${passage.file}` : passage.id;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(passage);
  }
  return out;
}
