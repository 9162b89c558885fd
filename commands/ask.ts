import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { answerQuestion, suggestQuestions } from "../src/answer/index.js";
import { EVERYWHERE, PRIVATE_OPTION } from "./shared.js";
import { type Choice, type Command, stringOption } from "./types.js";

const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;

export const ask: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "ask",
    name_localizations: { fr: "question" },
    description: "Ask a question about X's 2024 privacy policy and terms changes",
    description_localizations: {
      fr: "Posez une question sur les changements 2024 de la politique de confidentialité de X",
    },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "question",
        name_localizations: { fr: "question" },
        description: "Your question, in French or English",
        description_localizations: { fr: "Votre question, en français ou en anglais" },
        required: true,
        max_length: 500,
        autocomplete: true,
      },
      PRIVATE_OPTION,
    ],
    ...EVERYWHERE,
  },
  // No defer: a search takes well under a millisecond (measured), far from Discord's 3 s.
  handle(request, core) {
    return answerQuestion(core, stringOption(request, "question") ?? "", { locale: request.locale })
      .reply;
  },
  autocomplete(request, core): Choice[] {
    const typed = request.focused.value.slice(0, 200);
    const seen = new Set<string>();
    const choices: Choice[] = [];
    for (const choice of suggestQuestions(core, typed, request.locale)) {
      // Discord rejects the whole autocomplete response if one choice breaks a rule.
      const name = choice.name.trim().slice(0, MAX_CHOICE_CHARS);
      const value = choice.value.slice(0, MAX_CHOICE_CHARS);
      if (!name || !value || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name, value });
      if (choices.length === MAX_CHOICES) break;
    }
    return choices;
  },
};
