import { beforeAll, describe, expect, it } from "vitest";
import { makeReply } from "../../src/answer/base.js";
import {
  aboutReply,
  answerQuestion,
  damagesReply,
  helpReply,
  layoutReply,
  layoutSize,
  noAnswerReply,
  optOutReply,
  retentionReply,
  sourceReply,
  topicReply,
} from "../../src/answer/index.js";
import { type Core, createCore } from "../../src/core/core.js";
import { DISCORD_LIMITS, type Reply } from "../../src/core/reply.js";
import { LOCALES, PLATFORMS, TOPIC_IDS } from "../../src/core/types.js";

let core: Core;
beforeAll(() => {
  core = createCore();
});

function expectWithinLimits(reply: Reply) {
  const layout = layoutReply(reply);
  expect(layout.title.length).toBeGreaterThan(0);
  expect(layout.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
  expect(layout.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
  expect(layout.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
  for (const field of layout.fields) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
  }
  expect(layout.footer.length).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
  expect(layoutSize(layout)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  return layout;
}

describe("every reply fits Discord's limits", () => {
  for (const locale of LOCALES) {
    for (const topic of TOPIC_IDS) {
      it(`topic ${topic} (${locale}) shows its answer and at least one citation`, () => {
        const reply = topicReply(core, topic, locale);
        expect(reply.citations.length).toBeGreaterThan(0);
        const layout = expectWithinLimits(reply);
        expect(layout.description).toContain(reply.body.slice(0, 40));
        expect(layout.fields.length).toBeGreaterThan(0);
      });
      it(`sources of ${topic} (${locale}) are verbatim quotes with a version and a link`, () => {
        const reply = sourceReply(core, topic, locale);
        expectWithinLimits(reply);
        for (const citation of reply.citations) {
          expect(citation.kind).toBe("quote");
          expect(citation.version).toMatch(/^\d{4}-\d{2}/);
          expect(citation.url).toMatch(/^https:\/\//);
        }
      });
    }
    for (const platform of [undefined, ...PLATFORMS]) {
      it(`opt-out steps for ${platform ?? "every platform"} (${locale})`, () => {
        const reply = optOutReply(core, locale, platform);
        expectWithinLimits(reply);
        const text = `${reply.body}\n${reply.fields.map((f) => f.value).join("\n")}`;
        expect(text).toMatch(/^1\. /m);
      });
    }
    it(`retention comparison (${locale}) shows 2023 before 2024`, () => {
      const reply = retentionReply(core, locale, true);
      expectWithinLimits(reply);
      expect(reply.fields.length).toBeGreaterThanOrEqual(2);
      expect(reply.fields[0]?.name).toMatch(/2023/);
      expect(reply.fields[1]?.name).toMatch(/2024/);
    });
    it(`help, about, no-answer and damages (${locale})`, () => {
      expectWithinLimits(helpReply(core, locale));
      expectWithinLimits(aboutReply(core, locale, { botVersion: "1.0.0", uptimeMs: 90_061_000 }));
      expectWithinLimits(noAnswerReply(core, locale));
      expectWithinLimits(damagesReply(core, locale, "2500000", "us"));
      expectWithinLimits(damagesReply(core, locale, "not a number", "eu"));
    });
  }

  it("a reply far over every limit is cut to fit, never over", () => {
    const huge = "word ".repeat(3000);
    const reply = makeReply("en", {
      kind: "answer",
      title: huge,
      body: huge,
      footer: huge,
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${huge}`, value: huge })),
      citations: Array.from({ length: 10 }, () => ({
        source: huge,
        version: "2024-11-15",
        section: huge,
        url: "https://x.com/en/privacy",
        kind: "quote" as const,
        text: huge,
        translation: huge,
      })),
    });
    expectWithinLimits(reply);
  });
});

describe("answerQuestion", () => {
  it("answers a French question in French, with the opt-out topic", () => {
    const { reply, result } = answerQuestion(
      core,
      "Comment refuser que X entraîne une IA avec mes posts ?",
    );
    expect(result?.answered).toBe(true);
    expect(reply.topic).toBe("opt-out");
    expect(reply.locale).toBe("fr");
    expect(reply.kind).toBe("answer");
  });

  it("says it has no answer to an out-of-scope question and lists what it can answer", () => {
    const { reply } = answerQuestion(core, "recette de crêpes", { locale: "fr" });
    expect(reply.kind).toBe("no-answer");
    expect(reply.topic).toBeNull();
    expect(reply.buttons).toHaveLength(TOPIC_IDS.length);
  });

  it.each([
    ["empty", ""],
    ["blank", "   \n\t "],
    ["not a string", 42],
  ])("gives a friendly notice for a %s question", (_label, input) => {
    const { reply, result } = answerQuestion(core, input as string);
    expect(result).toBeNull();
    expect(reply.kind).toBe("notice");
    expect(reply.ephemeral).toBe(true);
  });

  it.each([
    ["huge", "how long does X keep my data ".repeat(5000)],
    ["markdown", "**bold** `code` > quote ||spoiler|| [link](https://evil.example)"],
    ["mentions", "<@123456789012345678> @everyone @here what about grok"],
    ["unicode", "🤖🔥 données ça très ünïcödé 日本語 \u0000\u0007"],
  ])("never throws on %s input and stays within limits", (_label, input) => {
    const { reply } = answerQuestion(core, input);
    expectWithinLimits(reply);
  });
});

describe("opt-out questions that name a platform", () => {
  it.each([
    ["how do I turn off grok training on my iphone", "ios"],
    ["comment désactiver l'entraînement de Grok sur android", "android"],
    ["désactiver le partage avec Grok depuis le navigateur", "web"],
  ])("%j leads with the %s steps", (question, platform) => {
    const { reply } = answerQuestion(core, question);
    expect(reply.topic).toBe("opt-out");
    expect(reply.request).toEqual({ command: "optout", platform });
  });
});

describe("the retention comparison", () => {
  it("leads each version with the clause the answer relies on, and cites each version once", () => {
    const reply = retentionReply(core, "en", true);
    expect(reply.fields[0]?.value).toMatch(/^> We keep different types of information/);
    expect(reply.fields[0]?.value).toContain("18 months");
    expect(reply.fields[1]?.value).toMatch(
      /^> We keep different types of information for different periods of time, depending/,
    );
    // Deactivation touches retention but is not a retention clause.
    expect(reply.fields.map((f) => f.value).join("\n")).not.toContain("deactivat");
    const sources = reply.fields.at(-1);
    expect(sources?.value.match(/https:\/\/x\.com\/en\/privacy/g)).toHaveLength(
      reply.fields.length - 1,
    );
  });

  it("says in French that the texts shown are our translation", () => {
    const reply = retentionReply(core, "fr", true);
    expect(reply.fields[0]?.name).toMatch(/Notre traduction/);
    expect(reply.fields.at(-1)?.value).toMatch(/qui fait foi/);
  });
});
