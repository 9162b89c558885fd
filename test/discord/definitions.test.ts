import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { Locale } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { TOPIC_IDS } from "../../src/core/types.js";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const DISCORD_LOCALES = new Set<string>(Object.values(Locale));

function problems(def: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  const out: string[] = [];
  const where = `/${def.name}`;
  const checkName = (name: string, at: string) => {
    if (!NAME.test(name)) out.push(`${at}: name "${name}" does not match Discord's pattern`);
    if (name !== name.toLowerCase()) out.push(`${at}: name "${name}" is not lower case`);
  };
  const checkDescription = (text: string, at: string) => {
    if (text.length < 1 || text.length > 100)
      out.push(`${at}: description is ${text.length} chars`);
  };
  const checkLocales = (map: Record<string, unknown> | null | undefined, at: string) => {
    for (const key of Object.keys(map ?? {})) {
      if (!DISCORD_LOCALES.has(key)) out.push(`${at}: "${key}" is not a Discord locale`);
    }
  };
  checkName(def.name, where);
  for (const [locale, name] of Object.entries(def.name_localizations ?? {}))
    checkName(String(name), `${where} ${locale}`);
  checkLocales(def.name_localizations, where);
  checkDescription(def.description ?? "", where);
  for (const [locale, text] of Object.entries(def.description_localizations ?? {})) {
    checkDescription(String(text), `${where} ${locale}`);
  }
  checkLocales(def.description_localizations, where);
  const options: APIApplicationCommandOption[] = def.options ?? [];
  if (options.length > 25) out.push(`${where}: ${options.length} options`);
  let seenOptional = false;
  const names = new Set<string>();
  let chars = def.name.length + (def.description ?? "").length;
  for (const option of options) {
    const at = `${where} ${option.name}`;
    if (names.has(option.name)) out.push(`${at}: duplicate option`);
    names.add(option.name);
    checkName(option.name, at);
    for (const [locale, name] of Object.entries(option.name_localizations ?? {}))
      checkName(String(name), `${at} ${locale}`);
    checkLocales(option.name_localizations, at);
    checkDescription(option.description, at);
    for (const text of Object.values(option.description_localizations ?? {}))
      checkDescription(String(text), at);
    checkLocales(option.description_localizations, at);
    chars += option.name.length + option.description.length;
    const required = "required" in option && option.required === true;
    if (required && seenOptional) out.push(`${at}: required option after an optional one`);
    if (!required) seenOptional = true;
    const choices = "choices" in option ? (option.choices ?? []) : [];
    if (choices.length > 25) out.push(`${at}: ${choices.length} choices`);
    if (choices.length > 0 && "autocomplete" in option && option.autocomplete)
      out.push(`${at}: choices with autocomplete`);
    for (const choice of choices) {
      if (choice.name.length < 1 || choice.name.length > 100)
        out.push(`${at}: choice "${choice.name}" length`);
      for (const name of Object.values(choice.name_localizations ?? {})) {
        if (String(name).length < 1 || String(name).length > 100)
          out.push(`${at}: localized choice length`);
      }
      checkLocales(choice.name_localizations, `${at} choice`);
      chars += choice.name.length + String(choice.value).length;
    }
  }
  // Discord's cap on the combined text of a command.
  if (chars > 4000) out.push(`${where}: ${chars} characters in all`);
  return out;
}

describe("command definitions", () => {
  it("follow every Discord rule", () => {
    expect(commands.flatMap((c) => problems(c.definition))).toEqual([]);
  });

  it("catch a broken definition (the checker itself works)", () => {
    const broken = {
      name: "Ask Me",
      name_localizations: { fr: "Question", xx: "q" },
      description: "",
      options: [
        { type: 3, name: "b", description: "b", required: false },
        { type: 3, name: "a", description: "a", required: true },
      ],
    } as unknown as RESTPostAPIChatInputApplicationCommandsJSONBody;
    expect(problems(broken).length).toBeGreaterThanOrEqual(5);
  });

  it("are the seven commands, unique, localized in French, usable everywhere", () => {
    const names = commands.map((c) => c.definition.name);
    expect(names.sort()).toEqual([
      "about",
      "ask",
      "damages",
      "help",
      "optout",
      "retention",
      "source",
    ]);
    for (const { definition } of commands) {
      expect(definition.name_localizations?.fr, definition.name).toBeTruthy();
      expect(definition.description_localizations?.fr, definition.name).toBeTruthy();
      expect(definition.integration_types).toEqual([0, 1]);
      expect(definition.contexts).toEqual([0, 1, 2]);
      for (const option of definition.options ?? []) {
        expect(
          option.description_localizations?.fr,
          `${definition.name} ${option.name}`,
        ).toBeTruthy();
      }
    }
  });

  it("offer every topic in /source and a private option on the answering commands", () => {
    const source = commands.find((c) => c.definition.name === "source")?.definition;
    const topic = source?.options?.find((o) => o.name === "topic");
    const values = topic && "choices" in topic ? (topic.choices ?? []).map((c) => c.value) : [];
    expect([...values].sort()).toEqual([...TOPIC_IDS].sort());
    for (const name of ["ask", "optout", "retention", "damages", "source"]) {
      const def = commands.find((c) => c.definition.name === name)?.definition;
      expect(
        def?.options?.some((o) => o.name === "private" && o.type === 5),
        name,
      ).toBe(true);
    }
  });
});
