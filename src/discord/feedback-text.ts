import type { Locale } from "../core/types.js";
import type { VoteStatus } from "../store/index.js";

const TEXT: Record<Locale, Record<VoteStatus, { title: string; body: string }>> = {
  en: {
    new: { title: "Thanks for your feedback", body: "Your vote is counted." },
    changed: { title: "Vote changed", body: "Your new vote replaces the previous one." },
    same: { title: "Already counted", body: "You already gave this vote on this answer." },
  },
  fr: {
    new: { title: "Merci pour votre avis", body: "Votre vote est compté." },
    changed: { title: "Vote modifié", body: "Votre nouveau vote remplace le précédent." },
    same: { title: "Déjà compté", body: "Vous avez déjà donné ce vote sur cette réponse." },
  },
};

/** The private acknowledgement of a 👍 / 👎 press. */
export function feedbackText(locale: Locale, status: VoteStatus): { title: string; body: string } {
  return TEXT[locale][status];
}
