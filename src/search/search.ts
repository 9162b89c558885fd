import { isTopicId, LOCALES, type Locale, type Passage, type TopicId } from "../core/types.js";
import type { IndexData, SearchIndex } from "./build.js";
import { detectLocale } from "./locale.js";
import { foldAccents } from "./normalize.js";
import { type AnalyzedQuery, analyzeQuery, idf } from "./query.js";

export interface PassageHit {
  passage: Passage;
  /** In [0,1], higher is better; already scaled by the search's confidence. */
  score: number;
}

export interface TopicScore {
  topic: TopicId;
  score: number;
}

export interface SearchResult {
  query: string;
  /** The locale given, else the one detected. */
  locale: Locale;
  /** False: the search abstains (confidence below the threshold). */
  answered: boolean;
  /** Best topic; null when abstaining. */
  topic: TopicId | null;
  confidence: number;
  /** Every topic, best first. */
  topics: TopicScore[];
  /** Supporting passages, best topic's first; empty when abstaining. */
  results: PassageHit[];
}

export interface SearchOptions {
  locale?: Locale;
  limit?: number;
}

/** Below this confidence the search abstains. */
export const CONFIDENCE_THRESHOLD = 0.47;
export const DEFAULT_LIMIT = 8;
const MAX_LIMIT = 50;
/** A topic's own title and keywords say more than one passage mentioning a word. */
const TOPIC_DOC_WEIGHT = 1.5;
/** A topic with two good passages beats one with a single lucky hit. */
const SECOND_PASSAGE_WEIGHT = 0.35;
/** How strongly a term found under many topics is discounted when ranking topics. */
const DISTINCTNESS_POWER = 2;
/** Readers get passages in their language first when scores are close. */
const SAME_LANGUAGE_BOOST = 1.1;

/**
 * Finds the topic a question is about and the passages that support it.
 * Never throws: anything that is not a useful question abstains.
 */
export function search(index: SearchIndex, query: string, options?: SearchOptions): SearchResult {
  const data = index as IndexData;
  const text = typeof query === "string" ? query : "";
  const locale =
    options?.locale && (LOCALES as readonly string[]).includes(options.locale)
      ? options.locale
      : detectLocale(text);
  const limit = clampLimit(options?.limit);
  return rank(data, text, locale, limit, analyzeQuery(data, text));
}

function clampLimit(limit: unknown): number {
  if (typeof limit !== "number" || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}

function rank(
  index: IndexData,
  query: string,
  locale: Locale,
  limit: number,
  analyzed: AnalyzedQuery,
): SearchResult {
  const nTopics = index.topicIds.length;
  const nUnits = analyzed.units.length;
  const nPassages = index.passages.length;
  // Dense scores: at 10,000 passages a typed array beats a Map by far.
  const passageScore = new Float64Array(nPassages);
  const touched: number[] = [];
  const topicDocScore = new Float64Array(nTopics);
  // matched[t * nUnits + u]: how well topic t explains question word u (0..1).
  const matched = new Float64Array(nTopics * nUnits);

  const spreadNorm = Math.log(1 + nTopics);
  for (const q of analyzed.terms) {
    const topicsOfTerm = index.termTopics.get(q.term);
    if (!topicsOfTerm) continue;
    for (const t of topicsOfTerm) {
      for (const u of q.units) {
        const k = t * nUnits + u;
        if ((matched[k] as number) < q.weight) matched[k] = q.weight;
      }
    }
    // Rare in the corpus AND found under few topics: what tells topics apart.
    const distinct =
      spreadNorm > 0 ? Math.log(1 + nTopics / Math.max(1, topicsOfTerm.length)) / spreadNorm : 1;
    const rarity = q.weight * idf(index, q.term) * distinct ** DISTINCTNESS_POWER;
    const inPassages = index.passageField.postings.get(q.term);
    if (inPassages) {
      const { docs, tfs } = inPassages;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        if (passageScore[doc] === 0) touched.push(doc);
        passageScore[doc] =
          (passageScore[doc] as number) +
          rarity * index.passageField.saturate(tfs[i] as number, doc);
      }
    }
    const inTopics = index.topicField.postings.get(q.term);
    if (inTopics) {
      for (let i = 0; i < inTopics.docs.length; i++) {
        const doc = inTopics.docs[i] as number;
        topicDocScore[doc] =
          (topicDocScore[doc] as number) +
          rarity * index.topicField.saturate(inTopics.tfs[i] as number, doc);
      }
    }
  }

  const best1 = new Float64Array(nTopics);
  const best2 = new Float64Array(nTopics);
  for (const doc of touched) {
    const s = passageScore[doc] as number;
    for (const t of index.passageTopics[doc] ?? []) {
      if (s > (best1[t] as number)) {
        best2[t] = best1[t] as number;
        best1[t] = s;
      } else if (s > (best2[t] as number)) best2[t] = s;
    }
  }

  const totalImportance = analyzed.units.reduce((sum, u) => sum + u.importance, 0);
  const scored = index.topicIds.map((topic, t) => {
    const raw =
      TOPIC_DOC_WEIGHT * (topicDocScore[t] as number) +
      (best1[t] as number) +
      SECOND_PASSAGE_WEIGHT * (best2[t] as number);
    let covered = 0;
    analyzed.units.forEach((unit, u) => {
      covered += unit.importance * (matched[t * nUnits + u] as number);
    });
    const coverage = totalImportance > 0 ? covered / totalImportance : 0;
    return { topic, t, raw, coverage };
  });
  // Rank on relevance weighed by how much of the question the topic explains,
  // so one very rare word cannot beat a topic that matches every word.
  scored.sort((a, b) => b.raw * b.coverage - a.raw * a.coverage || b.raw - a.raw);

  const top = scored[0];
  const maxRaw = top && top.raw > 0 ? top.raw : 1;
  const topics: TopicScore[] = scored.map((s) => ({
    topic: s.topic,
    score: round((s.raw / maxRaw) * s.coverage),
  }));
  const confidence = top && top.raw > 0 ? round(top.coverage) : 0;
  const answered = top !== undefined && confidence >= CONFIDENCE_THRESHOLD;
  if (!answered || !top) {
    return { query, locale, answered: false, topic: null, confidence, topics, results: [] };
  }

  const hits = topHits(index, touched, passageScore, top.t, locale, limit);
  const maxHit = hits.reduce((m, h) => Math.max(m, h.s), 0) || 1;
  return {
    query,
    locale,
    answered: true,
    topic: top.topic,
    confidence,
    topics,
    results: hits.map((h) => ({ passage: h.passage, score: round((h.s / maxHit) * confidence) })),
  };
}

interface Hit {
  passage: Passage;
  s: number;
  inTopic: boolean;
}

/** The best `limit` passages, the answered topic's first; a bounded insertion, not a full sort. */
function topHits(
  index: IndexData,
  touched: readonly number[],
  passageScore: Float64Array,
  bestTopic: number,
  locale: Locale,
  limit: number,
): Hit[] {
  const top: Hit[] = [];
  const before = (a: Hit, b: Hit): boolean => (a.inTopic !== b.inTopic ? a.inTopic : a.s > b.s);
  for (const doc of touched) {
    const passage = index.passages[doc] as Passage;
    const raw = passageScore[doc] as number;
    const hit = {
      passage,
      s: passage.lang === locale ? raw * SAME_LANGUAGE_BOOST : raw,
      inTopic: (index.passageTopics[doc] ?? []).includes(bestTopic),
    };
    if (top.length >= limit) {
      const last = top[top.length - 1];
      if (!last || !before(hit, last)) continue;
      top.pop();
    }
    let i = top.length;
    while (i > 0 && before(hit, top[i - 1] as Hit)) i--;
    top.splice(i, 0, hit);
  }
  return top;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1e4) / 1e4;
}

/**
 * Topics whose title or a keyword, in this language, starts with (or
 * contains) what was typed; every topic on empty input. For autocomplete:
 * plain string tests on a few dozen labels.
 */
export function suggestTopics(index: SearchIndex, partial: string, locale: Locale): TopicId[] {
  const data = index as IndexData;
  const typed = foldAccents(typeof partial === "string" ? partial.slice(0, 200) : "")
    .replace(/\s+/g, " ")
    .trim();
  const lang: Locale = locale === "fr" ? "fr" : "en";
  if (!typed) return data.labels.map((l) => l.topic);
  const starts: TopicId[] = [];
  const contains: TopicId[] = [];
  for (const l of data.labels) {
    const labels = [...l[lang], ...l[lang === "fr" ? "en" : "fr"]];
    if (labels.some((x) => x.startsWith(typed) || x.includes(` ${typed}`))) starts.push(l.topic);
    else if (labels.some((x) => x.includes(typed))) contains.push(l.topic);
  }
  const found = [...starts, ...contains];
  if (found.length > 0) return found;
  // Typed a question rather than a label: fall back to the search's ranking.
  return search(data, typed, { locale: lang, limit: 0 })
    .topics.filter((t) => t.score > 0 && isTopicId(t.topic))
    .map((t) => t.topic);
}
