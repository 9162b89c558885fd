import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { PERMISSION_BITS } from "../src/store/permissions.js";
import { TOPIC_CHOICES } from "./shared.js";

/**
 * The /faq command's definition only. Its handler is `FaqService.run(subcommand, request)`
 * in src/faq: it needs the store and Discord (through a port), not just the core, so it does
 * not fit the `Command` interface of the answering commands.
 */

const TOPIC: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.String,
  name: "topic",
  name_localizations: { fr: "sujet" },
  description: "The FAQ topic",
  description_localizations: { fr: "Le sujet de la FAQ" },
  required: true,
  choices: TOPIC_CHOICES.map((c) => ({
    name: c.en,
    value: c.value,
    name_localizations: { fr: c.fr },
  })),
};

const LANGUAGE: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.String,
  name: "language",
  name_localizations: { fr: "langue" },
  description: "Language of the FAQ message (default: yours)",
  description_localizations: { fr: "Langue du message FAQ (par défaut : la vôtre)" },
  required: false,
  choices: [
    { name: "French", value: "fr", name_localizations: { fr: "Français" } },
    { name: "English", value: "en", name_localizations: { fr: "Anglais" } },
  ],
};

/** Discord's client shows /faq only to members who may pin; the service checks again at run time. */
export const FAQ_DEFAULT_MEMBER_PERMISSIONS = String(PERMISSION_BITS.PinMessages);

export const faqDefinition: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: "faq",
  name_localizations: { fr: "faq" },
  description: "Moderators: pinned FAQ answers in this server",
  description_localizations: { fr: "Modération : réponses FAQ épinglées dans ce serveur" },
  default_member_permissions: FAQ_DEFAULT_MEMBER_PERMISSIONS,
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "post",
      name_localizations: { fr: "publier" },
      description: "Post a topic's answer in this channel and pin it (updates it if already there)",
      description_localizations: {
        fr: "Publier la réponse d'un sujet dans ce salon et l'épingler (la met à jour si elle y est)",
      },
      options: [
        TOPIC,
        LANGUAGE,
        {
          type: ApplicationCommandOptionType.Boolean,
          name: "pin",
          name_localizations: { fr: "épingler" },
          description: "Pin the message (default: yes)",
          description_localizations: { fr: "Épingler le message (par défaut : oui)" },
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "unpin",
      name_localizations: { fr: "désépingler" },
      description: "Unpin a topic's FAQ message in this channel (the message stays)",
      description_localizations: {
        fr: "Désépingler le message FAQ d'un sujet dans ce salon (le message reste)",
      },
      options: [TOPIC, LANGUAGE],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "list",
      name_localizations: { fr: "liste" },
      description: "This server's FAQ messages, with those behind the current knowledge marked",
      description_localizations: {
        fr: "Les messages FAQ de ce serveur, ceux en retard sur les connaissances signalés",
      },
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "refresh",
      name_localizations: { fr: "actualiser" },
      description: "Update every outdated FAQ message of this server in place",
      description_localizations: {
        fr: "Mettre à jour sur place chaque message FAQ périmé de ce serveur",
      },
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "stats",
      name_localizations: { fr: "stats" },
      description: "Questions per topic, frequent unanswered questions, helpfulness",
      description_localizations: {
        fr: "Questions par sujet, questions sans réponse fréquentes, utilité",
      },
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "days",
          name_localizations: { fr: "jours" },
          description: "How many days back (default 30)",
          description_localizations: { fr: "Sur combien de jours (30 par défaut)" },
          required: false,
          min_value: 1,
          max_value: 365,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reload",
      name_localizations: { fr: "recharger" },
      description: "Bot owner: reload the knowledge files",
      description_localizations: {
        fr: "Propriétaire du bot : recharger les fichiers de connaissances",
      },
    },
  ],
};
