import {
  type APIApplicationCommand,
  type APIChannel,
  type APIDMChannel,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type RoleFlags,
} from "discord-api-types/v10";
import type { SnowflakeGenerator } from "./snowflake.js";

/** A user of the emulated Discord; omitted fields get defaults. */
export interface UserSpec {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

/** A text channel of an emulated guild. */
export interface ChannelSpec {
  id?: string;
  name: string;
  topic?: string;
}

/** A guild the bot is in from the start. */
export interface GuildSpec {
  id?: string;
  name?: string;
  /** Default: `#general` and `#faq`. */
  channels?: ChannelSpec[];
  preferredLocale?: Locale;
  /** Permissions (decimal bitfield) of the bot's role; default: everything a FAQ bot needs. */
  botPermissions?: string;
}

/** Permissions @everyone has in emulated guilds. */
export const EVERYONE_PERMISSIONS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalEmojis
).toString();

/** The bot role's default permissions: @everyone's plus what pinning FAQ messages needs. */
export const DEFAULT_BOT_PERMISSIONS = (
  BigInt(EVERYONE_PERMISSIONS) |
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.PinMessages |
  PermissionFlagsBits.SendMessagesInThreads
).toString();

/** What interactions in a DM carry as app_permissions. */
export const DM_APP_PERMISSIONS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis
).toString();

export interface GuildState {
  id: string;
  name: string;
  preferredLocale: Locale;
  ownerId: string;
  everyoneRole: APIRole;
  botRole: APIRole;
  channelIds: string[];
  joinedAt: string;
}

export interface PinRecord {
  messageId: string;
  pinnedAt: string;
}

/** Everything the emulated Discord holds in memory: users, guilds, channels, messages, pins, commands. */
export class World {
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, APITextChannel | APIDMChannel>();
  /** Every message by id, ephemeral interaction replies included. */
  readonly messages = new Map<string, APIMessage>();
  /** Ids of the messages others can see in each channel, oldest first (no ephemeral ones). */
  readonly channelLog = new Map<string, string[]>();
  /** Pins per channel, oldest pin first. */
  readonly pins = new Map<string, PinRecord[]>();
  readonly dmChannelByUser = new Map<string, string>();
  globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly botUser: APIUser;
  readonly defaultUser: APIUser;

  constructor(
    private readonly ids: SnowflakeGenerator,
    bot: UserSpec,
    guilds: GuildSpec[],
  ) {
    this.botUser = this.addUser({ username: "policybot", ...bot, bot: true });
    this.defaultUser = this.addUser({ username: "alice", globalName: "Alice" });
    for (const spec of guilds) this.addGuild(spec);
  }

  addUser(spec: UserSpec): APIUser {
    const id = spec.id ?? this.ids.next();
    const existing = this.users.get(id);
    if (existing) return existing;
    const user: APIUser = {
      id,
      username: spec.username ?? `user${id.slice(-4)}`,
      global_name: spec.globalName ?? null,
      discriminator: "0",
      avatar: null,
      ...(spec.bot ? { bot: true } : {}),
    };
    this.users.set(id, user);
    return user;
  }

  /** The user for a spec: a known id is reused, a new spec creates the user. */
  resolveUser(spec: UserSpec | undefined): APIUser {
    if (spec === undefined) return this.defaultUser;
    if (spec.id !== undefined) {
      const known = this.users.get(spec.id);
      if (known) return known;
    }
    return this.addUser(spec);
  }

  addGuild(spec: GuildSpec): GuildState {
    const id = spec.id ?? this.ids.next();
    const now = new Date().toISOString();
    const role = (roleId: string, name: string, permissions: string, position: number) =>
      ({
        id: roleId,
        name,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position,
        permissions,
        managed: roleId !== id,
        mentionable: false,
        flags: 0 as RoleFlags,
      }) satisfies APIRole;
    const guild: GuildState = {
      id,
      name: spec.name ?? "Policy Sandbox",
      preferredLocale: spec.preferredLocale ?? Locale.EnglishUS,
      ownerId: this.defaultUser.id,
      everyoneRole: role(id, "@everyone", EVERYONE_PERMISSIONS, 0),
      botRole: role(
        this.ids.next(),
        this.botUser.username,
        spec.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
        1,
      ),
      channelIds: [],
      joinedAt: now,
    };
    this.guilds.set(id, guild);
    const channels = spec.channels ?? [{ name: "general" }, { name: "faq" }];
    channels.forEach((c, position) => {
      const channel: APITextChannel = {
        id: c.id ?? this.ids.next(),
        type: ChannelType.GuildText,
        guild_id: id,
        name: c.name,
        topic: c.topic ?? null,
        position,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0 as ChannelFlags,
      };
      this.channels.set(channel.id, channel);
      this.channelLog.set(channel.id, []);
      guild.channelIds.push(channel.id);
    });
    return guild;
  }

  /** The DM channel between the bot and a user, created on first use (one per user, as on Discord). */
  dmChannelFor(user: APIUser): APIDMChannel {
    const existing = this.dmChannelByUser.get(user.id);
    if (existing) return this.channels.get(existing) as APIDMChannel;
    const channel: APIDMChannel = {
      id: this.ids.next(),
      type: ChannelType.DM,
      name: null,
      recipients: [user],
      last_message_id: null,
      flags: 0 as ChannelFlags,
    };
    this.channels.set(channel.id, channel);
    this.channelLog.set(channel.id, []);
    this.dmChannelByUser.set(user.id, channel.id);
    return channel;
  }

  member(guild: GuildState, user: APIUser, permissions?: string): APIGuildMember {
    const isBot = user.id === this.botUser.id;
    return {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: isBot ? [guild.botRole.id] : [],
      joined_at: guild.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      ...(permissions === undefined ? {} : { permissions }),
    };
  }

  /** The full GUILD_CREATE payload discord.js needs to cache the guild, its channels and the bot's member. */
  guildCreate(guild: GuildState): GatewayGuildCreateDispatchData {
    const channels = guild.channelIds
      .map((id) => this.channels.get(id))
      .filter((c): c is APITextChannel => c !== undefined && c.type === ChannelType.GuildText);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      region: "",
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: [guild.everyoneRole, guild.botRole],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: channels[0]?.id ?? null,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
      rules_channel_id: null,
      vanity_url_code: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      hub_type: null,
      incidents_data: null,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.member(guild, this.botUser), this.member(guild, this.defaultUser)],
      channels,
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  channel(id: string): APIChannel | undefined {
    return this.channels.get(id);
  }

  guildOfChannel(channelId: string): GuildState | undefined {
    const channel = this.channels.get(channelId);
    if (!channel || channel.type !== ChannelType.GuildText || !channel.guild_id) return undefined;
    return this.guilds.get(channel.guild_id);
  }

  /** A message others can see in that channel (ephemeral replies are not found this way). */
  findMessage(channelId: string, messageId: string): APIMessage | undefined {
    const message = this.messages.get(messageId);
    if (!message || message.channel_id !== channelId) return undefined;
    return this.channelLog.get(channelId)?.includes(messageId) ? message : undefined;
  }

  /** Visible messages of a channel, oldest first. */
  channelMessages(channelId: string): APIMessage[] {
    const ids = this.channelLog.get(channelId) ?? [];
    return ids.map((id) => this.messages.get(id)).filter((m): m is APIMessage => m !== undefined);
  }

  /** Stores a new message; `visible` false keeps it out of the channel (ephemeral). */
  addMessage(message: APIMessage, visible: boolean): void {
    this.messages.set(message.id, message);
    if (visible) {
      const log = this.channelLog.get(message.channel_id);
      if (log) log.push(message.id);
      else this.channelLog.set(message.channel_id, [message.id]);
      const channel = this.channels.get(message.channel_id);
      if (channel) channel.last_message_id = message.id;
    }
  }

  deleteMessage(message: APIMessage): void {
    this.messages.delete(message.id);
    const log = this.channelLog.get(message.channel_id);
    if (log) {
      const i = log.indexOf(message.id);
      if (i >= 0) log.splice(i, 1);
    }
    const pins = this.pins.get(message.channel_id);
    if (pins) {
      const i = pins.findIndex((p) => p.messageId === message.id);
      if (i >= 0) pins.splice(i, 1);
    }
  }
}
