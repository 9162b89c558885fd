import {
  type APIApplicationCommand,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
} from "discord-api-types/v10";
import { discordErrors } from "./errors.js";
import type { SnowflakeGenerator } from "./snowflake.js";

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Problems = Record<string, string>;

function checkOptions(problems: Problems, at: string, options: unknown): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    problems[at] = "Must be an array.";
    return;
  }
  if (options.length > 25) problems[at] = "Must be 25 or fewer in length.";
  const seen = new Set<string>();
  options.forEach((raw, i) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const here = `${at}.${i}`;
    const name = typeof o.name === "string" ? o.name : "";
    if (!NAME.test(name) || name !== name.toLowerCase()) {
      problems[`${here}.name`] = "Command name is invalid";
    }
    if (seen.has(name)) problems[`${here}.name`] = "Option names must be unique";
    seen.add(name);
    const description = typeof o.description === "string" ? [...o.description].length : 0;
    if (description < 1 || description > 100) {
      problems[`${here}.description`] = "Must be between 1 and 100 in length.";
    }
    if (Array.isArray(o.choices) && o.choices.length > 25) {
      problems[`${here}.choices`] = "Must be 25 or fewer in length.";
    }
    if (o.autocomplete === true && Array.isArray(o.choices) && o.choices.length > 0) {
      problems[`${here}.autocomplete`] = "Autocomplete cannot be set with choices";
    }
    checkOptions(problems, `${here}.options`, o.options);
  });
}

/**
 * Validates a bulk-overwrite body as Discord does (names, descriptions, 25 options/choices,
 * unique names) and returns the stored commands, keeping the id of a command that keeps its name.
 */
export function overwriteCommands(
  ids: SnowflakeGenerator,
  applicationId: string,
  guildId: string | undefined,
  previous: APIApplicationCommand[],
  body: unknown,
): APIApplicationCommand[] {
  if (!Array.isArray(body)) throw discordErrors.invalidBody({ _root: "Must be an array." });
  if (body.length > 100)
    throw discordErrors.invalidBody({ _root: "Must be 100 or fewer in length." });
  const problems: Problems = {};
  const seen = new Set<string>();
  const result = body.map((raw, i): APIApplicationCommand => {
    const c = (raw ?? {}) as Record<string, unknown>;
    const type = (
      typeof c.type === "number" ? c.type : ApplicationCommandType.ChatInput
    ) as ApplicationCommandType;
    const name = typeof c.name === "string" ? c.name : "";
    const chatInput = type === ApplicationCommandType.ChatInput;
    // Context-menu names are free text (spaces, capitals) of 1 to 32 characters.
    const validName = chatInput
      ? NAME.test(name) && name === name.toLowerCase()
      : [...name].length >= 1 && [...name].length <= 32 && name.trim() === name;
    if (!validName) {
      problems[`${i}.name`] = "Command name is invalid";
    }
    const key = `${type}:${name}`;
    if (seen.has(key)) problems[`${i}.name`] = "Application command names must be unique";
    seen.add(key);
    const description = typeof c.description === "string" ? c.description : "";
    if (chatInput && ([...description].length < 1 || [...description].length > 100)) {
      problems[`${i}.description`] = "Must be between 1 and 100 in length.";
    }
    checkOptions(problems, `${i}.options`, c.options);
    const old = previous.find((p) => p.name === name && p.type === type);
    return {
      ...(c as object),
      id: old?.id ?? ids.next(),
      application_id: applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      type,
      name,
      name_localizations:
        (c.name_localizations as APIApplicationCommand["name_localizations"]) ?? null,
      description: chatInput ? description : "",
      description_localizations:
        (c.description_localizations as APIApplicationCommand["description_localizations"]) ?? null,
      options: (c.options as APIApplicationCommand["options"]) ?? [],
      default_member_permissions:
        (c.default_member_permissions as string | null | undefined) ?? null,
      nsfw: c.nsfw === true,
      version: ids.next(),
      contexts: (c.contexts as InteractionContextType[] | undefined) ?? [
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ],
      integration_types: (c.integration_types as ApplicationIntegrationType[] | undefined) ?? [
        ApplicationIntegrationType.GuildInstall,
      ],
    } as APIApplicationCommand;
  });
  if (Object.keys(problems).length > 0) throw discordErrors.invalidBody(problems);
  return result;
}
