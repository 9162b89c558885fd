import type { RESTPostAPIApplicationCommandsJSONBody } from "discord-api-types/v10";
import { about } from "./about.js";
import { answerMessageDefinition } from "./answer-message.js";
import { ask } from "./ask.js";
import { damages } from "./damages.js";
import { faqDefinition } from "./faq.js";
import { help } from "./help.js";
import { optout } from "./optout.js";
import { retention } from "./retention.js";
import { source } from "./source.js";
import type { Command } from "./types.js";

export { ANSWER_MESSAGE_COMMAND_NAME, answerMessageDefinition } from "./answer-message.js";
export { faqDefinition } from "./faq.js";
export type { AutocompleteRequest, Choice, Command, CommandRequest, OptionValue } from "./types.js";

/** The one list both the deploy script and the dispatcher read, so they cannot drift apart. */
export const commands: readonly Command[] = [ask, optout, retention, damages, source, help, about];

/**
 * The moderators' commands: /faq and the "Answer with policybot" context menu. Their handlers
 * need the store and Discord (src/faq's service), so the dispatcher routes them on a second path.
 */
export const moderatorDefinitions: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  faqDefinition,
  answerMessageDefinition,
];

/** Everything deploy-commands registers: the answering commands, then the moderators' ones. */
export function deployDefinitions(
  list: readonly Command[] = commands,
): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...list.map((c) => c.definition), ...moderatorDefinitions];
}

export function commandsByName(list: readonly Command[] = commands): Map<string, Command> {
  return new Map(list.map((command) => [command.definition.name, command]));
}
