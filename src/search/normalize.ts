import { EN_STOP_WORDS, FR_ELISIONS, FR_STOP_WORDS } from "./stopwords.js";

/** Longest token kept; longer runs (hashes, base64, URLs glued together) are cut, not dropped. */
export const MAX_TOKEN_LENGTH = 32;
/**
 * Only the start of a text is analysed. A question is short; a pasted wall of
 * text must not cost more than a question does (search runs on the event loop).
 */
export const MAX_ANALYSED_CHARS = 2_000;

/** Lower case and strip diacritics: "Rétention" -> "retention", "entraîner" -> "entrainer". */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/**
 * Raw words, folded, before stop-word removal. Discord noise (mentions,
 * custom emoji, URLs, markdown, control characters) becomes spaces, and
 * digit groups are joined so "15,000" and "15 000" both read "15000".
 */
export function words(text: string): string[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const head = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const cleaned = foldAccents(
    head
      .replace(/<(?:@[!&]?|#|a?:\w+:)\d+>/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/(\d)[,.\u00a0\u202f ](?=\d{3}(?!\d))/g, "$1"),
  ).replace(/[’ʼ`´]/g, "'");
  const out: string[] = [];
  for (const raw of cleaned.split(/[^\p{L}\p{N}']+/u)) {
    if (!raw) continue;
    for (const part of splitElision(raw)) {
      if (part) out.push(part.length > MAX_TOKEN_LENGTH ? part.slice(0, MAX_TOKEN_LENGTH) : part);
    }
  }
  return out;
}

/** "l'entrainement" -> ["l", "entrainement"]; "what's" -> ["what", "s"]. */
function splitElision(raw: string): string[] {
  const parts = raw.split("'").filter(Boolean);
  if (parts.length < 2) return parts;
  const first = parts[0] as string;
  if (FR_ELISIONS.has(first)) return [first, parts.slice(1).join("")];
  return parts;
}

export function isStopWord(word: string): boolean {
  return EN_STOP_WORDS.has(word) || FR_STOP_WORDS.has(word);
}

/**
 * The search tokens of a text: folded, French and English stop words and
 * one-letter words removed ("X" is the name of every document here, so it
 * tells nothing apart), elisions split off, tokens at most 32 chars.
 */
export function normalize(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !isStopWord(w));
}

/**
 * A deliberately light stemmer shared by both languages: drop a plural "s".
 * Heavier stemming would need one stemmer per language and a sure language
 * per passage; prefix expansion in the vocabulary covers the rest
 * ("entrain" finds "entrainement", "entrainer").
 */
export function stem(token: string): string {
  if (token.length > 3 && token.endsWith("s") && !/(?:ss|us|is)$/.test(token)) {
    return token.slice(0, -1);
  }
  return token;
}

/** normalize + stem: the terms that the index and the queries are made of. */
export function terms(text: string): string[] {
  return normalize(text).map(stem);
}
