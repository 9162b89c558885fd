import {
  type APIAttachment,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  type APIUser,
  ApplicationCommandType,
  ChannelType,
  GatewayIntentBits,
  type GatewayMessageCreateDispatchData,
  InteractionType,
  type MessageFlags,
  MessageType,
} from "discord-api-types/v10";
import type { SnowflakeGenerator } from "./snowflake.js";
import type { World } from "./world.js";

/** The message fields a bot sends (create or edit); everything is optional on the wire. */
export interface OutgoingMessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  flags?: number | null;
  message_reference?: { message_id?: string; channel_id?: string; fail_if_not_exists?: boolean };
  allowed_mentions?: unknown;
  attachments?: { id?: string | number; filename?: string }[] | null;
}

export interface NewMessage {
  channelId: string;
  author: APIUser;
  body: OutgoingMessageBody;
  type?: MessageType;
  files?: string[];
  webhookId?: string;
  applicationId?: string;
  /** Who invoked the interaction this message answers (replies and follow-ups). */
  interactionMetadata?: APIMessageInteractionMetadata;
}

/**
 * The `interaction_metadata` Discord puts on interaction responses: the invoking user, the
 * interaction's type and id, and its installation context. Bots read it to tell the asker apart.
 */
export function interactionMetadataOf(
  payload: APIInteraction,
  originalResponseId?: string,
): APIMessageInteractionMetadata {
  const user = payload.member?.user ?? payload.user;
  const base = {
    id: payload.id,
    user: user as APIUser,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(originalResponseId ? { original_response_message_id: originalResponseId } : {}),
  };
  if (payload.type === InteractionType.MessageComponent) {
    return {
      ...base,
      type: InteractionType.MessageComponent,
      interacted_message_id: payload.message.id,
    };
  }
  const target =
    payload.type === InteractionType.ApplicationCommand &&
    payload.data.type === ApplicationCommandType.Message
      ? { target_message_id: payload.data.target_id }
      : {};
  return { ...base, type: InteractionType.ApplicationCommand, ...target };
}

/** Builds a complete APIMessage discord.js can parse, from what a bot sent. */
export function buildMessage(ids: SnowflakeGenerator, world: World, spec: NewMessage): APIMessage {
  const id = ids.next();
  const body = spec.body;
  const referenceId = body.message_reference?.message_id;
  const referenced = referenceId ? world.messages.get(referenceId) : undefined;
  const message: APIMessage = {
    id,
    channel_id: spec.channelId,
    author: spec.author,
    content: body.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachments(ids, spec.channelId, spec.files ?? []),
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    type: spec.type ?? (referenced ? MessageType.Reply : MessageType.Default),
    flags: (body.flags ?? 0) as MessageFlags,
    ...(spec.webhookId ? { webhook_id: spec.webhookId } : {}),
    ...(spec.applicationId ? { application_id: spec.applicationId } : {}),
    ...(spec.interactionMetadata ? { interaction_metadata: spec.interactionMetadata } : {}),
    ...(referenced
      ? {
          message_reference: {
            type: 0,
            message_id: referenced.id,
            channel_id: referenced.channel_id,
          },
          referenced_message: referenced,
        }
      : {}),
  };
  return message;
}

function attachments(ids: SnowflakeGenerator, channelId: string, files: string[]): APIAttachment[] {
  return files.map((filename) => {
    const id = ids.next();
    const url = `https://cdn.discordapp.invalid/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: 0, url, proxy_url: url };
  });
}

/** Applies an edit body to a message, as Discord does (absent fields stay, null clears). */
export function applyEdit(
  message: APIMessage,
  body: OutgoingMessageBody,
  files: string[],
): APIMessage {
  const next: APIMessage = { ...message, edited_timestamp: new Date().toISOString() };
  if (body.content !== undefined) next.content = body.content ?? "";
  if (body.embeds !== undefined) next.embeds = body.embeds ?? [];
  if (body.components !== undefined) next.components = body.components ?? [];
  if (body.flags !== undefined && body.flags !== null) {
    // Only SuppressEmbeds (4) may be toggled by an edit; Ephemeral (64) stays as created.
    next.flags = (((message.flags ?? 0) & ~4) | (body.flags & 4)) as MessageFlags;
  }
  if (body.attachments !== undefined || files.length > 0) {
    const kept = (body.attachments ?? [])
      .map((a) => message.attachments.find((m) => m.id === String(a.id)))
      .filter((a): a is APIAttachment => a !== undefined);
    next.attachments = [
      ...kept,
      ...files.map((filename, i) => ({
        id: `${message.id}${i}`,
        filename,
        size: 0,
        url: `https://cdn.discordapp.invalid/attachments/${message.channel_id}/${filename}`,
        proxy_url: `https://cdn.discordapp.invalid/attachments/${message.channel_id}/${filename}`,
      })),
    ];
  }
  return next;
}

/** The MESSAGE_CREATE payload for a stored message, with the gateway-only fields. */
export function messageCreateData(
  world: World,
  message: APIMessage,
): GatewayMessageCreateDispatchData {
  const channel = world.channels.get(message.channel_id);
  const guild = world.guildOfChannel(message.channel_id);
  if (guild) {
    const { user: _user, ...member } = world.member(guild, message.author);
    return { ...message, guild_id: guild.id, member };
  }
  // discord.js with Partials.Channel needs channel_type to build an uncached DM channel.
  return channel?.type === ChannelType.DM ? { ...message, channel_type: ChannelType.DM } : message;
}

/** Which intent a MESSAGE_* event for this channel needs. */
export function messageIntent(world: World, channelId: string): number {
  return world.guildOfChannel(channelId)
    ? GatewayIntentBits.GuildMessages
    : GatewayIntentBits.DirectMessages;
}

/**
 * What a session without MESSAGE_CONTENT sees of a guild message from someone else: Discord
 * blanks content, embeds, attachments and components unless the bot is mentioned.
 */
export function withoutContent<T extends APIMessage>(message: T): T {
  return { ...message, content: "", embeds: [], attachments: [], components: [] };
}
