import { randomBytes } from "node:crypto";
import {
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIBaseInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  type GatewayMessageCreateDispatchData,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
} from "discord-api-types/v10";
import type { SnowflakeGenerator } from "./snowflake.js";
import {
  DM_APP_PERMISSIONS,
  EVERYONE_PERMISSIONS,
  type GuildState,
  type UserSpec,
  type World,
} from "./world.js";

/** Where an interaction happens and who triggers it; shared by every interaction builder. */
export interface InteractionContextSpec {
  /** Guild of the interaction; omit for a DM with the bot. */
  guildId?: string;
  /** Guild channel (default: the guild's first channel). Ignored in DMs. */
  channelId?: string;
  /** Who interacts (default: the emulator's default user "alice"). */
  user?: UserSpec;
  /** The user's client locale (default en-US). */
  locale?: Locale;
  /** The member's permissions in the channel, decimal bitfield (guild only). */
  memberPermissions?: string;
  /** The bot's permissions in the channel, decimal bitfield (default: its role's). */
  appPermissions?: string;
}

/** Option values by name; types come from the registered command when there is one. */
export type OptionValues = Record<string, string | number | boolean>;

export interface ChatInputSpec extends InteractionContextSpec {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Values by option name, or raw options sent as they are. */
  options?: OptionValues | APIApplicationCommandInteractionDataOption[];
}

export interface AutocompleteSpec extends InteractionContextSpec {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** The option being typed in and what has been typed so far. */
  focused: { name: string; value: string };
  /** Other options already filled in. */
  options?: OptionValues;
}

export interface ButtonSpec extends Omit<InteractionContextSpec, "guildId" | "channelId"> {
  customId: string;
  /** The message the button is on (an object, or the id of a message the emulator holds). */
  message: APIMessage | string;
}

export interface MessageContextMenuSpec extends InteractionContextSpec {
  name: string;
  targetMessage: APIMessage | string;
}

export interface DmSpec {
  content: string;
  user?: UserSpec;
}

export interface GuildMessageSpec {
  content: string;
  channelId: string;
  /** Checked against the channel's guild when given. */
  guildId?: string;
  user?: UserSpec;
  /** Prefixes `<@bot>` to the content (unless present) and lists the bot in mentions. */
  mentionsBot?: boolean;
}

/** Builds complete, typed gateway payloads over the emulator's world. */
export class PayloadBuilder {
  constructor(
    private readonly world: World,
    private readonly ids: SnowflakeGenerator,
    private readonly applicationId: string,
  ) {}

  #guild(guildId: string): GuildState {
    const guild = this.world.guilds.get(guildId);
    if (!guild) {
      throw new Error(
        `Unknown guild ${guildId}: the emulator has ${[...this.world.guilds.keys()].join(", ") || "none"}`,
      );
    }
    return guild;
  }

  #message(ref: APIMessage | string): APIMessage {
    if (typeof ref !== "string") return this.world.messages.get(ref.id) ?? ref;
    const found = this.world.messages.get(ref);
    if (!found)
      throw new Error(`Unknown message ${ref}: the emulator holds no message with that id`);
    return found;
  }

  /** The fields every interaction has, for a guild or a DM context. */
  #base<T extends InteractionType, D>(
    type: T,
    data: D,
    spec: InteractionContextSpec,
  ): APIBaseInteraction<T, D> &
    Required<Pick<APIBaseInteraction<T, D>, "channel" | "channel_id" | "data">> {
    const user = this.world.resolveUser(spec.user);
    const common = {
      id: this.ids.next(),
      application_id: this.applicationId,
      type,
      data,
      token: `emulated-${randomBytes(24).toString("base64url")}`,
      version: 1 as const,
      locale: spec.locale ?? Locale.EnglishUS,
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (spec.guildId === undefined) {
      const channel = this.world.dmChannelFor(user);
      return {
        ...common,
        user,
        channel: {
          id: channel.id,
          type: ChannelType.DM,
          recipients: [user],
          last_message_id: null,
          flags: 0 as never,
        },
        channel_id: channel.id,
        app_permissions: spec.appPermissions ?? DM_APP_PERMISSIONS,
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: "0" },
        context: InteractionContextType.BotDM,
      };
    }
    const guild = this.#guild(spec.guildId);
    const channelId = spec.channelId ?? guild.channelIds[0];
    const channel = channelId ? this.world.channels.get(channelId) : undefined;
    if (!channel || channel.type !== ChannelType.GuildText || channel.guild_id !== guild.id) {
      throw new Error(`Channel ${String(channelId)} is not a text channel of guild ${guild.id}`);
    }
    const permissions = spec.memberPermissions ?? EVERYONE_PERMISSIONS;
    return {
      ...common,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      guild_locale: guild.preferredLocale,
      member: { ...this.world.member(guild, user, permissions), user, permissions },
      channel,
      channel_id: channel.id,
      app_permissions:
        spec.appPermissions ??
        (BigInt(guild.everyoneRole.permissions) | BigInt(guild.botRole.permissions)).toString(),
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
    };
  }

  /** The command the bot registered under this name (guild commands first), if any. */
  registeredCommand(name: string, guildId: string | undefined, type: ApplicationCommandType) {
    const inGuild = guildId ? (this.world.guildCommands.get(guildId) ?? []) : [];
    return [...inGuild, ...this.world.globalCommands].find(
      (c) => c.name === name && c.type === type,
    );
  }

  #options(
    command: APIApplicationCommand | undefined,
    spec: { subcommandGroup?: string; subcommand?: string },
    values: OptionValues,
    focused?: { name: string; value: string },
  ): APIApplicationCommandInteractionDataOption[] {
    let defs: APIApplicationCommandOption[] = command?.options ?? [];
    const descend = (name: string | undefined) => {
      if (!name) return;
      const sub = defs.find((d) => d.name === name) as
        | { options?: APIApplicationCommandOption[] }
        | undefined;
      defs = sub?.options ?? [];
    };
    descend(spec.subcommandGroup);
    descend(spec.subcommand);
    const basic: APIApplicationCommandInteractionDataBasicOption[] = Object.entries(values).map(
      ([name, value]) => {
        const declared = defs.find((d) => d.name === name)?.type;
        const type =
          declared ??
          (typeof value === "boolean"
            ? ApplicationCommandOptionType.Boolean
            : typeof value === "number"
              ? Number.isInteger(value)
                ? ApplicationCommandOptionType.Integer
                : ApplicationCommandOptionType.Number
              : ApplicationCommandOptionType.String);
        return { name, type, value } as APIApplicationCommandInteractionDataBasicOption;
      },
    );
    if (focused) {
      const type =
        defs.find((d) => d.name === focused.name)?.type ?? ApplicationCommandOptionType.String;
      basic.push({
        name: focused.name,
        type,
        value: focused.value,
        focused: true,
      } as APIApplicationCommandInteractionDataBasicOption);
    }
    let options: APIApplicationCommandInteractionDataOption[] = basic;
    if (spec.subcommand) {
      options = [
        {
          name: spec.subcommand,
          type: ApplicationCommandOptionType.Subcommand,
          options: basic,
        } as APIApplicationCommandInteractionDataOption,
      ];
    }
    if (spec.subcommandGroup) {
      options = [
        {
          name: spec.subcommandGroup,
          type: ApplicationCommandOptionType.SubcommandGroup,
          options,
        } as APIApplicationCommandInteractionDataOption,
      ];
    }
    return options;
  }

  /** A slash command invocation. */
  chatInput(spec: ChatInputSpec): APIChatInputApplicationCommandInteraction {
    const command = this.registeredCommand(
      spec.name,
      spec.guildId,
      ApplicationCommandType.ChatInput,
    );
    const options = Array.isArray(spec.options)
      ? spec.options
      : this.#options(command, spec, spec.options ?? {});
    return this.#base(
      InteractionType.ApplicationCommand,
      {
        id: command?.id ?? this.ids.next(),
        name: spec.name,
        type: ApplicationCommandType.ChatInput,
        options,
        ...(spec.guildId && command?.guild_id ? { guild_id: spec.guildId } : {}),
      },
      spec,
    );
  }

  /** Typing in an autocomplete option. */
  autocomplete(spec: AutocompleteSpec): APIApplicationCommandAutocompleteInteraction {
    const command = this.registeredCommand(
      spec.name,
      spec.guildId,
      ApplicationCommandType.ChatInput,
    );
    return this.#base(
      InteractionType.ApplicationCommandAutocomplete,
      {
        id: command?.id ?? this.ids.next(),
        name: spec.name,
        type: ApplicationCommandType.ChatInput,
        options: this.#options(command, spec, spec.options ?? {}, spec.focused),
      },
      spec,
    ) as APIApplicationCommandAutocompleteInteraction;
  }

  /** A click on a button of a message. */
  button(spec: ButtonSpec): APIMessageComponentButtonInteraction {
    const message = this.#message(spec.message);
    const guild = this.world.guildOfChannel(message.channel_id);
    const context: InteractionContextSpec = {
      ...spec,
      ...(guild ? { guildId: guild.id, channelId: message.channel_id } : {}),
    };
    return {
      ...this.#base(
        InteractionType.MessageComponent,
        { custom_id: spec.customId, component_type: ComponentType.Button as const },
        context,
      ),
      message,
    };
  }

  /** "Apps > name" on a message. */
  messageContextMenu(spec: MessageContextMenuSpec): APIMessageApplicationCommandInteraction {
    const target = this.#message(spec.targetMessage);
    const command = this.registeredCommand(spec.name, spec.guildId, ApplicationCommandType.Message);
    return this.#base(
      InteractionType.ApplicationCommand,
      {
        id: command?.id ?? this.ids.next(),
        name: spec.name,
        type: ApplicationCommandType.Message,
        target_id: target.id,
        resolved: { messages: { [target.id]: target } },
      },
      spec,
    );
  }

  /** A plain message by a user, as Discord stores it; the seed and the injected messages share it. */
  userMessage(
    channelId: string,
    content: string,
    author: ReturnType<World["resolveUser"]>,
  ): APIMessage {
    return {
      id: this.ids.next(),
      channel_id: channelId,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: MessageType.Default,
      flags: 0 as never,
    };
  }

  /** A user's DM to the bot (in the user's DM channel with the bot, created if needed). */
  dm(spec: DmSpec): GatewayMessageCreateDispatchData {
    const user = this.world.resolveUser(spec.user);
    const channel = this.world.dmChannelFor(user);
    return { ...this.userMessage(channel.id, spec.content, user), channel_type: ChannelType.DM };
  }

  /** A user's message in a guild text channel. */
  guildMessage(spec: GuildMessageSpec): GatewayMessageCreateDispatchData {
    const guild = this.world.guildOfChannel(spec.channelId);
    if (!guild || (spec.guildId !== undefined && guild.id !== spec.guildId)) {
      throw new Error(
        `Channel ${spec.channelId} is not a text channel of guild ${String(spec.guildId ?? "(any)")}`,
      );
    }
    const user = this.world.resolveUser(spec.user);
    const bot = this.world.botUser;
    const mention = `<@${bot.id}>`;
    const content =
      spec.mentionsBot && !spec.content.includes(mention)
        ? `${mention} ${spec.content}`
        : spec.content;
    const mentionsBot = content.includes(mention) || content.includes(`<@!${bot.id}>`);
    const { user: _u, ...member } = this.world.member(guild, user);
    return {
      ...this.userMessage(spec.channelId, content, user),
      guild_id: guild.id,
      member,
      mentions: mentionsBot ? [bot] : [],
    };
  }
}
