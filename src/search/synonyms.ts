import { terms } from "./normalize.js";

/** The pseudo-term standing for a whole synonym group, e.g. "~3". */
export function conceptTerm(group: number): string {
  return `~${group}`;
}

export interface ConceptMatch {
  /** Positions of the terms that the group's members cover. */
  positions: number[];
  /** How many times a member occurs. */
  count: number;
}

/**
 * Finds synonym-group members (one or more words) in a sequence of terms. A
 * match adds the group's concept term, so "opt out", "se retirer" and
 * "désactiver" all meet on one term whose rarity is measured like any word's.
 */
export class SynonymMatcher {
  /** Phrase (terms joined by a space) -> concept groups it belongs to. */
  private readonly phrases = new Map<string, number[]>();
  /** First terms of the phrases longer than one term: only these start an n-gram lookup. */
  private readonly phraseStarts = new Set<string>();
  readonly longestPhrase: number;
  readonly groupCount: number;

  constructor(groups: readonly (readonly string[])[]) {
    let longest = 1;
    groups.forEach((group, g) => {
      if (!Array.isArray(group)) return;
      for (const member of group) {
        if (typeof member !== "string") continue;
        const t = terms(member);
        if (t.length === 0) continue;
        longest = Math.max(longest, t.length);
        if (t.length > 1) this.phraseStarts.add(t[0] as string);
        const key = t.join(" ");
        const list = this.phrases.get(key) ?? [];
        if (!list.includes(g)) list.push(g);
        this.phrases.set(key, list);
      }
    });
    this.longestPhrase = Math.min(longest, 4);
    this.groupCount = groups.length;
  }

  /** Groups whose one-word member is exactly this term. */
  groupsOf(term: string): readonly number[] {
    return this.phrases.get(term) ?? [];
  }

  /**
   * Concept matches in a term sequence: for each group found, the positions
   * of the terms it covers (so a query can credit those words).
   */
  match(seq: readonly string[]): Map<number, ConceptMatch> {
    const found = new Map<number, ConceptMatch>();
    for (let i = 0; i < seq.length; i++) {
      const longest = this.phraseStarts.has(seq[i] as string) ? this.longestPhrase : 1;
      for (let n = 1; n <= longest && i + n <= seq.length; n++) {
        const groups = this.phrases.get(
          n === 1 ? (seq[i] as string) : seq.slice(i, i + n).join(" "),
        );
        if (!groups) continue;
        for (const g of groups) {
          const m = found.get(g) ?? { positions: [], count: 0 };
          m.count++;
          for (let k = i; k < i + n; k++) if (!m.positions.includes(k)) m.positions.push(k);
          found.set(g, m);
        }
      }
    }
    return found;
  }
}
