import { describe, expect, it } from "vitest";
import { buildSearchIndex, search, suggestTopics } from "../../src/search/index.js";
import { fixtureKnowledge } from "./fixture.js";

const index = buildSearchIndex(fixtureKnowledge());

describe("search on a small knowledge base", () => {
  it.each([
    ["how do I opt out of Grok training", "opt-out"],
    ["comment se retirer, décocher la case", "opt-out"],
    ["can third-party collaborators train AI on my posts", "third-party-ai"],
    ["enquête du régulateur irlandais sur Grok", "grok"],
    ["how long do they keep my data", "retention"],
    ["combien de temps sont conservées mes données", "retention"],
    ["liquidated damages for scraping", "scraping-damages"],
    ["download my archive", "account-data"],
    ["pourquoi le départ des annonceurs", "context"],
  ])("%s -> %s", (q, topic) => {
    const r = search(index, q);
    expect(r.answered).toBe(true);
    expect(r.topic).toBe(topic);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results[0]?.passage.topics).toContain(topic);
  });

  it("tolerates typos through the vocabulary", () => {
    expect(search(index, "retension").topic).toBe("retention");
    expect(search(index, "liquidatd damges").topic).toBe("scraping-damages");
    expect(search(index, "crawlng").topic).toBe("scraping-damages");
  });

  it("reports the locale it detected, or the one it was given", () => {
    expect(search(index, "combien de temps conservées").locale).toBe("fr");
    expect(search(index, "how long kept").locale).toBe("en");
    expect(search(index, "combien de temps", { locale: "en" }).locale).toBe("en");
  });

  it("ranks every topic and scores within [0,1]", () => {
    const r = search(index, "opt out of training");
    expect(r.topics.map((t) => t.topic).sort()).toEqual(
      [...fixtureKnowledge().topics.keys()].sort(),
    );
    for (const t of r.topics) expect(t.score).toBeGreaterThanOrEqual(0);
    for (const t of r.topics) expect(t.score).toBeLessThanOrEqual(1);
    for (const h of r.results) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const h of r.results) expect(h.score).toBeLessThanOrEqual(1);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it("respects the result limit", () => {
    expect(search(index, "data posts training", { limit: 2 }).results.length).toBeLessThanOrEqual(
      2,
    );
    expect(search(index, "data posts training", { limit: 0 }).results).toEqual([]);
    expect(search(index, "grok", { limit: -5 }).results).toEqual([]);
    expect(search(index, "grok", { limit: Number.NaN }).results.length).toBeGreaterThan(0);
  });
});

describe("abstention", () => {
  it.each([
    "what is the weather in paris",
    "recette de crêpes",
    "asdfghjkl",
    "write me a poem",
    "quel est le prix du bitcoin",
  ])("abstains on %s", (q) => {
    const r = search(index, q);
    expect(r.answered).toBe(false);
    expect(r.topic).toBeNull();
    expect(r.results).toEqual([]);
  });

  it("does not let one generic word pick a topic", () => {
    const r = search(index, "data");
    // "data" is everywhere in this domain: a one-word question on it may be
    // answered, but never with more confidence than a specific question.
    expect(r.confidence).toBeLessThanOrEqual(search(index, "data retention").confidence);
  });
});

describe("bad input never throws", () => {
  const inputs: unknown[] = [
    "",
    "   ",
    "\n\t",
    "x".repeat(100_000),
    "grok ".repeat(20_000),
    "🤖🔥💀",
    "**bold** _it_ `code` > quote\n```js\nconsole.log(1)\n```",
    "<@123456789012345678> <#123> <@&42> <:pepe:12345>",
    "\u0000\u0001\u0002\u001b[31m\u007f",
    "'''''",
    "a",
    undefined,
    null,
    42,
    {},
  ];
  it.each(inputs.map((i) => [i]))("%#", (input) => {
    const r = search(index, input as string);
    expect(typeof r.answered).toBe("boolean");
    expect(r.locale === "fr" || r.locale === "en").toBe(true);
    expect(Array.isArray(r.topics)).toBe(true);
    expect(Number.isFinite(r.confidence)).toBe(true);
  });

  it("abstains on empty and noise", () => {
    for (const q of ["", "   ", "🤖", "<@123>", "\u0000"]) {
      const r = search(index, q);
      expect(r.answered).toBe(false);
      expect(r.confidence).toBe(0);
    }
  });

  it("answers fast even on 100 KB of text", () => {
    const started = performance.now();
    search(index, "scraping ".repeat(12_000));
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("builds an index from knowledge with no passages or synonyms", () => {
    const k = fixtureKnowledge();
    const empty = buildSearchIndex({ ...k, passages: [], synonyms: [] });
    expect(search(empty, "grok").topic).toBe("grok");
    expect(search(empty, "weather").answered).toBe(false);
  });
});

describe("suggestTopics", () => {
  it("lists every topic on empty input", () => {
    expect(suggestTopics(index, "", "en")).toHaveLength(7);
  });
  it("matches a typed prefix of a title or keyword, accent-insensitive", () => {
    expect(suggestTopics(index, "scrap", "en")[0]).toBe("scraping-damages");
    expect(suggestTopics(index, "duree", "fr")[0]).toBe("retention");
    expect(suggestTopics(index, "enquê", "fr")).toContain("grok");
  });
  it("falls back to search for a typed question, and never throws", () => {
    expect(suggestTopics(index, "how long do you keep data", "en")[0]).toBe("retention");
    expect(suggestTopics(index, "zzzzqqq", "en")).toEqual([]);
    expect(suggestTopics(index, undefined as unknown as string, "en")).toHaveLength(7);
  });
});
