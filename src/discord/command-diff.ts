import type { RESTPostAPIApplicationCommandsJSONBody } from "discord-api-types/v10";

/** Slash commands and context-menu commands alike. */
export type CommandDefinition = RESTPostAPIApplicationCommandsJSONBody;

export interface CommandDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/**
 * Discord returns registered commands with ids, versions and defaults filled in; both sides are
 * reduced to what a definition can say, with Discord's defaults, before comparing.
 */
export function normalizeCommand(command: Record<string, unknown>): unknown {
  return canonical({
    type: command.type ?? 1,
    name: command.name,
    name_localizations: emptyToNull(command.name_localizations),
    // Discord returns "" for context-menu commands, which a definition leaves out.
    description: command.description ?? "",
    description_localizations: emptyToNull(command.description_localizations),
    options: normalizeOptions(command.options),
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw ?? false,
    integration_types: command.integration_types ?? [0],
    contexts: command.contexts ?? null,
  });
}

function emptyToNull(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && Object.keys(value as object).length === 0) return null;
  return value;
}

function normalizeOptions(options: unknown): unknown {
  if (!Array.isArray(options) || options.length === 0) return [];
  return options.map((raw: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      if (key === "name_localized" || key === "description_localized") continue;
      out[key] = value;
    }
    out.required = raw.required ?? false;
    out.autocomplete = raw.autocomplete ?? false;
    out.name_localizations = emptyToNull(raw.name_localizations);
    out.description_localizations = emptyToNull(raw.description_localizations);
    if (Array.isArray(raw.choices)) {
      out.choices = raw.choices.map((c: Record<string, unknown>) => ({
        name: c.name,
        value: c.value,
        name_localizations: emptyToNull(c.name_localizations),
      }));
    }
    if (Array.isArray(raw.options)) out.options = normalizeOptions(raw.options);
    return out;
  });
}

/** Stable key order so JSON.stringify compares structure, not insertion order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function diffCommands(
  current: Record<string, unknown>[],
  wanted: CommandDefinition[],
): CommandDiff {
  const existing = new Map(current.map((c) => [String(c.name), c]));
  const diff: CommandDiff = { added: [], changed: [], removed: [], unchanged: [] };
  for (const command of wanted) {
    const old = existing.get(command.name);
    if (!old) diff.added.push(command.name);
    else if (
      JSON.stringify(normalizeCommand(old)) !==
      JSON.stringify(normalizeCommand(command as unknown as Record<string, unknown>))
    )
      diff.changed.push(command.name);
    else diff.unchanged.push(command.name);
    existing.delete(command.name);
  }
  diff.removed.push(...existing.keys());
  return diff;
}
