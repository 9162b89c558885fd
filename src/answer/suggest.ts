import type { Core } from "../core/core.js";
import { DISCORD_LIMITS } from "../core/reply.js";
import { type Locale, TOPIC_IDS } from "../core/types.js";
import { truncate } from "./layout.js";

export interface Suggestion {
  name: string;
  value: string;
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface Candidate {
  text: string;
  folded: string;
  /** Lower is shown first on empty input: each topic's first question, then the rest. */
  rank: number;
}

function candidates(core: Core, locale: Locale): Candidate[] {
  const out: Candidate[] = [];
  TOPIC_IDS.forEach((id, topicIndex) => {
    const topic = core.knowledge.topics.get(id);
    if (!topic) return;
    topic.suggested[locale].forEach((q, i) => {
      out.push({ text: q, folded: fold(q), rank: i * 100 + topicIndex });
    });
    out.push({
      text: topic.title[locale],
      folded: fold(topic.title[locale]),
      rank: 1000 + topicIndex,
    });
  });
  return out;
}

/**
 * Autocomplete for /ask, ranked in tiers: starts with what was typed, contains every typed word,
 * contains some typed word. What the user typed is offered first when it is a real question, so
 * they can always send their own words.
 */
export function suggestQuestions(core: Core, input: unknown, locale: Locale): Suggestion[] {
  const typed = typeof input === "string" ? input.trim() : "";
  const all = candidates(core, locale);
  const toChoice = (text: string): Suggestion => {
    const short = truncate(text, DISCORD_LIMITS.choiceName);
    return { name: short, value: short };
  };
  if (typed === "") {
    return all
      .sort((a, b) => a.rank - b.rank)
      .slice(0, DISCORD_LIMITS.autocompleteChoices)
      .map((c) => toChoice(c.text));
  }
  const query = fold(typed);
  const words = query.split(" ").filter((w) => w.length > 1);
  const scored = all
    .map((c) => {
      let score = 0;
      if (query && c.folded.startsWith(query)) score = 3;
      else if (words.length > 0 && words.every((w) => c.folded.includes(w))) score = 2;
      else if (words.some((w) => w.length > 2 && c.folded.includes(w))) score = 1;
      return { c, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.c.rank - b.c.rank);
  const out: Suggestion[] = [toChoice(typed)];
  const seen = new Set([out[0]?.value.toLowerCase()]);
  for (const { c } of scored) {
    const choice = toChoice(c.text);
    if (seen.has(choice.value.toLowerCase())) continue;
    seen.add(choice.value.toLowerCase());
    out.push(choice);
    if (out.length >= DISCORD_LIMITS.autocompleteChoices) break;
  }
  return out;
}
