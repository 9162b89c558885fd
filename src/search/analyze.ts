import { terms } from "./normalize.js";
import { conceptTerm, type SynonymMatcher } from "./synonyms.js";

/** Index terms of a text: its stemmed words plus one concept term per synonym group it mentions. */
export function indexTerms(text: string, synonyms: SynonymMatcher): string[] {
  const seq = terms(text);
  const out = [...seq];
  for (const [group, m] of synonyms.match(seq)) {
    for (let i = 0; i < m.count; i++) out.push(conceptTerm(group));
  }
  return out;
}
