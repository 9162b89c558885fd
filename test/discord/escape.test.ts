import { describe, expect, it } from "vitest";
import {
  codeSafe,
  escapeUserText,
  neutralizeMentions,
  sliceSafe,
} from "../../src/discord/escape.js";

describe("escapeUserText", () => {
  it("escapes markdown and makes mentions inert", () => {
    const out = escapeUserText(
      "# Title\n> quote *a* _b_ ~~c~~ ||d|| [l](https://x) <@123> <#9> <@&5> @here",
    );
    expect(out).not.toContain("\n");
    for (const raw of ["*a*", "_b_", "~~c~~", "||d||", "<@123>", "<#9>", "<@&5>", "@here"]) {
      expect(out).not.toContain(raw);
    }
    expect(out).toContain("\\*a\\*");
  });

  it("cuts long text without splitting an emoji", () => {
    const out = escapeUserText("😀".repeat(300), 101);
    expect(out.length).toBeLessThanOrEqual(101);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("handles empty and whitespace-only input", () => {
    expect(escapeUserText("")).toBe("");
    expect(escapeUserText(" \n\t ")).toBe("");
  });
});

describe("helpers", () => {
  it("sliceSafe never leaves half a surrogate pair", () => {
    expect(sliceSafe("a😀", 2)).toBe("a");
    expect(sliceSafe("abc", 5)).toBe("abc");
  });
  it("codeSafe removes backticks and mentions", () => {
    expect(codeSafe("a`b @everyone")).not.toMatch(/`|@everyone/);
  });
  it("neutralizeMentions leaves ordinary text alone", () => {
    expect(neutralizeMentions("a < b, mail@x.com")).toBe("a < b, mail@x.com");
  });
});
