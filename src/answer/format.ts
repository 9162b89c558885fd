import type { Locale } from "../core/types.js";

/*
 * Numbers, amounts and dates in the two languages the bot speaks, written out by hand rather than
 * with Intl. Intl made the bot load ICU's locale data: about 15 MB more resident memory for a
 * dozen formats, and a French answer in English wherever Node is built with small-icu. The output
 * is the same as Intl's fr-FR and en-US formats (test/answer/format.test.ts compares them on
 * thousands of values).
 */

/** What French uses between thousands (U+202F narrow no-break space) and before a unit (U+00A0). */
const FR_GROUP = "\u202f";
const FR_UNIT_SPACE = "\u00a0";

const MONTHS: Record<Locale, readonly string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  fr: [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
  ],
};

interface Digits {
  negative: boolean;
  integer: string;
  /** At most two digits, no trailing zero. */
  fraction: string;
}

/** The plain decimal digits of a finite non-negative number's shortest representation. */
function plainDecimal(value: number): string {
  const text = String(value);
  const exponent = text.indexOf("e");
  if (exponent < 0) return text;
  const power = Number(text.slice(exponent + 1));
  const mantissa = text.slice(0, exponent).replace(".", "");
  // Below 1e-6: far under the second decimal, so it rounds to 0 like Intl does.
  if (power < 0) return "0";
  return mantissa.padEnd(power + 1, "0");
}

/**
 * Rounds to two decimals, half away from zero, on the number's shortest decimal form (1.005 is
 * 1.01, as Intl says, where toFixed would say 1.00).
 */
function toDigits(value: number): Digits {
  const negative = value < 0 || Object.is(value, -0);
  const [integer = "0", fraction = ""] = plainDecimal(Math.abs(value)).split(".");
  if (fraction.length <= 2) {
    return { negative, integer, fraction: fraction.replace(/0+$/, "") };
  }
  let kept = BigInt(integer + fraction.slice(0, 2));
  if (fraction.charCodeAt(2) >= 53) kept += 1n; // the third decimal is 5 or more
  const all = kept.toString().padStart(3, "0");
  return {
    negative,
    integer: all.slice(0, -2),
    fraction: all.slice(-2).replace(/0+$/, ""),
  };
}

function group(integer: string, separator: string): string {
  let out = "";
  for (let end = integer.length; end > 0; end -= 3) {
    const part = integer.slice(Math.max(0, end - 3), end);
    out = out ? `${part}${separator}${out}` : part;
  }
  return out;
}

function unsigned(digits: Digits, locale: Locale): string {
  const integer = group(digits.integer, locale === "fr" ? FR_GROUP : ",");
  if (!digits.fraction) return integer;
  return `${integer}${locale === "fr" ? "," : "."}${digits.fraction}`;
}

/** 15,000 / 15 000; at most two decimals. Not finite: written as JavaScript writes it. */
export function formatNumber(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = toDigits(value);
  return `${digits.negative ? "-" : ""}${unsigned(digits, locale)}`;
}

/** $15,000 / 15 000 $US, €15,000 / 15 000 €; cents only when there are some. */
export function formatMoney(amount: number, currency: "USD" | "EUR", locale: Locale): string {
  if (!Number.isFinite(amount)) return `${String(amount)} ${currency}`;
  const digits = toDigits(amount);
  const sign = digits.negative ? "-" : "";
  const number = unsigned(digits, locale);
  if (locale === "fr") return `${sign}${number}${FR_UNIT_SPACE}${currency === "USD" ? "$US" : "€"}`;
  return `${sign}${currency === "USD" ? "$" : "€"}${number}`;
}

/** November 15, 2024 / 15 novembre 2024 (a UTC calendar day). */
export function formatDay(year: number, month: number, day: number, locale: Locale): string {
  const name = MONTHS[locale][month - 1] ?? String(month);
  return locale === "fr" ? `${day} ${name} ${year}` : `${name} ${day}, ${year}`;
}

/** November 2024 / novembre 2024. */
export function formatMonth(year: number, month: number, locale: Locale): string {
  return `${MONTHS[locale][month - 1] ?? String(month)} ${year}`;
}

/**
 * Orders texts the same way on every machine: accents and case only break ties, so "Éditions"
 * sorts with the E's. localeCompare would need ICU's collation data for the same result.
 */
export function compareText(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}
