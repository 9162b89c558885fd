import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
} from "discord-api-types/v10";
import type { TopicId } from "../src/core/types.js";

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

/** Topic choices of /source and /faq: labels only; the topics' own titles live in the knowledge files. */
export const TOPIC_CHOICES: { value: TopicId; en: string; fr: string }[] = [
  { value: "opt-out", en: "Opting out of AI training", fr: "Refuser l'entraînement de l'IA" },
  {
    value: "third-party-ai",
    en: "Third parties training AI",
    fr: "Entraînement d'IA par des tiers",
  },
  { value: "grok", en: "Grok and the Irish regulator", fr: "Grok et le régulateur irlandais" },
  { value: "retention", en: "Data retention", fr: "Conservation des données" },
  {
    value: "scraping-damages",
    en: "Scraping and liquidated damages",
    fr: "Scraping et dommages forfaitaires",
  },
  { value: "account-data", en: "Your account data", fr: "Les données de votre compte" },
  { value: "context", en: "Why X changed its terms", fr: "Pourquoi X a changé ses conditions" },
];
