import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  Locale,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

/**
 * One line typed into the sandbox, parsed against the bot's command definitions. Pure: no
 * emulator, no bot, so every refusal is testable and none of them can crash the prompt.
 */
export type SandboxLine =
  | { kind: "empty" }
  | { kind: "command"; name: string; options: Record<string, string | number | boolean> }
  | { kind: "dm"; content: string }
  /** `null`: show the current locale. */
  | { kind: "locale"; locale: Locale | null }
  | { kind: "press"; button: number }
  | { kind: "help" }
  | { kind: "quit" }
  /** The line cannot be sent; `message` says why and what would work. */
  | { kind: "invalid"; message: string };

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** What the Discord client refuses to send in a message. */
const MAX_MESSAGE_CHARS = 2000;

const DISCORD_LOCALES: readonly Locale[] = Object.values(Locale);

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "on", "oui", "vrai"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "off", "non", "faux"]);

/** `name:` at the start or after a space; the name is checked against the command's options. */
const MARKER = /(^|\s)([\p{L}\p{N}_-]+):/gu;

export function parseLine(raw: string, definitions: readonly CommandDefinition[]): SandboxLine {
  const line = raw.replace(/\r$/, "").trim();
  // Comments let example scripts explain themselves.
  if (line === "" || line.startsWith("#")) return { kind: "empty" };
  if (line.startsWith(":")) return parseDirective(line);
  if (line.startsWith("/")) return parseCommand(line, definitions);
  if (line.length > MAX_MESSAGE_CHARS) {
    return invalid(
      `That message has ${line.length} characters; Discord allows ${MAX_MESSAGE_CHARS.toLocaleString("en-US")} in a message.`,
    );
  }
  return { kind: "dm", content: line };
}

function invalid(message: string): SandboxLine {
  return { kind: "invalid", message };
}

const DIRECTIVES = ":locale fr|en-US|…, :press N, :help, :quit";

function parseDirective(line: string): SandboxLine {
  const [word = "", ...rest] = line.slice(1).split(/\s+/);
  const arg = rest.join(" ").trim();
  switch (word.toLowerCase()) {
    case "help":
    case "h":
    case "?":
      return { kind: "help" };
    case "quit":
    case "q":
    case "exit":
      return { kind: "quit" };
    case "locale":
    case "lang":
      return parseLocale(arg);
    case "press":
    case "p": {
      const n = Number(arg);
      if (!/^\d+$/.test(arg) || n < 1) {
        return invalid("Usage: :press N, where N is a button number shown under the last answer.");
      }
      return { kind: "press", button: n };
    }
    default:
      return invalid(`Unknown directive :${word}. Directives: ${DIRECTIVES}.`);
  }
}

function parseLocale(arg: string): SandboxLine {
  if (arg === "") return { kind: "locale", locale: null };
  const wanted = arg.toLowerCase().replace("_", "-");
  // People type "en"; Discord has no bare "en", and en-US is what most clients send.
  const alias = wanted === "en" ? Locale.EnglishUS : undefined;
  const locale = alias ?? DISCORD_LOCALES.find((l) => l.toLowerCase() === wanted);
  if (!locale) {
    return invalid(
      `Unknown Discord locale "${arg}". Try fr, en-US or en-GB (all: ${DISCORD_LOCALES.join(", ")}).`,
    );
  }
  return { kind: "locale", locale };
}

function findCommand(
  name: string,
  definitions: readonly CommandDefinition[],
): CommandDefinition | undefined {
  const wanted = name.toLowerCase();
  return (
    definitions.find((d) => d.name === wanted) ??
    // French users know the French names: /aide, /dommages, /refuser-ia …
    definitions.find((d) =>
      Object.values(d.name_localizations ?? {}).some((n) => n?.toLowerCase() === wanted),
    )
  );
}

export function commandList(definitions: readonly CommandDefinition[]): string {
  return definitions.map((d) => `/${d.name}`).join(", ");
}

function basicOptions(definition: CommandDefinition): APIApplicationCommandBasicOption[] {
  return (definition.options ?? []).filter(
    (o): o is APIApplicationCommandBasicOption =>
      o.type !== ApplicationCommandOptionType.Subcommand &&
      o.type !== ApplicationCommandOptionType.SubcommandGroup,
  );
}

function findOption(
  name: string,
  options: readonly APIApplicationCommandBasicOption[],
): APIApplicationCommandBasicOption | undefined {
  const wanted = name.toLowerCase();
  return (
    options.find((o) => o.name === wanted) ??
    options.find((o) =>
      Object.values(o.name_localizations ?? {}).some((n) => n?.toLowerCase() === wanted),
    )
  );
}

/** `/damages posts: <text> [terms: us|eu] [private: true|false]` */
export function usage(definition: CommandDefinition): string {
  const parts = basicOptions(definition).map((o) => {
    const shape = optionShape(o);
    return o.required ? `${o.name}: ${shape}` : `[${o.name}: ${shape}]`;
  });
  return [`/${definition.name}`, ...parts].join(" ");
}

function optionShape(option: APIApplicationCommandBasicOption): string {
  if ("choices" in option && option.choices?.length) {
    return option.choices.map((c) => String(c.value)).join("|");
  }
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean:
      return "true|false";
    case ApplicationCommandOptionType.Integer:
      return "<whole number>";
    case ApplicationCommandOptionType.Number:
      return "<number>";
    case ApplicationCommandOptionType.String:
      return "<text>";
    default:
      return "<unsupported>";
  }
}

/**
 * A prose option (a question) keeps `word:` that is not an option name: questions may contain
 * colons. Short text options (/damages posts, at most 100 characters) do not, so a misspelt
 * option after them is reported instead of being sent as part of the value.
 */
function isProse(option: APIApplicationCommandOption): boolean {
  if (option.type !== ApplicationCommandOptionType.String) return false;
  if (option.choices?.length) return false;
  return option.autocomplete === true || (option.max_length ?? 6000) > 100;
}

function parseCommand(line: string, definitions: readonly CommandDefinition[]): SandboxLine {
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(line);
  const name = match?.[1] ?? "";
  const rest = match?.[2] ?? "";
  if (name === "")
    return invalid(`Type a command after "/". Commands: ${commandList(definitions)}.`);
  const definition = findCommand(name, definitions);
  if (!definition) {
    return invalid(`Unknown command /${name}. Commands: ${commandList(definitions)}.`);
  }
  const declared = basicOptions(definition);
  const split = splitPairs(rest, declared);
  if ("error" in split) return invalid(`${split.error} Usage: ${usage(definition)}`);
  const options: Record<string, string | number | boolean> = {};
  for (const [option, text] of split.pairs) {
    if (option.name in options) {
      return invalid(`Option ${option.name} is given twice. Usage: ${usage(definition)}`);
    }
    const value = convert(option, text);
    if (typeof value === "object") return invalid(`${value.error} Usage: ${usage(definition)}`);
    options[option.name] = value;
  }
  const missing = declared.filter((o) => o.required && !(o.name in options));
  if (missing.length > 0) {
    return invalid(
      `/${definition.name} needs ${missing.map((o) => o.name).join(", ")}. Usage: ${usage(definition)}`,
    );
  }
  return { kind: "command", name: definition.name, options };
}

type Pairs = { pairs: [APIApplicationCommandBasicOption, string][] } | { error: string };

function splitPairs(rest: string, declared: APIApplicationCommandBasicOption[]): Pairs {
  const pairs: [APIApplicationCommandBasicOption, string][] = [];
  let current: APIApplicationCommandBasicOption | undefined;
  let valueStart = 0;
  let leading = "";
  for (const m of rest.matchAll(MARKER)) {
    const at = (m.index ?? 0) + (m[1]?.length ?? 0);
    const word = m[2] ?? "";
    const option = findOption(word, declared);
    if (!option) {
      const end = at + word.length + 1;
      // "https://…" or "10:30" inside a value is text, not an option.
      const looksLikeOption = end === rest.length || /\s/.test(rest[end] ?? "");
      if (!looksLikeOption || (current && isProse(current))) continue;
      const names = declared.map((o) => o.name).join(", ") || "none";
      return { error: `Unknown option "${word}". Options: ${names}.` };
    }
    if (current) pairs.push([current, rest.slice(valueStart, at)]);
    else leading = rest.slice(0, at);
    current = option;
    valueStart = at + word.length + 1;
  }
  if (current) pairs.push([current, rest.slice(valueStart)]);
  else leading = rest;
  if (leading.trim() !== "") {
    // Convenience: `/ask comment me désinscrire` fills the one required option.
    const required = declared.filter((o) => o.required);
    const only = required.length === 1 ? required[0] : undefined;
    if (!only || pairs.length > 0) {
      return { error: `Write options as name: value (not "${shorten(leading.trim())}").` };
    }
    pairs.unshift([only, leading]);
  }
  return { pairs };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    return t.slice(1, -1);
  }
  return t;
}

function convert(
  option: APIApplicationCommandBasicOption,
  raw: string,
): string | number | boolean | { error: string } {
  const text = unquote(raw);
  if (text === "") return { error: `Option ${option.name} needs a value.` };
  switch (option.type) {
    case ApplicationCommandOptionType.String: {
      if (option.choices?.length) {
        const wanted = text.toLowerCase();
        const choice = option.choices.find(
          (c) =>
            c.value.toLowerCase() === wanted ||
            c.name.toLowerCase() === wanted ||
            Object.values(c.name_localizations ?? {}).some((n) => n?.toLowerCase() === wanted),
        );
        if (!choice) {
          return {
            error: `"${shorten(text)}" is not a choice of ${option.name}: ${option.choices.map((c) => c.value).join(", ")}.`,
          };
        }
        return choice.value;
      }
      const max = option.max_length ?? 6000;
      if (text.length > max) {
        return { error: `Option ${option.name} takes at most ${max} characters (${text.length}).` };
      }
      if (option.min_length !== undefined && text.length < option.min_length) {
        return { error: `Option ${option.name} takes at least ${option.min_length} characters.` };
      }
      return text;
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(text.replace(/[\s_,]/g, ""));
      const integer = option.type === ApplicationCommandOptionType.Integer;
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        return { error: `Option ${option.name} takes a ${integer ? "whole " : ""}number.` };
      }
      if (option.min_value !== undefined && n < option.min_value) {
        return { error: `Option ${option.name} is at least ${option.min_value}.` };
      }
      if (option.max_value !== undefined && n > option.max_value) {
        return { error: `Option ${option.name} is at most ${option.max_value}.` };
      }
      return n;
    }
    case ApplicationCommandOptionType.Boolean: {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return { error: `Option ${option.name} takes true or false.` };
    }
    default:
      return { error: `Option ${option.name} has a type the sandbox cannot send.` };
  }
}
