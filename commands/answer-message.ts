import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";

/**
 * The message context-menu command (right-click a message → Apps). Definition only; the
 * handler is `FaqService.answerMessage` in src/faq. Guild-only: the answer is posted in the
 * channel as a reply to the message, which needs the bot there. Everyone may use it (like a
 * public /ask); the shell's rate limiter applies.
 */
export const ANSWER_MESSAGE_COMMAND_NAME = "Answer with policybot";

export const answerMessageDefinition: RESTPostAPIContextMenuApplicationCommandsJSONBody = {
  type: ApplicationCommandType.Message,
  name: ANSWER_MESSAGE_COMMAND_NAME,
  name_localizations: { fr: "Répondre avec policybot" },
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};
