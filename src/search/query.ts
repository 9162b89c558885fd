import type { IndexData } from "./build.js";
import { terms } from "./normalize.js";
import { conceptTerm } from "./synonyms.js";

/** More words than this are not a question; the rest is ignored. */
export const MAX_QUERY_TERMS = 24;
/** Weight of an unknown word in coverage, relative to the rarest known word. */
const UNKNOWN_IMPORTANCE = 0.6;

/** One distinct word of the question: what must be explained by a topic. */
export interface Unit {
  word: string;
  /** Rarity of what it matched (idf); unknown words count as very rare. */
  importance: number;
}

/** A term to look up in the index, with the trust in it and the words it stands for. */
export interface QueryTerm {
  term: string;
  weight: number;
  units: number[];
}

export interface AnalyzedQuery {
  units: Unit[];
  terms: QueryTerm[];
}

export function idf(index: IndexData, term: string): number {
  const df = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (index.documentCount - df + 0.5) / (df + 0.5));
}

/**
 * Turns a question into index terms: each word as itself, or the longer
 * words it starts, or (unknown) its closest spellings; plus the synonym
 * concepts of the words as written and as corrected.
 */
export function analyzeQuery(index: IndexData, text: string): AnalyzedQuery {
  const seq = terms(text).slice(0, MAX_QUERY_TERMS);
  const unitOfWord = new Map<string, number>();
  const units: Unit[] = [];
  const byTerm = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, unit: number): void => {
    const q = byTerm.get(term);
    if (!q) {
      byTerm.set(term, { term, weight, units: [unit] });
      return;
    }
    q.weight = Math.max(q.weight, weight);
    if (!q.units.includes(unit)) q.units.push(unit);
  };

  const corrected: string[] = [];
  const correctedWeight: number[] = [];
  const positionUnit: number[] = [];
  for (const word of seq) {
    let u = unitOfWord.get(word);
    if (u === undefined) {
      u = units.length;
      unitOfWord.set(word, u);
      units.push({ word, importance: 0 });
    }
    positionUnit.push(u);
    const expansions = index.vocabulary.expand(word);
    for (const e of expansions) {
      add(e.term, e.weight, u);
      for (const g of index.synonyms.groupsOf(e.term)) add(conceptTerm(g), e.weight, u);
    }
    corrected.push(expansions[0]?.term ?? word);
    correctedWeight.push(expansions[0]?.weight ?? 1);
  }
  const asWritten = seq.map(() => 1);
  for (const [sequence, weights] of [
    [seq, asWritten],
    [corrected, correctedWeight],
  ] as const) {
    for (const [g, m] of index.synonyms.match(sequence)) {
      // A phrase is only as sure as its least sure word.
      const weight = Math.min(...m.positions.map((p) => weights[p] ?? 1));
      for (const pos of m.positions) {
        const u = positionUnit[pos];
        if (u !== undefined) add(conceptTerm(g), weight, u);
      }
    }
  }

  const maxIdf = Math.log(1 + (index.documentCount + 0.5) / 0.5);
  const termsList = [...byTerm.values()];
  units.forEach((unit, u) => {
    const own = byTerm.get(unit.word);
    const ownDf = index.documentFrequency.get(unit.word) ?? 0;
    if (own && ownDf > 0) {
      unit.importance = idf(index, unit.word);
      return;
    }
    let best = 0;
    for (const q of termsList) {
      if (q.units.includes(u) && (index.documentFrequency.get(q.term) ?? 0) > 0) {
        best = Math.max(best, idf(index, q.term));
      }
    }
    unit.importance = best > 0 ? best : maxIdf * UNKNOWN_IMPORTANCE;
  });
  return { units, terms: termsList };
}
