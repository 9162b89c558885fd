import type { Core } from "../core/core.js";
import type { Reply, Terms } from "../core/reply.js";
import type { Knowledge, Locale, Passage } from "../core/types.js";
import { answerFooter, makeReply } from "./base.js";
import { citePassage } from "./citations.js";
import { DAMAGES_PER_MILLION, type DamagesError, estimateDamages } from "./damages.js";
import { compareText } from "./format.js";
import { colon, formatMoney, formatNumber, type MessageKey, t } from "./i18n.js";

const ERROR_KEYS: Record<DamagesError["code"], MessageKey> = {
  empty: "damagesErrorEmpty",
  "not-a-number": "damagesErrorNot-a-number",
  negative: "damagesErrorNegative",
  fractional: "damagesErrorFractional",
  "too-large": "damagesErrorToo-large",
};

/**
 * The liquidated damages clause for the chosen terms, newest version first: the EU/EFTA/UK
 * terms are the ones stated in EUR.
 */
export function damagesClause(knowledge: Knowledge, terms: Terms): Passage | undefined {
  const currency = terms === "eu" ? "EUR" : "USD";
  return knowledge.passages
    .filter(
      (p) =>
        p.kind === "quote" &&
        p.topics.includes("scraping-damages") &&
        /liquidated damages/i.test(p.text) &&
        p.text.includes(`${currency} per 1,000,000 posts`),
    )
    .sort((a, b) =>
      compareText(
        knowledge.sources.get(b.sourceId)?.version ?? "",
        knowledge.sources.get(a.sourceId)?.version ?? "",
      ),
    )[0];
}

export function damagesReply(
  core: Core,
  locale: Locale,
  posts: unknown,
  terms: Terms = "us",
): Reply {
  const outcome = estimateDamages(posts, terms);
  if (!outcome.ok) {
    return makeReply(locale, {
      kind: "error",
      title: t(locale, "damagesErrorTitle"),
      body: t(locale, ERROR_KEYS[outcome.error.code], { input: escapeInline(outcome.error.input) }),
      ephemeral: true,
      topic: "scraping-damages",
    });
  }
  const e = outcome.value;
  const money = (amount: number) => formatMoney(amount, e.currency, locale);
  const lines = [
    `**${t(locale, e.applies ? "damagesApplies" : "damagesNotApplies", { posts: formatNumber(e.posts, locale) })}**`,
  ];
  if (e.applies && e.proRata === e.startedMillions) {
    // A whole number of millions: every reading of the clause gives the same amount.
    lines.push(
      "",
      t(locale, "damagesExact", {
        amount: money(DAMAGES_PER_MILLION),
        total: `**${money(e.proRata)}**`,
      }),
    );
  } else if (e.applies) {
    lines.push(
      "",
      t(locale, "damagesReadings", { amount: money(DAMAGES_PER_MILLION) }),
      `• ${t(locale, "damagesProRata")}${colon(locale)} **${money(e.proRata)}**`,
      `• ${t(locale, "damagesStarted")}${colon(locale)} **${money(e.startedMillions)}**`,
    );
    if (e.completeMillions !== e.proRata) {
      lines.push(`• ${t(locale, "damagesComplete")}${colon(locale)} ${money(e.completeMillions)}`);
    }
  }
  const clause = damagesClause(core.knowledge, terms);
  return makeReply(locale, {
    kind: "answer",
    title: t(locale, "damagesTitle"),
    body: lines.join("\n"),
    fields: [
      { name: t(locale, "damagesPosts"), value: formatNumber(e.posts, locale), inline: true },
      {
        name: t(locale, "damagesTerms"),
        value: t(locale, terms === "eu" ? "damagesTermsEu" : "damagesTermsUs"),
        inline: true,
      },
    ],
    citations: clause ? [citePassage(core.knowledge, clause, locale)] : [],
    footer: answerFooter(core.knowledge, locale),
    related: ["scraping-damages"],
    buttons: [
      { label: t(locale, "viewSources"), action: { type: "source", topic: "scraping-damages" } },
    ],
    topic: "scraping-damages",
    request: { command: "damages", posts: e.posts, terms },
  });
}

/** User input shown back inside `code`: backticks would break out of it. */
function escapeInline(text: string): string {
  return text.replace(/`/g, "ˋ");
}
