import { type Knowledge, type Passage, TOPIC_IDS, type TopicId } from "../core/types.js";
import { indexTerms } from "./analyze.js";
import { Field } from "./bm25.js";
import { foldAccents } from "./normalize.js";
import { SynonymMatcher } from "./synonyms.js";
import { Vocabulary } from "./vocabulary.js";

/** Opaque to callers; the few counts are there for logs and /about. */
export interface SearchIndex {
  readonly passageCount: number;
  readonly vocabularySize: number;
}

/** What autocomplete matches a typed prefix against, per topic and language. */
export interface TopicLabels {
  topic: TopicId;
  /** Folded title and keywords in one language. */
  fr: string[];
  en: string[];
}

export interface IndexData extends SearchIndex {
  readonly passages: readonly Passage[];
  /** Topic numbers (positions in `topicIds`) of each passage. */
  readonly passageTopics: readonly number[][];
  /** The topics of the knowledge, in the order of TOPIC_IDS. */
  readonly topicIds: readonly TopicId[];
  /** One document per passage: its section and text. */
  readonly passageField: Field;
  /** One document per topic: titles and keywords in both languages. */
  readonly topicField: Field;
  readonly vocabulary: Vocabulary;
  readonly synonyms: SynonymMatcher;
  readonly labels: readonly TopicLabels[];
  /** Topic numbers each term appears under (their passages or keywords): credit and distinctiveness. */
  readonly termTopics: ReadonlyMap<string, readonly number[]>;
  /** Documents (passages and topics) holding each term, for rarity. */
  readonly documentFrequency: ReadonlyMap<string, number>;
  readonly documentCount: number;
}

export function buildSearchIndex(knowledge: Knowledge): SearchIndex {
  return buildIndexData(knowledge);
}

export function buildIndexData(knowledge: Knowledge): IndexData {
  const synonyms = new SynonymMatcher(Array.isArray(knowledge.synonyms) ? knowledge.synonyms : []);
  const topicIds = TOPIC_IDS.filter((id) => knowledge.topics.has(id));
  const topicNumber = new Map<TopicId, number>(topicIds.map((id, i) => [id, i]));
  const df = new Map<string, number>();
  const countDistinct = (list: readonly string[]): void => {
    for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  };

  const passageField = new Field();
  const passageTopics: number[][] = [];
  const passages = knowledge.passages;
  for (const p of passages) {
    const list = indexTerms(`${p.section}\n${p.text}`, synonyms);
    passageField.add(list);
    countDistinct(list);
    passageTopics.push(
      p.topics.map((t) => topicNumber.get(t)).filter((n): n is number => n !== undefined),
    );
  }

  const topicField = new Field();
  const labels: TopicLabels[] = [];
  for (const id of topicIds) {
    const topic = knowledge.topics.get(id);
    const fr = topic ? [topic.title.fr, ...topic.keywords.fr] : [];
    const en = topic ? [topic.title.en, ...topic.keywords.en] : [];
    // Each keyword is its own phrase: joining them with a line break keeps
    // synonym phrases from spanning two keywords.
    const list = [...fr, ...en].flatMap((k) => indexTerms(k, synonyms));
    topicField.add(list);
    countDistinct(list);
    labels.push({ topic: id, fr: fr.map(foldAccents), en: en.map(foldAccents) });
  }

  const spread = new Map<string, Set<number>>();
  const note = (term: string, topic: number): void => {
    let set = spread.get(term);
    if (!set) {
      set = new Set();
      spread.set(term, set);
    }
    set.add(topic);
  };
  for (const [term, p] of passageField.postings) {
    for (const doc of p.docs) for (const t of passageTopics[doc] ?? []) note(term, t);
  }
  for (const [term, p] of topicField.postings) for (const doc of p.docs) note(term, doc);

  const vocabulary = new Vocabulary(
    [...df.keys(), ...synonymWords(knowledge.synonyms)].filter((t) => !t.startsWith("~")),
  );
  return {
    passageCount: passages.length,
    vocabularySize: vocabulary.size,
    passages,
    passageTopics,
    topicIds,
    passageField,
    topicField,
    vocabulary,
    synonyms,
    labels,
    termTopics: new Map([...spread].map(([term, set]) => [term, [...set]])),
    documentFrequency: df,
    documentCount: passageField.count + topicField.count,
  };
}

/**
 * Words of the synonym list belong in the vocabulary even when no passage
 * uses them, so a typo of "désinscrire" still finds its group.
 */
function synonymWords(groups: unknown): string[] {
  if (!Array.isArray(groups)) return [];
  const out: string[] = [];
  for (const g of groups) {
    if (!Array.isArray(g)) continue;
    for (const m of g) if (typeof m === "string") out.push(...indexTerms(m, EMPTY_MATCHER));
  }
  return out;
}

const EMPTY_MATCHER = new SynonymMatcher([]);
