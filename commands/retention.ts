import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { retentionReply } from "../src/answer/index.js";
import { EVERYWHERE, PRIVATE_OPTION } from "./shared.js";
import { booleanOption, type Command } from "./types.js";

export const retention: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "retention",
    name_localizations: { fr: "conservation" },
    description: "What X keeps about you and for how long",
    description_localizations: { fr: "Ce que X conserve sur vous et pendant combien de temps" },
    options: [
      {
        type: ApplicationCommandOptionType.Boolean,
        name: "compare",
        name_localizations: { fr: "comparer" },
        description: "Show the 2023 wording beside the 2024 wording",
        description_localizations: { fr: "Afficher la version 2023 à côté de la version 2024" },
        required: false,
      },
      PRIVATE_OPTION,
    ],
    ...EVERYWHERE,
  },
  handle(request, core) {
    return retentionReply(core, request.locale, booleanOption(request, "compare") ?? false);
  },
};
