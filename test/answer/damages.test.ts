import { describe, expect, it } from "vitest";
import { estimateDamages, parsePostCount } from "../../src/answer/damages.js";

describe("parsePostCount", () => {
  it.each([
    [3_000_000, 3_000_000],
    ["3000000", 3_000_000],
    ["3 000 000", 3_000_000],
    ["3\u202f000\u202f000", 3_000_000],
    ["3,000,000", 3_000_000],
    ["3.000.000", 3_000_000],
    ["2.5M", 2_500_000],
    ["2,5 millions", 2_500_000],
    ["750k", 750_000],
    ["1.5k", 1_500],
    ["0", 0],
  ])("reads %j as %d", (input, expected) => {
    expect(parsePostCount(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "not-a-number"],
    ["<@123456789012345678>", "not-a-number"],
    ["1e400", "not-a-number"],
    [Number.NaN, "not-a-number"],
    [null, "empty"],
    [{}, "not-a-number"],
    ["-5", "negative"],
    [-1, "negative"],
    ["1.5", "fractional"],
    [2.5, "fractional"],
    [Number.POSITIVE_INFINITY, "too-large"],
    ["9".repeat(400), "too-large"],
    ["2000000000000", "too-large"],
  ])("rejects %j as %s", (input, code) => {
    const outcome = parsePostCount(input);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe(code);
  });
});

describe("estimateDamages", () => {
  it("does not apply at exactly 1,000,000 posts: the clause says more than", () => {
    const outcome = estimateDamages(1_000_000);
    expect(outcome.ok && outcome.value.applies).toBe(false);
    expect(outcome.ok && outcome.value.proRata).toBe(0);
  });

  it("gives every reading for a part of a million", () => {
    const outcome = estimateDamages("2,500,000", "us");
    if (!outcome.ok) throw new Error("expected a value");
    expect(outcome.value).toMatchObject({
      applies: true,
      currency: "USD",
      proRata: 37_500,
      startedMillions: 45_000,
      completeMillions: 30_000,
    });
  });

  it("uses euros for the EU/EFTA/UK terms", () => {
    const outcome = estimateDamages(3_000_000, "eu");
    expect(outcome.ok && outcome.value.currency).toBe("EUR");
    expect(outcome.ok && outcome.value.proRata).toBe(45_000);
  });

  it("never returns NaN or Infinity, whatever it is given", () => {
    for (const input of [
      1_000_001,
      999_999_999_999,
      "1000000000000",
      "1.000.001",
      1_000_000_000_000,
    ]) {
      const outcome = estimateDamages(input);
      if (!outcome.ok) continue;
      for (const n of [
        outcome.value.proRata,
        outcome.value.startedMillions,
        outcome.value.completeMillions,
      ]) {
        expect(Number.isFinite(n)).toBe(true);
      }
    }
  });
});
