/**
 * The domain model shared by every part of policybot. Nothing here knows
 * about Discord: the core is plain data in, plain data out.
 */

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Stable topic ids, used in knowledge files, commands, the eval set and logs. */
export const TOPIC_IDS = [
  "opt-out",
  "third-party-ai",
  "grok",
  "retention",
  "scraping-damages",
  "account-data",
  "context",
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}

/**
 * quote: verbatim text of the cited source version (checked by verify:quotes).
 * summary: our own words. translation: our translation of a quote.
 */
export type PassageKind = "quote" | "summary" | "translation";

export type SourceKind = "privacy-policy" | "terms" | "article" | "press" | "regulator";

/** A document we cite: one version of one page. */
export interface Source {
  /** e.g. `x-privacy-policy@2024-11-15`, `article-fr`. */
  id: string;
  title: string;
  publisher: string;
  kind: SourceKind;
  url: string;
  /** Effective date of this version (YYYY-MM-DD), or publication date. */
  version: string;
  lang: Locale;
}

/** One searchable, citable piece of text. */
export interface Passage {
  id: string;
  topics: TopicId[];
  sourceId: string;
  /** Section (and paragraph) inside the source, e.g. "3. Sharing information > Third-party collaborators". */
  section: string;
  lang: Locale;
  kind: PassageKind;
  text: string;
  /** For a translation: the id of the quote it translates. */
  translationOf?: string;
  /** The knowledge file it was loaded from, relative to the knowledge folder. */
  file: string;
}

export interface Topic {
  id: TopicId;
  title: Record<Locale, string>;
  /** Words and phrases people use for this topic, per language (synonyms included). */
  keywords: Record<Locale, string[]>;
  /** Questions shown by autocomplete on empty input, per language. */
  suggested: Record<Locale, string[]>;
}

export const PLATFORMS = ["web", "ios", "android"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Our written answer to one topic in one language. */
export interface Answer {
  topic: TopicId;
  lang: Locale;
  title: string;
  /** One or two sentences: the answer first. */
  short: string;
  /** Markdown details (may contain numbered steps). */
  details: string;
  /** Ids of passages (mostly quotes) that support this answer, most important first. */
  supports: string[];
  related: TopicId[];
  /** Facts in this answer that come from press reports, not X's own texts. */
  pressNote?: string;
  /** Numbered steps per platform (the opt-out answer). */
  steps?: Partial<Record<Platform, string[]>>;
  file: string;
}

export interface Knowledge {
  /** Content hash of every knowledge file, so pinned messages can tell they are outdated. */
  version: string;
  /** Newest `version` date of any source, for /about. */
  updated: string;
  topics: Map<TopicId, Topic>;
  sources: Map<string, Source>;
  passages: Passage[];
  passagesById: Map<string, Passage>;
  /** Keyed by `${topic}:${lang}`. */
  answers: Map<string, Answer>;
  /** Groups of words that mean the same thing across French and English (search expands them). */
  synonyms: string[][];
  /** Absolute path of the folder it was loaded from. */
  dir: string;
}

export function answerKey(topic: TopicId, lang: Locale): string {
  return `${topic}:${lang}`;
}
