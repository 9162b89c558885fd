import { describe, expect, it } from "vitest";
import { buildSearchIndex, evaluate, parseEvalFile } from "../../src/search/index.js";
import { fixtureKnowledge } from "./fixture.js";

describe("parseEvalFile", () => {
  it("reads JSONL and skips blank lines", () => {
    const text = '{"q": "grok", "topics": ["grok"]}\n\n{"q": "weather", "topics": []}\r\n';
    expect(parseEvalFile(text)).toEqual([
      { q: "grok", topics: ["grok"] },
      { q: "weather", topics: [] },
    ]);
  });

  it.each([
    ['{"q": "a", "topics": []}\n{"q": "b", "topics": [', 2, "not valid JSON"],
    ['{"q": 1, "topics": []}', 1, '"q" must be a string'],
    ['{"q": "a"}', 1, '"topics" must be a list'],
    ['\n\n{"q": "a", "topics": ["nope"]}', 3, 'unknown topic "nope"'],
    ['["a"]', 1, "expected an object"],
  ])("names the bad line: %s", (text, line, problem) => {
    expect(() => parseEvalFile(text)).toThrow(`line ${line}: `);
    expect(() => parseEvalFile(text)).toThrow(problem);
  });
});

describe("evaluate", () => {
  const index = buildSearchIndex(fixtureKnowledge());

  it("counts top-1 on in-scope questions and abstentions on the others", () => {
    const report = evaluate(index, [
      { q: "liquidated damages for scraping", topics: ["scraping-damages"] },
      { q: "liquidated damages for scraping", topics: ["grok"] },
      { q: "how long do you keep my data", topics: ["retention", "account-data"] },
      { q: "recette de la tarte aux pommes", topics: [] },
    ]);
    expect(report.inScope).toBe(3);
    expect(report.inScopeCorrect).toBe(2);
    expect(report.top1).toBeCloseTo(2 / 3);
    expect(report.outOfScope).toBe(1);
    expect(report.abstained).toBe(1);
    expect(report.abstention).toBe(1);
    expect(report.misses).toEqual([
      expect.objectContaining({
        q: "liquidated damages for scraping",
        expected: ["grok"],
        got: "scraping-damages",
      }),
    ]);
  });

  it("reports 0, not NaN, on an empty set", () => {
    const report = evaluate(index, []);
    expect(report.top1).toBe(0);
    expect(report.abstention).toBe(0);
  });
});
