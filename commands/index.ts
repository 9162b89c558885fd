import { about } from "./about.js";
import { ask } from "./ask.js";
import { damages } from "./damages.js";
import { help } from "./help.js";
import { optout } from "./optout.js";
import { retention } from "./retention.js";
import { source } from "./source.js";
import type { Command } from "./types.js";

export type { AutocompleteRequest, Choice, Command, CommandRequest, OptionValue } from "./types.js";

/** The one list both the deploy script and the dispatcher read, so they cannot drift apart. */
export const commands: readonly Command[] = [ask, optout, retention, damages, source, help, about];

export function commandsByName(list: readonly Command[] = commands): Map<string, Command> {
  return new Map(list.map((command) => [command.definition.name, command]));
}
