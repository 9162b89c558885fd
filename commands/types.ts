import type {
  APIApplicationCommandOptionChoice,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Core } from "../src/core/core.js";
import type { Reply } from "../src/core/reply.js";
import type { Locale } from "../src/core/types.js";

/** An option value as Discord sends it; the shell flattens the interaction into this. */
export type OptionValue = string | number | boolean;

/** Everything a command handler may know about the invocation: plain data, no discord.js. */
export interface CommandRequest {
  command: string;
  options: Readonly<Record<string, OptionValue>>;
  /** The answer language, from the user's Discord locale. */
  locale: Locale;
  userId: string;
  guildId: string | null;
  /** For /about. */
  bot: { version: string; uptimeMs: number };
}

export interface AutocompleteRequest {
  command: string;
  /** The option being typed and what has been typed so far. */
  focused: { name: string; value: string };
  locale: Locale;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  handle(request: CommandRequest, core: Core): Reply | Promise<Reply>;
  autocomplete?(request: AutocompleteRequest, core: Core): Choice[];
  /**
   * Acknowledge first and answer by editing: for handlers that may take longer than the 3 s
   * Discord allows before the interaction expires.
   */
  defer?: boolean;
}

/** Handlers read options through these so a wrong type from Discord is a miss, not a crash. */
export function stringOption(request: CommandRequest, name: string): string | undefined {
  const value = request.options[name];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

export function booleanOption(request: CommandRequest, name: string): boolean | undefined {
  const value = request.options[name];
  return typeof value === "boolean" ? value : undefined;
}
