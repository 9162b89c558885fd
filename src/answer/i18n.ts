import type { Locale } from "../core/types.js";
import { formatDay, formatMonth } from "./format.js";

/** Every string the bot says that is not knowledge. Both languages must have every key. */
const en = {
  notLegalAdvice:
    "Not legal advice. Quotes are X's own words; summaries and translations are ours.",
  shortAnswer: "In short",
  details: "Details",
  sources: "Sources",
  quoteLabel: "Quote (verbatim, authoritative text)",
  quoteVerbatimLabel: "Quote (verbatim)",
  summaryLabel: "Our summary",
  translationLabel: "Our translation",
  pressNote: "From press reports",
  related: "Related",
  version: "version",
  noAnswerTitle: "I don't have an answer to that",
  noAnswerBody:
    "I only answer questions about X's (Twitter's) 2024 privacy policy and terms changes. I could not match your question to any of them with enough confidence. Here is what I can answer:",
  noAnswerTry: "Try `/ask` with one of these, or rephrase with words from the policy.",
  emptyQuestion:
    "Your question is empty. Ask me something about X's privacy policy, for example: {example}",
  questionTooLong: "Your question was long, so I only read its first {max} characters.",
  steps: "Steps",
  platformWeb: "Web",
  platformIos: "iOS",
  platformAndroid: "Android",
  optOutPressNote:
    "These steps come from press reports (X's help pages were not checked); menu names can change. The policy itself does not say where the setting is.",
  retentionTitle: "How long X keeps your data",
  retentionCompareTitle: "Data retention: the 2023 wording and the 2024 wording",
  retentionBefore: "Before (Privacy Policy {version})",
  retentionAfter: "After (Privacy Policy {version})",
  retentionLater: "Later change (Privacy Policy {version})",
  retentionCompareSources: "Every clause, with its link: `/source`.",
  damagesTitle: "Scraping damages estimate",
  damagesPosts: "Posts requested, viewed or accessed in 24 hours",
  damagesTerms: "Terms",
  damagesTermsUs: "Outside the EU, EFTA States and the UK (USD)",
  damagesTermsEu: "EU, EFTA States and UK (EUR)",
  damagesNotApplies:
    "The clause covers more than 1,000,000 posts in any 24-hour period, so {posts} posts are not covered by it.",
  damagesApplies: "The clause applies: more than 1,000,000 posts in 24 hours.",
  damagesExact:
    "The Terms say {amount} per 1,000,000 posts; for a whole number of millions every reading gives the same amount: {total}.",
  damagesReadings:
    "The Terms say {amount} per 1,000,000 posts but not how a part of a million counts, so here is what each reading gives:",
  damagesProRata: "Pro rata (a part of a million counts for its share)",
  damagesStarted: "Each started million counts as a whole million",
  damagesComplete: "Complete millions only (the lowest figure)",
  damagesClause: "The clause",
  damagesErrorTitle: "I can't compute that",
  damagesErrorEmpty: "Give a number of posts, for example `3000000` or `2.5M`.",
  "damagesErrorNot-a-number":
    "`{input}` is not a number of posts. Use digits, for example `3000000`, `3 000 000` or `2.5M`.",
  damagesErrorNegative: "A number of posts can't be negative (`{input}`).",
  damagesErrorFractional: "A number of posts is a whole number (`{input}`).",
  "damagesErrorToo-large":
    "`{input}` is larger than anything the clause could mean (over 1,000,000,000,000 posts).",
  sourceTitle: "Sources: {topic}",
  sourceIntro: "The exact texts behind this answer, with the version they come from.",
  helpTitle: "policybot: X's 2024 privacy and terms changes",
  helpBody:
    "I answer questions about X's (formerly Twitter) 2024 privacy policy and terms: AI training by third parties and how to opt out, data retention, the scraping damages, your account data. Every answer cites X's own texts with their version date.",
  helpCommands: "Commands",
  helpCommandList:
    "`/ask question` ask anything about the changes\n`/optout [platform]` steps to opt out of AI training\n`/retention [compare]` what X keeps and for how long\n`/damages posts [terms]` the scraping damages calculator\n`/source topic` the exact policy texts\n`/about` versions and sources",
  helpDm: "You can also send me a question in a direct message, or mention me with a question.",
  helpTopics: "Topics",
  aboutTitle: "About policybot",
  aboutBody:
    "An unofficial bot that answers questions about X's privacy policy and terms, citing the exact version of each text. It stores no user ids or names with questions or feedback.",
  aboutKnowledge: "Knowledge",
  aboutKnowledgeValue: "version {version}, sources up to {updated}",
  aboutSources: "Policy versions",
  aboutBot: "Bot",
  aboutBotValue: "v{botVersion}, up {uptime}",
  errorTitle: "Something went wrong",
  errorBody:
    "Something went wrong while answering. The moderators can find it with this reference: `{ref}`.",
  rateLimitedTitle: "Slow down a little",
  rateLimitedBody: "You asked a lot of questions in a short time. Try again in {seconds} s.",
  switchLanguage: "Français",
  viewSources: "Sources",
  readArticle: "Article",
} as const;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  notLegalAdvice:
    "Ceci n'est pas un conseil juridique. Les citations sont les mots de X ; les résumés et traductions sont les nôtres.",
  shortAnswer: "En bref",
  details: "Détails",
  sources: "Sources",
  quoteLabel: "Citation (texte exact, qui fait foi)",
  quoteVerbatimLabel: "Citation (texte exact)",
  summaryLabel: "Notre résumé",
  translationLabel: "Notre traduction",
  pressNote: "D'après la presse",
  related: "Voir aussi",
  version: "version",
  noAnswerTitle: "Je n'ai pas de réponse à cela",
  noAnswerBody:
    "Je réponds seulement aux questions sur les changements 2024 de la politique de confidentialité et des conditions d'utilisation de X (Twitter). Je n'ai pas pu rattacher votre question à l'un d'eux avec assez de certitude. Voici ce à quoi je peux répondre :",
  noAnswerTry:
    "Essayez `/ask` avec l'un de ces sujets, ou reformulez avec les mots de la politique.",
  emptyQuestion:
    "Votre question est vide. Posez-moi une question sur la politique de X, par exemple : {example}",
  questionTooLong: "Votre question était longue : je n'en ai lu que les {max} premiers caractères.",
  steps: "Étapes",
  platformWeb: "Web",
  platformIos: "iOS",
  platformAndroid: "Android",
  optOutPressNote:
    "Ces étapes viennent d'articles de presse (les pages d'aide de X n'ont pas été vérifiées) ; les noms des menus peuvent changer. La politique elle-même ne dit pas où se trouve ce réglage.",
  retentionTitle: "Combien de temps X conserve vos données",
  retentionCompareTitle: "Conservation des données : le texte de 2023 et celui de 2024",
  retentionBefore: "Avant (politique de confidentialité {version})",
  retentionAfter: "Après (politique de confidentialité {version})",
  retentionLater: "Modification ultérieure (politique de confidentialité {version})",
  retentionCompareSources: "Le texte anglais exact, qui fait foi, de chaque clause : `/source`.",
  damagesTitle: "Estimation des dommages et intérêts pour le scraping",
  damagesPosts: "Publications demandées, vues ou consultées en 24 heures",
  damagesTerms: "Conditions",
  damagesTermsUs: "Hors UE, AELE et Royaume-Uni (USD)",
  damagesTermsEu: "UE, AELE et Royaume-Uni (EUR)",
  damagesNotApplies:
    "La clause vise plus de 1 000 000 de publications sur une période de 24 heures : {posts} publications n'y sont donc pas soumises.",
  damagesApplies: "La clause s'applique : plus de 1 000 000 de publications en 24 heures.",
  damagesExact:
    "Les conditions disent {amount} par tranche de 1 000 000 de publications ; pour un nombre entier de millions, toutes les lectures donnent le même montant : {total}.",
  damagesReadings:
    "Les conditions disent {amount} par tranche de 1 000 000 de publications, sans préciser comment compte une tranche entamée. Voici ce que donne chaque lecture :",
  damagesProRata: "Au prorata (une partie de million compte pour sa part)",
  damagesStarted: "Chaque million entamé compte comme un million entier",
  damagesComplete: "Millions complets seulement (le montant le plus bas)",
  damagesClause: "La clause",
  damagesErrorTitle: "Je ne peux pas calculer cela",
  damagesErrorEmpty: "Indiquez un nombre de publications, par exemple `3000000` ou `2,5M`.",
  "damagesErrorNot-a-number":
    "`{input}` n'est pas un nombre de publications. Utilisez des chiffres, par exemple `3000000`, `3 000 000` ou `2,5M`.",
  damagesErrorNegative: "Un nombre de publications ne peut pas être négatif (`{input}`).",
  damagesErrorFractional: "Un nombre de publications est un nombre entier (`{input}`).",
  "damagesErrorToo-large":
    "`{input}` dépasse tout ce que la clause pourrait viser (plus de 1 000 000 000 000 de publications).",
  sourceTitle: "Sources : {topic}",
  sourceIntro:
    "Les textes exacts derrière cette réponse, avec la version dont ils viennent. Les citations sont en anglais, la langue qui fait foi ; nos traductions les accompagnent.",
  helpTitle: "policybot : les changements 2024 de la politique de X",
  helpBody:
    "Je réponds aux questions sur la politique de confidentialité et les conditions d'utilisation de X (ex-Twitter) de 2024 : l'entraînement d'IA par des tiers et comment s'y opposer, la conservation des données, les dommages et intérêts pour le scraping, les données de votre compte. Chaque réponse cite les textes de X avec la date de leur version.",
  helpCommands: "Commandes",
  helpCommandList:
    "`/ask question` posez une question sur les changements\n`/optout [plateforme]` les étapes pour refuser l'entraînement d'IA\n`/retention [comparer]` ce que X conserve et combien de temps\n`/damages posts [conditions]` le calcul des dommages pour le scraping\n`/source sujet` les textes exacts de la politique\n`/about` versions et sources",
  helpDm:
    "Vous pouvez aussi m'envoyer une question en message privé, ou me mentionner avec une question.",
  helpTopics: "Sujets",
  aboutTitle: "À propos de policybot",
  aboutBody:
    "Un bot non officiel qui répond aux questions sur la politique de confidentialité et les conditions de X, en citant la version exacte de chaque texte. Il n'enregistre ni identifiant ni nom d'utilisateur avec les questions ou les avis.",
  aboutKnowledge: "Connaissances",
  aboutKnowledgeValue: "version {version}, sources jusqu'au {updated}",
  aboutSources: "Versions des textes",
  aboutBot: "Bot",
  aboutBotValue: "v{botVersion}, en ligne depuis {uptime}",
  errorTitle: "Une erreur est survenue",
  errorBody:
    "Une erreur est survenue pendant la réponse. Les modérateurs peuvent la retrouver avec cette référence : `{ref}`.",
  rateLimitedTitle: "Doucement",
  rateLimitedBody:
    "Vous avez posé beaucoup de questions en peu de temps. Réessayez dans {seconds} s.",
  switchLanguage: "English",
  viewSources: "Sources",
  readArticle: "Article",
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, fr };

/** A UI string, with `{name}` placeholders filled from `vars`. */
export function t(
  locale: Locale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  const template = MESSAGES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Discord sends `fr`, `en-US`, `en-GB`, …: French for French, English for everything else. */
export function toLocale(discordLocale: string | null | undefined): Locale {
  return typeof discordLocale === "string" && discordLocale.toLowerCase().startsWith("fr")
    ? "fr"
    : "en";
}

export function otherLocale(locale: Locale): Locale {
  return locale === "fr" ? "en" : "fr";
}

export { formatMoney, formatNumber } from "./format.js";

const formattedDates = new Map<string, string>();

/** Source versions are a day (2024-11-15), a month (2024-12, some press pieces) or "undated". */
export function formatDate(version: string, locale: Locale): string {
  const key = `${locale}:${version}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = formatVersion(version, locale);
    // Versions come from the knowledge, a few dozen: the map stays small.
    if (formattedDates.size < 1000) formattedDates.set(key, text);
  }
  return text;
}

function formatVersion(version: string, locale: Locale): string {
  if (/^\d{4}-\d{2}$/.test(version)) {
    const date = new Date(`${version}-01T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) {
      return formatMonth(date.getUTCFullYear(), date.getUTCMonth() + 1, locale);
    }
  }
  const date = new Date(`${version}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version) || Number.isNaN(date.getTime())) {
    return version === "undated" ? (locale === "fr" ? "non daté" : "undated") : version;
  }
  return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), locale);
}

export function formatDuration(ms: number, locale: Locale): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const d = locale === "fr" ? "j" : "d";
  if (days > 0) return `${days} ${d} ${hours} h`;
  if (hours > 0) return `${hours} h ${mins} min`;
  return `${mins} min`;
}

/** French typography puts a (no-break) space before a colon. */
export function colon(locale: Locale): string {
  return locale === "fr" ? "\u00a0:" : ":";
}
