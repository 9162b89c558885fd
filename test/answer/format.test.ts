import { describe, expect, it } from "vitest";
import {
  compareText,
  formatDay,
  formatMoney,
  formatMonth,
  formatNumber,
} from "../../src/answer/format.js";
import { formatDate } from "../../src/answer/i18n.js";
import type { Locale } from "../../src/core/types.js";

// The bot no longer loads Intl; the tests use it as the reference the hand-written formats match.
const TAG: Record<Locale, string> = { en: "en-US", fr: "fr-FR" };
const LOCALES: Locale[] = ["en", "fr"];

function intlNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: 2 }).format(value);
}

function intlMoney(value: number, currency: "USD" | "EUR", locale: Locale): string {
  return new Intl.NumberFormat(TAG[locale], {
    style: "currency",
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(value);
}

/** A fixed-seed generator, so a failure names a value that fails again. */
function* samples(count: number): Generator<number> {
  let seed = 0x2024_11_15;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const fixed = [
    0,
    -0,
    0.004,
    0.005,
    0.015,
    1,
    1.005,
    1.5,
    2.675,
    12.345,
    999.995,
    1_000,
    15_000,
    999_999.995,
    1_234_567.891,
    1e15 + 0.5,
    2 ** 53,
    1.2345678901234568e20,
    1e21,
    1.5e22,
    9.99e-7,
    -2_500.5,
  ];
  yield* fixed;
  for (let i = 0; i < count; i++) {
    const magnitude = 10 ** Math.floor(next() * 16);
    const value = next() * magnitude;
    // Half of them with exactly three decimals, where rounding matters.
    yield i % 2 === 0 ? Math.round(value * 1_000) / 1_000 : value;
  }
}

describe("numbers and amounts match Intl's fr-FR and en-US", () => {
  it("formatNumber, on thousands of values", () => {
    for (const value of samples(3_000)) {
      for (const locale of LOCALES) {
        expect(formatNumber(value, locale), `${value} ${locale}`).toBe(intlNumber(value, locale));
      }
    }
  });

  it("formatMoney in USD and EUR", () => {
    for (const value of samples(1_500)) {
      for (const locale of LOCALES) {
        for (const currency of ["USD", "EUR"] as const) {
          expect(formatMoney(value, currency, locale), `${value} ${currency} ${locale}`).toBe(
            intlMoney(value, currency, locale),
          );
        }
      }
    }
  });

  it("writes the damages figures the way a reader expects", () => {
    expect(formatMoney(15_000, "USD", "en")).toBe("$15,000");
    expect(formatMoney(15_000, "USD", "fr")).toBe("15\u202f000\u00a0$US");
    expect(formatMoney(45_000.5, "EUR", "fr")).toBe("45\u202f000,5\u00a0€");
    expect(formatNumber(3_000_000, "fr")).toBe("3\u202f000\u202f000");
  });

  it("never writes NaN as a number", () => {
    expect(formatNumber(Number.NaN, "en")).toBe("NaN");
    expect(formatMoney(Number.POSITIVE_INFINITY, "USD", "fr")).toBe("Infinity USD");
  });
});

describe("dates match Intl's long dates in UTC", () => {
  it("every day of 2023 and 2024, and every month", () => {
    for (let time = Date.UTC(2023, 0, 1); time < Date.UTC(2025, 0, 1); time += 86_400_000) {
      const date = new Date(time);
      const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      for (const locale of LOCALES) {
        const day = new Intl.DateTimeFormat(TAG[locale], { dateStyle: "long", timeZone: "UTC" });
        expect(formatDay(y, m, d, locale)).toBe(day.format(date));
        const month = new Intl.DateTimeFormat(TAG[locale], {
          month: "long",
          year: "numeric",
          timeZone: "UTC",
        });
        expect(formatMonth(y, m, locale)).toBe(month.format(date));
      }
    }
  });

  it("formatDate reads source versions: a day, a month, undated, or anything else as is", () => {
    expect(formatDate("2024-11-15", "en")).toBe("November 15, 2024");
    expect(formatDate("2024-11-15", "fr")).toBe("15 novembre 2024");
    expect(formatDate("2024-12", "fr")).toBe("décembre 2024");
    expect(formatDate("undated", "fr")).toBe("non daté");
    expect(formatDate("2024-13", "en")).toBe("2024-13");
    expect(formatDate("soon", "en")).toBe("soon");
  });
});

describe("compareText", () => {
  it("sorts accented and capitalised words with their letter, the same on every machine", () => {
    const words = ["Terms", "éditions", "Privacy", "Editions", "apple", "Zed", "Écrans"];
    expect([...words].sort(compareText)).toEqual([
      "apple",
      "Écrans",
      "Editions",
      "éditions",
      "Privacy",
      "Terms",
      "Zed",
    ]);
  });

  it("orders ISO dates in time order", () => {
    expect(["2024-11-15", "2023-09-29", "2026-01-15"].sort(compareText)).toEqual([
      "2023-09-29",
      "2024-11-15",
      "2026-01-15",
    ]);
  });
});
