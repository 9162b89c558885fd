import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
} from "discord-api-types/v10";

/** Installable in servers and by users; usable in servers, the bot's DMs and other DMs. */
export const EVERYWHERE = {
  integration_types: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
};

/** The option every answering command has: answer only to the asker. */
export const PRIVATE_OPTION: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: "private",
  name_localizations: { fr: "privé" },
  description: "Only you see the answer",
  description_localizations: { fr: "Vous seul voyez la réponse" },
  required: false,
};
