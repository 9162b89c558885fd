import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { answerMessageDefinition } from "../../commands/answer-message.js";
import { faqDefinition } from "../../commands/faq.js";
import { TOPIC_IDS } from "../../src/core/types.js";
import { FAQ_SUBCOMMANDS } from "../../src/faq/index.js";

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe("command definitions", () => {
  it("/faq is guild-only and shown to members who can pin (1 << 51)", () => {
    expect(faqDefinition.type).toBe(ApplicationCommandType.ChatInput);
    expect(faqDefinition.contexts).toEqual([0]);
    expect(faqDefinition.integration_types).toEqual([0]);
    expect(faqDefinition.default_member_permissions).toBe(String(1n << 51n));
    expect(faqDefinition.default_member_permissions).toBe("2251799813685248");
  });

  it("has one subcommand per service method, each with valid, localized names", () => {
    const subs = faqDefinition.options ?? [];
    expect(subs.map((s) => s.name)).toEqual([...FAQ_SUBCOMMANDS]);
    const walk = (option: {
      name: string;
      name_localizations?: unknown;
      description: string;
      description_localizations?: unknown;
      options?: unknown[];
    }) => {
      expect(option.name).toMatch(NAME);
      const fr = (option.name_localizations as { fr?: string } | undefined)?.fr;
      expect(fr).toMatch(NAME);
      expect(option.description.length).toBeLessThanOrEqual(100);
      expect((option.description_localizations as { fr: string }).fr.length).toBeLessThanOrEqual(
        100,
      );
      for (const child of (option.options ?? []) as (typeof option)[]) walk(child);
    };
    for (const sub of subs) {
      expect(sub.type).toBe(ApplicationCommandOptionType.Subcommand);
      walk(sub as never);
    }
    const post = subs.find((s) => s.name === "post") as {
      options: { name: string; choices?: { value: string }[] }[];
    };
    expect(post.options.find((o) => o.name === "topic")?.choices?.map((c) => c.value)).toEqual([
      ...TOPIC_IDS,
    ]);
    expect(JSON.stringify(faqDefinition).length).toBeLessThan(8000);
  });

  it("the context-menu command is a guild message command, named in French too", () => {
    expect(answerMessageDefinition.type).toBe(ApplicationCommandType.Message);
    expect(answerMessageDefinition.name).toBe("Answer with policybot");
    expect(answerMessageDefinition.name_localizations?.fr).toBe("Répondre avec policybot");
    expect(answerMessageDefinition.name.length).toBeLessThanOrEqual(32);
    expect(answerMessageDefinition.contexts).toEqual([0]);
  });
});
