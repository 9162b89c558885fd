import { describe, expect, it } from "vitest";
import { detectLocale, normalize } from "../../src/search/index.js";
import { foldAccents, stem, terms } from "../../src/search/normalize.js";

describe("normalize", () => {
  it("folds case and accents and drops French and English stop words", () => {
    expect(normalize("Combien de temps X conserve-t-il mes Données ?")).toEqual([
      "temps",
      "conserve",
      "donnees",
    ]);
    expect(normalize("How long does X keep my data")).toEqual(["long", "keep", "data"]);
  });

  it("splits French elisions and drops the article", () => {
    expect(normalize("l'entraînement de l’IA qu'il fait")).toEqual(["entrainement", "ia"]);
  });

  it("keeps the words that carry meaning in this domain", () => {
    expect(normalize("opt out, turn off")).toEqual(["opt", "out", "turn", "off"]);
  });

  it("joins digit groups so amounts read the same in both languages", () => {
    expect(normalize("$15,000 per 1,000,000 posts")).toEqual(["15000", "per", "1000000", "posts"]);
    expect(normalize("15 000 $ pour 1 000 000 publications")).toEqual([
      "15000",
      "1000000",
      "publications",
    ]);
  });

  it("removes Discord mentions, custom emoji, URLs and markdown", () => {
    expect(normalize("<@123456> **opt-out** <:pepe:998877> https://x.com/settings `grok`")).toEqual(
      ["opt", "out", "grok"],
    );
  });

  it("cuts tokens at 32 characters and survives control characters and emoji", () => {
    const long = "a".repeat(100);
    expect(normalize(long)).toEqual(["a".repeat(32)]);
    expect(normalize("\u0000\u0007grok\u001b[31m 🤖🔥")).toEqual(["grok", "31m"]);
  });

  it("returns no token for empty, blank or non-string input", () => {
    expect(normalize("")).toEqual([]);
    expect(normalize("   \n\t ")).toEqual([]);
    expect(normalize(undefined as unknown as string)).toEqual([]);
    expect(normalize(42 as unknown as string)).toEqual([]);
  });

  it("only analyses the head of a huge text", () => {
    const huge = `grok ${"lorem ".repeat(20_000)} retention`;
    const out = normalize(huge);
    expect(out[0]).toBe("grok");
    expect(out).not.toContain("retention");
  });

  it("stems plurals lightly and folds ligatures", () => {
    expect(stem("donnees")).toBe("donnee");
    expect(stem("posts")).toBe("post");
    expect(stem("access")).toBe("access");
    expect(stem("bus")).toBe("bus");
    expect(foldAccents("Œuvre ÉTÉ")).toBe("oeuvre ete");
    expect(terms("Les publications")).toEqual(["publication"]);
  });
});

describe("detectLocale", () => {
  it.each([
    ["comment désactiver le partage de mes données", "fr"],
    ["combien de temps X conserve mes données", "fr"],
    ["qu'est-ce qui change", "fr"],
    ["durée de conservation", "fr"],
    ["how do I opt out of AI training on X", "en"],
    ["what are the scraping damages", "en"],
    ["is the opt out on by default?", "en"],
  ])("%s -> %s", (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });

  it("defaults to English when there is no evidence", () => {
    expect(detectLocale("")).toBe("en");
    expect(detectLocale("grok")).toBe("en");
    expect(detectLocale("asdfghjkl")).toBe("en");
    expect(detectLocale("🤖")).toBe("en");
    expect(detectLocale(null as unknown as string)).toBe("en");
  });
});
