import { ApplicationCommandType } from "discord-api-types/v10";
import { aboutReply } from "../src/answer/index.js";
import { EVERYWHERE, PRIVATE_OPTION } from "./shared.js";
import type { Command } from "./types.js";

export const about: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "about",
    name_localizations: { fr: "a-propos" },
    description: "Versions of the policy texts and of the bot",
    description_localizations: { fr: "Versions des textes cités et du bot" },
    options: [PRIVATE_OPTION],
    ...EVERYWHERE,
  },
  handle(request, core) {
    return aboutReply(core, request.locale, {
      botVersion: request.bot.version,
      uptimeMs: request.bot.uptimeMs,
    });
  },
};
