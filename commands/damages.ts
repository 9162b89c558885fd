import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { damagesReply } from "../src/answer/index.js";
import type { Terms } from "../src/core/reply.js";
import { EVERYWHERE, PRIVATE_OPTION } from "./shared.js";
import { type Command, stringOption } from "./types.js";

export const damages: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "damages",
    name_localizations: { fr: "dommages" },
    description: "What the Terms' liquidated damages clause says for a number of posts",
    description_localizations: {
      fr: "Ce que la clause de dommages forfaitaires des Conditions prévoit pour un nombre de posts",
    },
    options: [
      {
        // Text, not a number option: "2.5M" or "3 000 000" get parsed, and bad input gets an
        // explanation instead of Discord's terse client-side refusal.
        type: ApplicationCommandOptionType.String,
        name: "posts",
        name_localizations: { fr: "posts" },
        description: "Posts requested, viewed or accessed in 24 hours, e.g. 3000000 or 2.5M",
        description_localizations: {
          fr: "Posts demandés, consultés ou obtenus en 24 heures, p. ex. 3000000 ou 2,5M",
        },
        required: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "terms",
        name_localizations: { fr: "conditions" },
        description: "Which Terms apply to you (default: outside the EU, in USD)",
        description_localizations: {
          fr: "Quelles Conditions s'appliquent à vous (par défaut : hors UE, en USD)",
        },
        required: false,
        choices: [
          {
            name: "Outside the EU, EFTA and UK (USD)",
            value: "us",
            name_localizations: { fr: "Hors UE, AELE et Royaume-Uni (USD)" },
          },
          {
            name: "EU, EFTA and UK (EUR)",
            value: "eu",
            name_localizations: { fr: "UE, AELE et Royaume-Uni (EUR)" },
          },
        ],
      },
      PRIVATE_OPTION,
    ],
    ...EVERYWHERE,
  },
  handle(request, core) {
    const terms: Terms = stringOption(request, "terms") === "eu" ? "eu" : "us";
    return damagesReply(core, request.locale, request.options.posts, terms);
  },
};
