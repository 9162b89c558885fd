import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { sourceReply } from "../src/answer/index.js";
import { isTopicId, type TopicId } from "../src/core/types.js";
import { EVERYWHERE, PRIVATE_OPTION, TOPIC_CHOICES } from "./shared.js";
import { type Command, stringOption } from "./types.js";

export const source: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "source",
    name_localizations: { fr: "source" },
    description: "The exact policy texts behind an answer, with version and link",
    description_localizations: {
      fr: "Les textes exacts derrière une réponse, avec version et lien",
    },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "topic",
        name_localizations: { fr: "sujet" },
        description: "The topic",
        description_localizations: { fr: "Le sujet" },
        required: true,
        choices: TOPIC_CHOICES.map((c) => ({
          name: c.en,
          value: c.value,
          name_localizations: { fr: c.fr },
        })),
      },
      PRIVATE_OPTION,
    ],
    ...EVERYWHERE,
  },
  handle(request, core) {
    const value = stringOption(request, "topic") ?? "";
    // Choices make anything else impossible from the client, but a stale command could send it.
    const topic: TopicId = isTopicId(value) ? value : "context";
    return sourceReply(core, topic, request.locale);
  },
};
