import { ApplicationCommandType } from "discord-api-types/v10";
import { helpReply } from "../src/answer/index.js";
import { EVERYWHERE, PRIVATE_OPTION } from "./shared.js";
import type { Command } from "./types.js";

export const help: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "help",
    name_localizations: { fr: "aide" },
    description: "What this bot answers and how to ask",
    description_localizations: { fr: "Ce que ce bot sait répondre et comment lui demander" },
    options: [PRIVATE_OPTION],
    ...EVERYWHERE,
  },
  handle(request, core) {
    return helpReply(core, request.locale);
  },
};
