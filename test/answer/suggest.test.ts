import { beforeAll, describe, expect, it } from "vitest";
import { suggestQuestions } from "../../src/answer/suggest.js";
import { type Core, createCore } from "../../src/core/core.js";

let core: Core;
beforeAll(() => {
  core = createCore();
});

describe("suggestQuestions (autocomplete)", () => {
  it("offers the most useful questions on empty input, at most 25 of at most 100 chars", () => {
    for (const locale of ["fr", "en"] as const) {
      const choices = suggestQuestions(core, "", locale);
      expect(choices.length).toBeGreaterThan(5);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("keeps what the user typed first and matches topics by word, accents folded", () => {
    const choices = suggestQuestions(core, "donnees", "fr");
    expect(choices[0]?.value).toBe("donnees");
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.slice(1).every((c) => /donn[ée]es/i.test(c.name))).toBe(true);
  });

  it("cuts a long typed question to 100 chars", () => {
    const choices = suggestQuestions(core, "x".repeat(500), "en");
    expect(choices[0]?.value.length).toBeLessThanOrEqual(100);
  });
});
