import type { Terms } from "../core/reply.js";

/**
 * The Terms' "Liquidated Damages" clause (2024-11-15 and later): more than 1,000,000 posts
 * requested, viewed or accessed in any 24-hour period costs 15,000 (USD, or EUR under the
 * EU/EFTA/UK terms) per 1,000,000 posts. The clause does not say how a part of a million is
 * counted, so we compute every reading and say so instead of picking one.
 */
export const DAMAGES_THRESHOLD = 1_000_000;
export const DAMAGES_PER_MILLION = 15_000;
/** Far above anything X serves in a day; beyond it numbers stop meaning anything. */
export const MAX_POSTS = 1_000_000_000_000;

export interface DamagesEstimate {
  posts: number;
  terms: Terms;
  currency: "USD" | "EUR";
  /** The clause only covers more than 1,000,000 posts in 24 hours. */
  applies: boolean;
  /** Reading 1: pro rata, a part of a million counts for its share. */
  proRata: number;
  /** Reading 2: each started million counts as a whole million. */
  startedMillions: number;
  /** Only complete millions: the lowest figure any reading gives. */
  completeMillions: number;
}

export type DamagesErrorCode = "empty" | "not-a-number" | "negative" | "fractional" | "too-large";

export interface DamagesError {
  code: DamagesErrorCode;
  /** The input as the user gave it, shortened, for the message. */
  input: string;
}

export type DamagesOutcome =
  | { ok: true; value: DamagesEstimate }
  | { ok: false; error: DamagesError };

// Thin, no-break and narrow no-break spaces are how French writes 3 000 000.
const GROUP_SEPARATORS = /[\s\u00a0\u202f_']/g;

/** Accepts 3000000, "3 000 000", "3,000,000", "3.000.000", "2.5M", "3 millions", "750k". */
export function parsePostCount(
  input: unknown,
): { ok: true; value: number } | { ok: false; error: DamagesError } {
  const shown = String(input ?? "").slice(0, 40);
  if (input === null || input === undefined) return fail("empty", shown);
  if (typeof input === "number") return checkNumber(input, shown);
  if (typeof input === "bigint") return checkNumber(Number(input), shown);
  if (typeof input !== "string") return fail("not-a-number", shown);
  let text = input.trim().toLowerCase().replace(GROUP_SEPARATORS, "");
  if (text === "") return fail("empty", shown);
  let multiplier = 1;
  const suffix = /^(.*?)(k|m|millions?|mio|milliards?|billions?|bn|b)$/.exec(text);
  if (suffix?.[1]) {
    text = suffix[1];
    const unit = suffix[2] ?? "";
    multiplier = unit === "k" ? 1e3 : /^(m|millions?|mio)$/.test(unit) ? 1e6 : 1e9;
  }
  if (/^-/.test(text)) return fail("negative", shown);
  const normalized = normalizeSeparators(text, multiplier > 1);
  if (normalized === null) return fail("not-a-number", shown);
  const value = Number(normalized) * multiplier;
  return checkNumber(Math.round(value * 1e6) / 1e6, shown);
}

/**
 * "3,000,000" and "3.000.000" are thousands groups; "2.5" or "2,5" (French) is a decimal,
 * allowed only before a unit (2,5M) since a post count is whole.
 */
function normalizeSeparators(text: string, hasUnit: boolean): string | null {
  if (/^\d+$/.test(text)) return text;
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
    const sep = text.includes(",") ? "," : ".";
    // "1.500" alone is ambiguous; with a unit it is a decimal (1.5k), without one, thousands.
    if (!hasUnit || text.split(sep).length > 2) return text.split(sep).join("");
  }
  if (/^\d*[.,]\d+$/.test(text)) return text.replace(",", ".");
  return null;
}

function checkNumber(
  value: number,
  shown: string,
): { ok: true; value: number } | { ok: false; error: DamagesError } {
  if (Number.isNaN(value)) return fail("not-a-number", shown);
  if (value < 0) return fail("negative", shown);
  if (!Number.isFinite(value) || value > MAX_POSTS) return fail("too-large", shown);
  if (!Number.isInteger(value)) return fail("fractional", shown);
  return { ok: true, value };
}

function fail(code: DamagesErrorCode, input: string): { ok: false; error: DamagesError } {
  return { ok: false, error: { code, input } };
}

export function estimateDamages(posts: unknown, terms: Terms = "us"): DamagesOutcome {
  const parsed = parsePostCount(posts);
  if (!parsed.ok) return parsed;
  const count = parsed.value;
  const applies = count > DAMAGES_THRESHOLD;
  const millions = count / 1_000_000;
  return {
    ok: true,
    value: {
      posts: count,
      terms,
      currency: terms === "eu" ? "EUR" : "USD",
      applies,
      proRata: applies ? roundCents(millions * DAMAGES_PER_MILLION) : 0,
      startedMillions: applies ? Math.ceil(millions) * DAMAGES_PER_MILLION : 0,
      completeMillions: applies ? Math.floor(millions) * DAMAGES_PER_MILLION : 0,
    },
  };
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
