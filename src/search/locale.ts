import type { Locale } from "../core/types.js";
import { words } from "./normalize.js";
import { EN_STOP_WORDS, FR_STOP_WORDS } from "./stopwords.js";

/** Words that are stop words in one language only, and so vote for it. */
const FR_ONLY = new Set([...FR_STOP_WORDS].filter((w) => !EN_STOP_WORDS.has(w) && w.length > 1));
const EN_ONLY = new Set([...EN_STOP_WORDS].filter((w) => !FR_STOP_WORDS.has(w) && w.length > 1));
/** French-looking vocabulary that is not a stop word but settles short questions. */
const FR_HINTS = new Set([
  "donnees",
  "confidentialite",
  "politique",
  "compte",
  "supprimer",
  "desactiver",
  "parametre",
  "parametres",
  "entrainement",
  "entrainer",
  "conservation",
  "publications",
  "utilisateurs",
  "tiers",
]);

/**
 * The language of a question, from stop words, French diacritics and
 * elisions. English when unsure (no evidence, or a tie).
 */
export function detectLocale(text: string): Locale {
  if (typeof text !== "string" || text.trim() === "") return "en";
  const head = text.slice(0, 2_000);
  let fr = 0;
  let en = 0;
  // Accented letters typical of French (not English loanwords' rare é).
  fr += Math.min(3, (head.match(/[éèêàùâîôûçëïœ]/gi) ?? []).length) * 0.75;
  // Elisions: l'IA, d'entraînement, qu'est-ce.
  fr += Math.min(2, (head.match(/\b(?:l|d|j|qu|n|s|c)['’]\p{L}/giu) ?? []).length);
  for (const w of words(head)) {
    if (FR_ONLY.has(w) || FR_HINTS.has(w)) fr += 1;
    else if (EN_ONLY.has(w)) en += 1;
  }
  return fr > en ? "fr" : "en";
}
