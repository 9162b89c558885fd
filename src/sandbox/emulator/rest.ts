import {
  type APIApplication,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  type APIUser,
  ApplicationFlags,
  ChannelType,
  type GatewayChannelPinsUpdateDispatch,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type GatewayMessageCreateDispatch,
  type GatewayMessageDeleteDispatch,
  type GatewayMessageUpdateDispatch,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type RESTGetAPIChannelMessagesPinsResult,
  type RESTGetAPIGatewayBotResult,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from "discord-api-types/v10";
import { overwriteCommands } from "./commands.js";
import { DiscordHttpError, discordErrors } from "./errors.js";
import type { EmulatorLogger } from "./events.js";
import type { Gateway } from "./gateway.js";
import { type InteractionRecord, isApplicationCommand } from "./interactions.js";
import {
  applyEdit,
  buildMessage,
  interactionMetadataOf,
  messageCreateData,
  messageIntent,
  type OutgoingMessageBody,
} from "./messages.js";
import type { SnowflakeGenerator } from "./snowflake.js";
import { validateChoices, validateMessageBody } from "./validate.js";
import type { World } from "./world.js";

export const MAX_PINS = 50;

export interface RestContext {
  world: World;
  ids: SnowflakeGenerator;
  gateway: Gateway;
  applicationId: string;
  interactionsById: Map<string, InteractionRecord>;
  interactionsByToken: Map<string, InteractionRecord>;
  /** Discord forgets an interaction not acknowledged within 3 s. */
  interactionDeadlineMs: number;
  gatewayUrl: () => string;
  log: EmulatorLogger;
  /** Wakes up waits after any state change. */
  changed: () => void;
}

export interface RestRequest {
  method: string;
  route: string;
  query: Record<string, string>;
  body: unknown;
  files: string[];
  /** True when the request carried the bot's token. */
  authorized: boolean;
}

export interface RestResult {
  status: number;
  body?: unknown;
}

/** Route parameters; a name the route lacks reads as "". */
type ParamName = "channel" | "message" | "id" | "token" | "app" | "guild" | "user";
type Params = Record<ParamName, string>;
type Handler = (req: RestRequest, params: Params) => RestResult;

interface Route {
  method: string;
  segments: string[];
  /** Interaction callbacks and webhook routes use the interaction token, not the bot token. */
  auth: boolean;
  handler: Handler;
}

const ok = (body: unknown): RestResult => ({ status: 200, body });
const noContent = (): RestResult => ({ status: 204 });

/** The REST API under /api/v10: a route table over the in-memory world. */
export class RestApi {
  readonly #routes: Route[] = [];

  constructor(private readonly ctx: RestContext) {
    const r = (method: string, path: string, handler: Handler, auth = true) =>
      this.#routes.push({ method, segments: path.split("/").filter(Boolean), auth, handler });
    const { world } = ctx;

    r("GET", "/gateway/bot", () => {
      const result: RESTGetAPIGatewayBotResult = {
        url: ctx.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      };
      return ok(result);
    });
    r("GET", "/gateway", () => ok({ url: ctx.gatewayUrl() }), false);
    r("GET", "/users/@me", () => ok(world.botUser));
    r("GET", "/applications/@me", () => ok(this.#application()));
    r("GET", "/oauth2/applications/@me", () => ok(this.#application()));
    r("GET", "/users/:user", (_q, p) => ok(this.#user(p.user)));
    r("POST", "/users/@me/channels", (q) => {
      const recipient = String(
        (q.body as { recipient_id?: unknown } | undefined)?.recipient_id ?? "",
      );
      return ok(world.dmChannelFor(this.#user(recipient)));
    });
    r("GET", "/channels/:channel", (_q, p) => ok(this.#channel(p.channel)));
    r("POST", "/channels/:channel/typing", (_q, p) => {
      this.#channel(p.channel);
      return noContent();
    });

    // Pins come before /messages/:message so "pins" is not taken for a message id.
    r("GET", "/channels/:channel/pins", (_q, p) => ok(this.#pinnedMessages(p.channel)));
    r("GET", "/channels/:channel/messages/pins", (q, p) => ok(this.#pinList(p.channel, q.query)));
    for (const path of [
      "/channels/:channel/pins/:message",
      "/channels/:channel/messages/pins/:message",
    ]) {
      r("PUT", path, (_q, p) => this.#pin(p.channel, p.message));
      r("DELETE", path, (_q, p) => this.#unpin(p.channel, p.message));
    }

    r("POST", "/channels/:channel/messages", (q, p) => ok(this.#postToChannel(p.channel, q)));
    r("GET", "/channels/:channel/messages", (q, p) => ok(this.#listMessages(p.channel, q.query)));
    r("GET", "/channels/:channel/messages/:message", (_q, p) =>
      ok(this.#message(p.channel, p.message)),
    );
    r("PATCH", "/channels/:channel/messages/:message", (q, p) => {
      const message = this.#message(p.channel, p.message);
      if (message.author.id !== world.botUser.id) throw discordErrors.notAuthor();
      return ok(this.#edit(message, q));
    });
    r("DELETE", "/channels/:channel/messages/:message", (_q, p) => {
      const message = this.#message(p.channel, p.message);
      if (message.author.id !== world.botUser.id) {
        this.#requirePermission(p.channel, PermissionFlagsBits.ManageMessages);
      }
      this.deleteMessage(message);
      return noContent();
    });

    r(
      "POST",
      "/interactions/:id/:token/callback",
      (q, p) => this.#callback(p.id, p.token, q),
      false,
    );
    r(
      "GET",
      "/webhooks/:app/:token/messages/:message",
      (_q, p) => {
        const { message } = this.#webhookMessage(p.app, p.token, p.message);
        return ok(message);
      },
      false,
    );
    r(
      "PATCH",
      "/webhooks/:app/:token/messages/:message",
      (q, p) => {
        const { record, message } = this.#webhookMessage(p.app, p.token, p.message);
        const edited = this.#edit(message, q);
        if (message.id === record.originalId) record.originalEdited = true;
        ctx.changed();
        return ok(edited);
      },
      false,
    );
    r(
      "DELETE",
      "/webhooks/:app/:token/messages/:message",
      (_q, p) => {
        const { record, message } = this.#webhookMessage(p.app, p.token, p.message);
        if (message.id === record.originalId) record.originalDeleted = true;
        else record.followUpIds = record.followUpIds.filter((id) => id !== message.id);
        this.deleteMessage(message);
        ctx.changed();
        return noContent();
      },
      false,
    );
    r("POST", "/webhooks/:app/:token", (q, p) => this.#followUp(p.app, p.token, q), false);

    r("GET", "/applications/:app/commands", (_q, p) => ok(this.#commands(p.app, undefined)));
    r("PUT", "/applications/:app/commands", (q, p) => {
      this.#commands(p.app, undefined);
      world.globalCommands = overwriteCommands(
        ctx.ids,
        ctx.applicationId,
        undefined,
        world.globalCommands,
        q.body,
      );
      return ok(world.globalCommands);
    });
    r("GET", "/applications/:app/guilds/:guild/commands", (_q, p) =>
      ok(this.#commands(p.app, p.guild)),
    );
    r("PUT", "/applications/:app/guilds/:guild/commands", (q, p) => {
      const previous = this.#commands(p.app, p.guild);
      const next = overwriteCommands(ctx.ids, ctx.applicationId, p.guild, previous, q.body);
      world.guildCommands.set(p.guild, next);
      return ok(next);
    });
  }

  /** Answers one request; throws DiscordHttpError for Discord-shaped errors. */
  handle(req: RestRequest): RestResult {
    const segments = req.route.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = match(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      if (route.auth && !req.authorized) throw discordErrors.unauthorized();
      return route.handler(req, params);
    }
    if (pathMatched) {
      throw new DiscordHttpError(405, { code: 0, message: "405: Method Not Allowed" });
    }
    throw discordErrors.notFound();
  }

  // --- message events -------------------------------------------------------------------------

  /** Stores a message and sends MESSAGE_CREATE to sessions with the right intent. */
  createMessage(message: APIMessage, visible: boolean): void {
    this.ctx.world.addMessage(message, visible);
    this.ctx.log({ type: "message", action: "create", message });
    if (visible) {
      const intent = messageIntent(this.ctx.world, message.channel_id);
      this.ctx.gateway.dispatch<GatewayMessageCreateDispatch>(
        GatewayDispatchEvents.MessageCreate,
        messageCreateData(this.ctx.world, message),
        (intents) => (intents & intent) !== 0,
      );
    }
    this.ctx.changed();
  }

  updateMessage(message: APIMessage): void {
    const world = this.ctx.world;
    const visible = world.channelLog.get(message.channel_id)?.includes(message.id) ?? false;
    world.messages.set(message.id, message);
    this.ctx.log({ type: "message", action: "update", message });
    if (visible) {
      const intent = messageIntent(world, message.channel_id);
      this.ctx.gateway.dispatch<GatewayMessageUpdateDispatch>(
        GatewayDispatchEvents.MessageUpdate,
        messageCreateData(world, message),
        (intents) => (intents & intent) !== 0,
      );
    }
    this.ctx.changed();
  }

  deleteMessage(message: APIMessage): void {
    const world = this.ctx.world;
    const visible = world.channelLog.get(message.channel_id)?.includes(message.id) ?? false;
    world.deleteMessage(message);
    this.ctx.log({ type: "message", action: "delete", message });
    if (visible) {
      const guild = world.guildOfChannel(message.channel_id);
      const intent = messageIntent(world, message.channel_id);
      this.ctx.gateway.dispatch<GatewayMessageDeleteDispatch>(
        GatewayDispatchEvents.MessageDelete,
        {
          id: message.id,
          channel_id: message.channel_id,
          ...(guild ? { guild_id: guild.id } : {}),
        },
        (intents) => (intents & intent) !== 0,
      );
    }
    this.ctx.changed();
  }

  // --- helpers --------------------------------------------------------------------------------

  #application(): APIApplication {
    const { world, applicationId } = this.ctx;
    return {
      id: applicationId,
      name: world.botUser.username,
      icon: null,
      description: "Local Discord emulator application",
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: ApplicationFlags.GatewayMessageContentLimited,
      flags_new: String(ApplicationFlags.GatewayMessageContentLimited),
      bot: world.botUser,
      summary: "",
      team: null,
      approximate_guild_count: world.guilds.size,
      install_params: undefined,
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      event_webhooks_status: 1,
    } as APIApplication;
  }

  #user(id: string): APIUser {
    const user = this.ctx.world.users.get(id);
    if (!user) throw discordErrors.unknownUser();
    return user;
  }

  #channel(id: string) {
    const channel = this.ctx.world.channels.get(id);
    if (!channel) throw discordErrors.unknownChannel();
    return channel;
  }

  #message(channelId: string, messageId: string): APIMessage {
    this.#channel(channelId);
    const message = this.ctx.world.findMessage(channelId, messageId);
    if (!message) throw discordErrors.unknownMessage();
    return message;
  }

  /** Throws 403 50013 unless the bot holds `bit` in the channel's guild (DMs need nothing). */
  #requirePermission(channelId: string, bit: bigint): void {
    const guild = this.ctx.world.guildOfChannel(channelId);
    if (!guild) return;
    const perms = BigInt(guild.everyoneRole.permissions) | BigInt(guild.botRole.permissions);
    if ((perms & PermissionFlagsBits.Administrator) !== 0n || (perms & bit) === bit) return;
    throw new DiscordHttpError(403, { code: 50013, message: "Missing Permissions" });
  }

  #commands(app: string, guildId: string | undefined) {
    if (app !== this.ctx.applicationId) throw discordErrors.notFound();
    if (guildId === undefined) return this.ctx.world.globalCommands;
    if (!this.ctx.world.guilds.has(guildId)) throw discordErrors.unknownGuild();
    return this.ctx.world.guildCommands.get(guildId) ?? [];
  }

  #postToChannel(channelId: string, req: RestRequest): APIMessage {
    const channel = this.#channel(channelId);
    if (channel.type !== ChannelType.DM) {
      this.#requirePermission(
        channelId,
        PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
      );
    }
    const body = (req.body ?? {}) as OutgoingMessageBody;
    validateMessageBody(
      { ...body, attachments: [...(body.attachments ?? []), ...req.files] },
      {
        requireSomething: true,
      },
    );
    const reference = body.message_reference?.message_id;
    if (reference && body.message_reference?.fail_if_not_exists !== false) {
      if (!this.ctx.world.findMessage(channelId, reference)) {
        throw discordErrors.invalidBody({ message_reference: "Unknown message" });
      }
    }
    const message = buildMessage(this.ctx.ids, this.ctx.world, {
      channelId,
      author: this.ctx.world.botUser,
      body: { ...body, flags: (body.flags ?? 0) & MessageFlags.SuppressEmbeds },
      files: req.files,
    });
    this.createMessage(message, true);
    return message;
  }

  #edit(message: APIMessage, req: RestRequest): APIMessage {
    const body = (req.body ?? {}) as OutgoingMessageBody;
    validateMessageBody(body, { requireSomething: false });
    let edited = applyEdit(message, body, req.files);
    // A deferred reply stops "thinking" once edited.
    if (((edited.flags ?? 0) & MessageFlags.Loading) !== 0) {
      edited = { ...edited, flags: ((edited.flags ?? 0) & ~MessageFlags.Loading) as MessageFlags };
    }
    validateMessageBody(
      {
        content: edited.content,
        embeds: edited.embeds,
        components: edited.components,
        attachments: edited.attachments,
      },
      { requireSomething: true },
    );
    this.updateMessage(edited);
    return edited;
  }

  #listMessages(channelId: string, query: Record<string, string>): APIMessage[] {
    this.#channel(channelId);
    const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 100);
    let messages = this.ctx.world.channelMessages(channelId);
    if (query.before) messages = messages.filter((m) => BigInt(m.id) < BigInt(query.before ?? "0"));
    if (query.after) {
      messages = messages.filter((m) => BigInt(m.id) > BigInt(query.after ?? "0")).slice(0, limit);
    }
    if (query.around) {
      const i = messages.findIndex((m) => m.id === query.around);
      const half = Math.floor(limit / 2);
      messages = i < 0 ? [] : messages.slice(Math.max(0, i - half), i + half + 1);
    }
    // Newest first, as Discord returns them.
    return messages.slice(-limit).reverse();
  }

  #pinnedMessages(channelId: string): APIMessage[] {
    this.#channel(channelId);
    const pins = this.ctx.world.pins.get(channelId) ?? [];
    return [...pins]
      .reverse()
      .map((p) => this.ctx.world.messages.get(p.messageId))
      .filter((m): m is APIMessage => m !== undefined);
  }

  #pinList(channelId: string, query: Record<string, string>): RESTGetAPIChannelMessagesPinsResult {
    this.#channel(channelId);
    const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 50);
    let pins = [...(this.ctx.world.pins.get(channelId) ?? [])].reverse();
    if (query.before) {
      const before = Date.parse(query.before);
      pins = pins.filter((p) => Date.parse(p.pinnedAt) < before);
    }
    const items = pins
      .slice(0, limit)
      .map((p) => ({ pinned_at: p.pinnedAt, message: this.ctx.world.messages.get(p.messageId) }))
      .filter((i): i is { pinned_at: string; message: APIMessage } => i.message !== undefined);
    return { items, has_more: pins.length > limit };
  }

  #pin(channelId: string, messageId: string): RestResult {
    const message = this.#message(channelId, messageId);
    this.#requirePermission(channelId, PermissionFlagsBits.PinMessages);
    const world = this.ctx.world;
    const pins = world.pins.get(channelId) ?? [];
    world.pins.set(channelId, pins);
    if (pins.some((p) => p.messageId === messageId)) return noContent();
    if (pins.length >= MAX_PINS) throw discordErrors.maxPins();
    const pinnedAt = new Date().toISOString();
    pins.push({ messageId, pinnedAt });
    this.updateMessage({ ...message, pinned: true });
    this.#pinsUpdate(channelId, pinnedAt);
    // Discord posts a "pinned a message" system message that points at the pinned one.
    const notice = buildMessage(this.ctx.ids, world, {
      channelId,
      author: world.botUser,
      body: { content: "", message_reference: { message_id: messageId } },
      type: MessageType.ChannelPinnedMessage,
    });
    this.createMessage(notice, true);
    return noContent();
  }

  #unpin(channelId: string, messageId: string): RestResult {
    const message = this.#message(channelId, messageId);
    this.#requirePermission(channelId, PermissionFlagsBits.PinMessages);
    const pins = this.ctx.world.pins.get(channelId) ?? [];
    const i = pins.findIndex((p) => p.messageId === messageId);
    if (i < 0) return noContent();
    pins.splice(i, 1);
    this.updateMessage({ ...message, pinned: false });
    this.#pinsUpdate(channelId, pins.at(-1)?.pinnedAt ?? null);
    return noContent();
  }

  #pinsUpdate(channelId: string, last: string | null): void {
    const guild = this.ctx.world.guildOfChannel(channelId);
    const intent = guild ? GatewayIntentBits.Guilds : GatewayIntentBits.DirectMessages;
    this.ctx.gateway.dispatch<GatewayChannelPinsUpdateDispatch>(
      GatewayDispatchEvents.ChannelPinsUpdate,
      { channel_id: channelId, last_pin_timestamp: last, ...(guild ? { guild_id: guild.id } : {}) },
      (intents) => (intents & intent) !== 0,
    );
  }

  // --- interactions ---------------------------------------------------------------------------

  #callback(id: string, token: string, req: RestRequest): RestResult {
    const { ctx } = this;
    const record = ctx.interactionsById.get(id);
    if (!record || record.payload.token !== token) throw discordErrors.unknownInteraction();
    if (record.callbackType !== null) throw discordErrors.alreadyAcknowledged();
    if (Date.now() - record.injectedAt > ctx.interactionDeadlineMs)
      throw discordErrors.unknownInteraction();
    const body = (req.body ?? {}) as { type?: unknown; data?: Record<string, unknown> };
    const type = body.type as InteractionResponseType;
    const data = body.data ?? {};
    const payload = record.payload;
    const isComponent = payload.type === InteractionType.MessageComponent;
    const isAutocomplete = payload.type === InteractionType.ApplicationCommandAutocomplete;
    const channelId = payload.channel?.id ?? "";
    const wrongKind = (why: string) => discordErrors.invalidBody({ type: why });
    let message: APIMessage | undefined;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        if (isAutocomplete)
          throw wrongKind("Autocomplete interactions can only be answered with choices");
        const deferred = type === InteractionResponseType.DeferredChannelMessageWithSource;
        if (!deferred) validateMessageBody(data, { requireSomething: true });
        const flags = Number(data.flags ?? 0);
        record.ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
        message = buildMessage(ctx.ids, ctx.world, {
          channelId,
          author: ctx.world.botUser,
          body: deferred
            ? { flags: (flags & MessageFlags.Ephemeral) | MessageFlags.Loading }
            : {
                ...(data as OutgoingMessageBody),
                flags: flags & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds),
              },
          type: isApplicationCommand(payload) ? MessageType.ChatInputCommand : MessageType.Default,
          webhookId: ctx.applicationId,
          applicationId: ctx.applicationId,
          files: req.files,
          interactionMetadata: interactionMetadataOf(payload),
        });
        record.originalId = message.id;
        record.callbackType = type;
        this.createMessage(message, !record.ephemeral);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (!isComponent || !payload.message)
          throw wrongKind("Only component interactions can update their message");
        const current = ctx.world.messages.get(payload.message.id) ?? payload.message;
        record.originalId = current.id;
        record.ephemeral = ((current.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
        if (type === InteractionResponseType.UpdateMessage) {
          validateMessageBody(data, { requireSomething: false });
          message = applyEdit(current, data as OutgoingMessageBody, req.files);
          record.originalEdited = true;
          if (!ctx.world.messages.has(message.id)) ctx.world.addMessage(message, false);
          record.callbackType = type;
          this.updateMessage(message);
        } else {
          if (!ctx.world.messages.has(current.id)) ctx.world.addMessage(current, false);
          record.callbackType = type;
        }
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        if (!isAutocomplete) throw wrongKind("Only autocomplete interactions take choices");
        validateChoices(data.choices);
        record.choices = data.choices as InteractionRecord["choices"];
        record.callbackType = type;
        break;
      case InteractionResponseType.Modal:
        if (isAutocomplete) throw wrongKind("Autocomplete interactions cannot open a modal");
        record.modal = data as unknown as APIModalInteractionResponseCallbackData;
        record.callbackType = type;
        break;
      default:
        throw wrongKind(`Unsupported interaction callback type ${String(body.type)}`);
    }
    ctx.log({ type: "interaction.callback", interactionId: id, callbackType: type });
    ctx.changed();
    if (req.query.with_response !== "true") return noContent();
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id,
        type: payload.type,
        response_message_id: message?.id ?? record.originalId ?? undefined,
        response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
        response_message_ephemeral: record.ephemeral,
      },
      resource: { type, ...(message ? { message } : {}) },
    } as RESTPostAPIInteractionCallbackWithResponseResult;
    return ok(result);
  }

  #interactionOfWebhook(app: string, token: string): InteractionRecord {
    if (app !== this.ctx.applicationId) throw discordErrors.unknownWebhook();
    const record = this.ctx.interactionsByToken.get(token);
    // Before the first callback the interaction webhook does not exist yet.
    if (!record || record.callbackType === null) throw discordErrors.unknownWebhook();
    return record;
  }

  #webhookMessage(app: string, token: string, messageId: string) {
    const record = this.#interactionOfWebhook(app, token);
    const id = messageId === "@original" ? record.originalId : messageId;
    const known = id !== null && (id === record.originalId || record.followUpIds.includes(id));
    const message =
      known && id !== null && !(id === record.originalId && record.originalDeleted)
        ? this.ctx.world.messages.get(id)
        : undefined;
    if (!message) throw discordErrors.unknownMessage();
    return { record, message };
  }

  #followUp(app: string, token: string, req: RestRequest): RestResult {
    const record = this.#interactionOfWebhook(app, token);
    const body = (req.body ?? {}) as OutgoingMessageBody;
    validateMessageBody(
      { ...body, attachments: [...(body.attachments ?? []), ...req.files] },
      {
        requireSomething: true,
      },
    );
    const flags = Number(body.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds);
    const message = buildMessage(this.ctx.ids, this.ctx.world, {
      channelId: record.payload.channel?.id ?? "",
      author: this.ctx.world.botUser,
      body: { ...body, flags },
      webhookId: this.ctx.applicationId,
      applicationId: this.ctx.applicationId,
      files: req.files,
      interactionMetadata: interactionMetadataOf(record.payload, record.originalId ?? undefined),
    });
    record.followUpIds.push(message.id);
    this.createMessage(message, (flags & MessageFlags.Ephemeral) === 0);
    return req.query.wait === "false" ? noContent() : ok(message);
  }
}

function match(pattern: string[], actual: string[]): Params | null {
  if (pattern.length !== actual.length) return null;
  const params: Params = {
    channel: "",
    message: "",
    id: "",
    token: "",
    app: "",
    guild: "",
    user: "",
  };
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const a = actual[i] as string;
    if (p.startsWith(":")) params[p.slice(1) as ParamName] = a;
    else if (p !== a) return null;
  }
  return params;
}
