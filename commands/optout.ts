import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { optOutReply } from "../src/answer/index.js";
import { PLATFORMS, type Platform } from "../src/core/types.js";
import { EVERYWHERE, PRIVATE_OPTION } from "./shared.js";
import { type Command, stringOption } from "./types.js";

export const optout: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "optout",
    name_localizations: { fr: "refuser-ia" },
    description: "How to stop X from using your posts to train AI",
    description_localizations: {
      fr: "Comment empêcher X d'utiliser vos posts pour entraîner l'IA",
    },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "platform",
        name_localizations: { fr: "plateforme" },
        description: "Where you use X",
        description_localizations: { fr: "Où vous utilisez X" },
        required: false,
        choices: [
          { name: "Web", value: "web", name_localizations: { fr: "Web" } },
          { name: "iOS", value: "ios", name_localizations: { fr: "iOS" } },
          { name: "Android", value: "android", name_localizations: { fr: "Android" } },
        ],
      },
      PRIVATE_OPTION,
    ],
    ...EVERYWHERE,
  },
  handle(request, core) {
    const value = stringOption(request, "platform");
    const platform = PLATFORMS.find((p): p is Platform => p === value);
    return optOutReply(core, request.locale, platform);
  },
};
