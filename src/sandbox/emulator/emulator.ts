import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  APIApplicationCommand,
  APIInteraction,
  APIMessage,
  APIUser,
  GatewayDispatchPayload,
  GatewayMessageCreateDispatch,
  GatewayMessageCreateDispatchData,
} from "discord-api-types/v10";
import { GatewayDispatchEvents, GatewayIntentBits, MessageType } from "discord-api-types/v10";
import {
  type AutocompleteSpec,
  type ButtonSpec,
  type ChatInputSpec,
  type DmSpec,
  type GuildMessageSpec,
  type MessageContextMenuSpec,
  PayloadBuilder,
} from "./builders.js";
import { type DiscordErrorBody, DiscordHttpError, EmulatorTimeoutError } from "./errors.js";
import type { EmulatorEvent, EmulatorLogger, RecordedRequest } from "./events.js";
import { Gateway, type IntentFilter } from "./gateway.js";
import { parseBody, readBody, sendJson } from "./http-io.js";
import {
  type InteractionRecord,
  type InteractionView,
  isAnswered,
  viewOf,
} from "./interactions.js";
import { messageIntent, withoutContent } from "./messages.js";
import { RestApi } from "./rest.js";
import { SnowflakeGenerator } from "./snowflake.js";
import { type GuildSpec, World } from "./world.js";

export interface DiscordEmulatorOptions {
  /** The bot token the emulator accepts (REST `Authorization: Bot …` and gateway IDENTIFY). */
  token: string;
  /** The bot's application id; also its interaction webhooks' id. Use a 17-19 digit snowflake. */
  applicationId: string;
  /** The bot user (default: a new id, username "policybot"). */
  botUser?: { id?: string; username?: string };
  /** Guilds the bot is in (default: one guild "Policy Sandbox" with #general and #faq). */
  guilds?: GuildSpec[];
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** HELLO's heartbeat_interval in ms (default 41,250 as on Discord). */
  heartbeatIntervalMs?: number;
  /** How long the bot has to acknowledge an interaction before 10062 (default 3,000 as on Discord). */
  interactionDeadlineMs?: number;
  /** Receives every EmulatorEvent (the sandbox REPL prints them). */
  log?: EmulatorLogger;
}

/** Which requests `failNext` intercepts. A string route matches the decoded route exactly. */
export interface FaultMatcher {
  method?: string;
  route: RegExp | string;
}

/** What `failNext` answers instead of the real handler. */
export interface FaultResponse {
  status: number;
  /** Default: `{ code: 0, message: "<status>: Fault injected" }`. */
  body?: DiscordErrorBody;
  /** For a 429 the default adds `Retry-After: 0.05` and `X-RateLimit-Scope: user`. */
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1). discord.js retries 5xx 3 times and waits out 429s. */
  times?: number;
}

interface Fault {
  matcher: FaultMatcher;
  response: FaultResponse;
  remaining: number;
}

/** An interaction the emulator sent to the bot; follow the bot's answer through it. */
export interface InjectedInteraction {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  /** The bot's answer as the user sees it now. */
  view(): InteractionView;
  /** Resolves at the first answer the user can see (a reply, update, choices, modal, or the edit after "thinking…"). */
  reply(timeoutMs?: number): Promise<InteractionView>;
  /** Resolves once `predicate` holds for the view (e.g. two follow-ups arrived). */
  waitFor(
    predicate: (view: InteractionView) => boolean,
    timeoutMs?: number,
  ): Promise<InteractionView>;
}

/** A user message the emulator sent to the bot. */
export interface InjectedMessage {
  readonly id: string;
  readonly channelId: string;
  readonly payload: GatewayMessageCreateDispatchData;
  /** Bot messages posted in the channel after this one (pin notices excluded), oldest first. */
  replies(): APIMessage[];
  /** Resolves with the bot's first message in the channel after this one. */
  reply(timeoutMs?: number): Promise<APIMessage>;
}

/** A guild as the emulator holds it, for tests to address channels by name. */
export interface EmulatedGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

const DEFAULT_WAIT_MS = 5000;
const REQUEST_LOG_LIMIT = 10_000;

/**
 * A local Discord for end-to-end tests and the sandbox: gateway v10 (JSON, no compression) and
 * the REST routes a slash-command / DM / FAQ bot uses, over in-memory guilds, channels,
 * messages, pins and commands, on 127.0.0.1.
 *
 * Point discord.js at it with `rest: { api: emulator.apiBase }` and log in with the same
 * token; await the client's `clientReady` event (not `login()`).
 *
 * @example
 * const emulator = await DiscordEmulator.start({ token: "t", applicationId: "1234567890123456789" });
 * const client = new Client({ intents: [Guilds, DirectMessages], partials: [Partials.Channel],
 *   rest: { api: emulator.apiBase } });
 * const ready = once(client, "clientReady");
 * await client.login("t"); await ready;
 * const view = await emulator.interact(emulator.chatInput({ name: "ask", options: { question: "AI training?" } }));
 * expect(view.text).toContain("opt out");
 * client.destroy(); await emulator.stop();
 */
export class DiscordEmulator {
  readonly applicationId: string;
  /** Base URL for discord.js's `rest.api` option, e.g. `http://127.0.0.1:PORT/api`. */
  readonly apiBase: string;
  /** What `GET /gateway/bot` returns, e.g. `ws://127.0.0.1:PORT`. */
  readonly gatewayUrl: string;
  readonly port: number;

  readonly #server: Server;
  readonly #world: World;
  readonly #gateway: Gateway;
  readonly #rest: RestApi;
  readonly #builder: PayloadBuilder;
  readonly #token: string;
  readonly #log: EmulatorLogger;
  readonly #requests: RecordedRequest[] = [];
  readonly #faults: Fault[] = [];
  readonly #interactions = new Map<string, InteractionRecord>();
  readonly #interactionsByToken = new Map<string, InteractionRecord>();
  readonly #waiters = new Set<() => void>();
  #stopped: Promise<void> | null = null;

  private constructor(
    server: Server,
    port: number,
    world: World,
    ids: SnowflakeGenerator,
    opts: DiscordEmulatorOptions,
    gatewayFactory: (url: string) => Gateway,
  ) {
    this.#server = server;
    this.port = port;
    this.#world = world;
    this.#token = opts.token;
    this.#log = opts.log ?? (() => {});
    this.applicationId = opts.applicationId;
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.#gateway = gatewayFactory(this.gatewayUrl);
    this.#gateway.onChange(() => this.#changed());
    this.#rest = new RestApi({
      world,
      ids,
      gateway: this.#gateway,
      applicationId: opts.applicationId,
      interactionsById: this.#interactions,
      interactionsByToken: this.#interactionsByToken,
      interactionDeadlineMs: opts.interactionDeadlineMs ?? 3000,
      gatewayUrl: () => this.gatewayUrl,
      log: (e) => this.#emit(e),
      changed: () => this.#changed(),
    });
    this.#builder = new PayloadBuilder(world, ids, opts.applicationId);
  }

  /** Starts the HTTP + WebSocket server on 127.0.0.1 and resolves once it listens. */
  static async start(opts: DiscordEmulatorOptions): Promise<DiscordEmulator> {
    if (!opts.token) throw new Error("DiscordEmulator.start: a non-empty token is required");
    if (!/^\d{17,19}$/.test(opts.applicationId)) {
      throw new Error("DiscordEmulator.start: applicationId must be a 17-19 digit snowflake");
    }
    const ids = new SnowflakeGenerator();
    const world = new World(
      ids,
      {
        id: opts.botUser?.id ?? opts.applicationId,
        username: opts.botUser?.username ?? "policybot",
      },
      opts.guilds ?? [{}],
    );
    let emulator: DiscordEmulator | undefined;
    const server = createServer((req, res) => {
      if (!emulator) {
        res.writeHead(503).end();
        return;
      }
      void emulator.#onRequest(req, res);
    });
    server.on("upgrade", (req, socket, head) => {
      if (!emulator || (req.url ?? "/").startsWith("/api")) {
        socket.destroy();
        return;
      }
      emulator.#gateway.handleUpgrade(req, socket, head);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port ?? 0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    emulator = new DiscordEmulator(
      server,
      port,
      world,
      ids,
      opts,
      (url) =>
        new Gateway({
          token: opts.token,
          heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
          url: () => url,
          log: (e) => {
            if (emulator) emulator.#emit(e);
          },
          ids,
          applicationId: opts.applicationId,
          botUser: world.botUser,
          guilds: () => [...world.guilds.values()].map((g) => world.guildCreate(g)),
        }),
    );
    emulator.#emit({
      type: "listening",
      apiBase: emulator.apiBase,
      gatewayUrl: emulator.gatewayUrl,
    });
    return emulator;
  }

  /** Closes every gateway socket and HTTP connection and the server. Idempotent. */
  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((resolve) => {
      this.#gateway.close();
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
      this.#emit({ type: "stopped" });
      this.#changed();
    });
    return this.#stopped;
  }

  // --- world --------------------------------------------------------------------------------

  /** The bot user (its id is the application id unless `botUser.id` was given). */
  get botUser(): APIUser {
    return this.#world.botUser;
  }

  /** The user injections use when none is given ("alice"). */
  get defaultUser(): APIUser {
    return this.#world.defaultUser;
  }

  /** The guilds the bot is in, with their text channels. */
  get guilds(): EmulatedGuild[] {
    return [...this.#world.guilds.values()].map((g) => ({
      id: g.id,
      name: g.name,
      channels: g.channelIds.map((id) => ({ id, name: this.#world.channels.get(id)?.name ?? "" })),
    }));
  }

  /** The first guild (the default one when none were configured). */
  get guild(): EmulatedGuild {
    const first = this.guilds[0];
    if (!first) throw new Error("The emulator was started with no guild");
    return first;
  }

  /** Id of a guild text channel by name (first guild by default); throws when unknown. */
  channelId(name: string, guildId: string = this.guild.id): string {
    const found = this.guilds.find((g) => g.id === guildId)?.channels.find((c) => c.name === name);
    if (!found) throw new Error(`No channel #${name} in guild ${guildId}`);
    return found.id;
  }

  /** Id of the DM channel between the bot and a user (default user when omitted). */
  dmChannelId(user?: { id?: string; username?: string }): string {
    return this.#world.dmChannelFor(this.#world.resolveUser(user)).id;
  }

  /** Messages others can see in a channel, oldest first, with edits applied. */
  messages(channelId: string): APIMessage[] {
    return this.#world.channelMessages(channelId);
  }

  /** Pinned messages of a channel, most recently pinned first. */
  pins(channelId: string): APIMessage[] {
    return [...(this.#world.pins.get(channelId) ?? [])]
      .reverse()
      .map((p) => this.#world.messages.get(p.messageId))
      .filter((m): m is APIMessage => m !== undefined);
  }

  /**
   * Someone (a moderator, say) deletes a message by hand: it leaves the channel and its pins,
   * and bots get MESSAGE_DELETE. Returns false when no such message is in that channel.
   */
  deleteMessage(channelId: string, messageId: string): boolean {
    const message = this.#world.findMessage(channelId, messageId);
    if (!message) return false;
    this.#rest.deleteMessage(message);
    return true;
  }

  /**
   * Puts a message in a channel's history without telling any bot (it was there before the bot
   * looked), pinned when `pinned`, e.g. to fill a channel's 50 pins. Returns the stored message.
   */
  seedMessage(spec: {
    channelId: string;
    content: string;
    user?: { id?: string; username?: string };
    pinned?: boolean;
  }): APIMessage {
    if (!this.#world.channels.has(spec.channelId)) {
      throw new Error(`Unknown channel ${spec.channelId}`);
    }
    const author = this.#world.resolveUser(spec.user);
    const message: APIMessage = {
      ...this.#builder.userMessage(spec.channelId, spec.content, author),
      pinned: !!spec.pinned,
    };
    this.#world.addMessage(message, true);
    if (spec.pinned) {
      const pins = this.#world.pins.get(spec.channelId) ?? [];
      pins.push({ messageId: message.id, pinnedAt: new Date().toISOString() });
      this.#world.pins.set(spec.channelId, pins);
    }
    this.#changed();
    return message;
  }

  /** Commands the bot registered: global ones, or a guild's when `guildId` is given. */
  commands(guildId?: string): APIApplicationCommand[] {
    return guildId === undefined
      ? this.#world.globalCommands
      : (this.#world.guildCommands.get(guildId) ?? []);
  }

  // --- request log and faults -----------------------------------------------------------------

  /** Every REST request the bot made since start or the last `clearRequests()`, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  clearRequests(): void {
    this.#requests.length = 0;
  }

  /**
   * Resolves with the first recorded request (already made or coming) that matches and has been
   * answered; rejects after `timeoutMs` listing the latest requests.
   */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<RecordedRequest> {
    return this.#waitUntil(
      () => this.#requests.find((r) => r.status !== undefined && predicate(r)),
      "a matching REST request",
      timeoutMs,
    );
  }

  /**
   * Makes the next matching request (or `times` of them) fail with the given status and
   * Discord error body, e.g. `failNext({ method: "PUT", route: /\/pins\// }, { status: 403,
   * body: { code: 50013, message: "Missing Permissions" } })`.
   */
  failNext(matcher: FaultMatcher, response: FaultResponse): void {
    this.#faults.push({ matcher, response, remaining: response.times ?? 1 });
  }

  // --- payload builders (they build; inject with inject/interact/injectMessage) ---------------

  chatInput(spec: ChatInputSpec) {
    return this.#builder.chatInput(spec);
  }

  autocomplete(spec: AutocompleteSpec) {
    return this.#builder.autocomplete(spec);
  }

  button(spec: ButtonSpec) {
    return this.#builder.button(spec);
  }

  messageContextMenu(spec: MessageContextMenuSpec) {
    return this.#builder.messageContextMenu(spec);
  }

  dm(spec: DmSpec) {
    return this.#builder.dm(spec);
  }

  guildMessage(spec: GuildMessageSpec) {
    return this.#builder.guildMessage(spec);
  }

  // --- injection ------------------------------------------------------------------------------

  /** Sends INTERACTION_CREATE to the bot and returns a handle on the bot's answer. */
  inject(payload: APIInteraction): InjectedInteraction {
    const record: InteractionRecord = {
      payload,
      injectedAt: Date.now(),
      callbackType: null,
      ephemeral: false,
      originalId: null,
      originalDeleted: false,
      originalEdited: false,
      followUpIds: [],
      choices: null,
      modal: null,
    };
    this.#interactions.set(payload.id, record);
    this.#interactionsByToken.set(payload.token, record);
    const sessions = this.#gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    if (sessions === 0) {
      throw new Error(
        "No bot session to send the interaction to: has the bot logged in (clientReady)?",
      );
    }
    const view = () => viewOf(this.#world, record);
    const waitFor = (predicate: (v: InteractionView) => boolean, timeoutMs = DEFAULT_WAIT_MS) =>
      this.#waitUntil(
        () => {
          const v = view();
          return predicate(v) ? v : undefined;
        },
        `the bot's answer to interaction ${payload.id}`,
        timeoutMs,
      );
    return {
      id: payload.id,
      token: payload.token,
      payload,
      view,
      waitFor,
      reply: (timeoutMs) => waitFor(isAnswered, timeoutMs),
    };
  }

  /** inject() and wait for the first answer the user can see. */
  interact(payload: APIInteraction, timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionView> {
    return this.inject(payload).reply(timeoutMs);
  }

  /**
   * Stores a user's message and sends MESSAGE_CREATE to bot sessions with the right intent
   * (DirectMessages for DMs, GuildMessages for guilds; without MessageContent, a guild message
   * that does not mention the bot arrives with empty content, as on Discord).
   */
  injectMessage(payload: GatewayMessageCreateDispatchData): InjectedMessage {
    const { guild_id: _g, member: _m, channel_type: _c, ...message } = payload;
    this.#world.addMessage(message, true);
    this.#emit({ type: "message", action: "create", message });
    const intent = messageIntent(this.#world, payload.channel_id);
    const mentioned = payload.mentions.some((u) => u.id === this.#world.botUser.id);
    const needsContentIntent = payload.guild_id !== undefined && !mentioned;
    const send = (filter: IntentFilter, data: GatewayMessageCreateDispatchData) =>
      this.#gateway.dispatch<GatewayMessageCreateDispatch>(
        GatewayDispatchEvents.MessageCreate,
        data,
        filter,
      );
    send(
      (i) =>
        (i & intent) !== 0 && (!needsContentIntent || (i & GatewayIntentBits.MessageContent) !== 0),
      payload,
    );
    if (needsContentIntent) {
      send(
        (i) => (i & intent) !== 0 && (i & GatewayIntentBits.MessageContent) === 0,
        withoutContent(payload),
      );
    }
    this.#changed();
    const replies = () =>
      this.#world
        .channelMessages(payload.channel_id)
        .filter(
          (m) =>
            m.author.id === this.#world.botUser.id &&
            BigInt(m.id) > BigInt(payload.id) &&
            m.type !== MessageType.ChannelPinnedMessage,
        );
    return {
      id: payload.id,
      channelId: payload.channel_id,
      payload,
      replies,
      reply: (timeoutMs = DEFAULT_WAIT_MS) =>
        this.#waitUntil(() => replies()[0], `the bot's reply to message ${payload.id}`, timeoutMs),
    };
  }

  /** injectMessage() and wait for the bot's first message in that channel. */
  converse(
    payload: GatewayMessageCreateDispatchData,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<APIMessage> {
    return this.injectMessage(payload).reply(timeoutMs);
  }

  /** Sends any dispatch to every live session, e.g. a GUILD_UPDATE a test needs. Returns the session count. */
  dispatch<T extends GatewayDispatchPayload>(event: T["t"], data: T["d"]): number {
    return this.#gateway.dispatch<T>(event, data);
  }

  // --- gateway control ------------------------------------------------------------------------

  /** Sessions created by IDENTIFY since start; a RESUME keeps the count. */
  get sessions(): number {
    return this.#gateway.identifyCount;
  }

  /** Live sessions with an open socket right now. */
  get connectedSessions(): number {
    return this.#gateway.connectedSessions;
  }

  /** Sends op 7 RECONNECT: discord.js closes, reconnects and RESUMEs. */
  reconnect(): void {
    this.#gateway.reconnect();
  }

  /** Sends op 9 INVALID_SESSION; `resumable: false` ends the session (the client IDENTIFYs anew). */
  invalidateSession(resumable: boolean): void {
    this.#gateway.invalidateSession(resumable);
  }

  /**
   * Kills the sockets without a close frame (the client sees 1006). Sessions stay resumable:
   * dispatches made meanwhile are replayed on RESUME. Returns how many sockets were dropped.
   */
  dropConnection(): number {
    return this.#gateway.dropConnections();
  }

  /** Resolves once `count` sessions have an open, identified or resumed socket. */
  waitForConnection(count = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return this.#waitUntil(
      () => (this.#gateway.connectedSessions >= count ? true : undefined),
      `${count} connected gateway session(s)`,
      timeoutMs,
    ).then(() => undefined);
  }

  // --- internals ------------------------------------------------------------------------------

  #emit(event: EmulatorEvent): void {
    try {
      this.#log(event);
    } catch {
      // A faulty log hook must not break the emulator.
    }
  }

  #changed(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  #waitUntil<T>(check: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) {
        resolve(first);
        return;
      }
      const cleanup = () => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      const waiter = () => {
        if (this.#stopped) {
          cleanup();
          reject(new Error(`The emulator stopped while waiting for ${what}`));
          return;
        }
        const value = check();
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new EmulatorTimeoutError(what, timeoutMs, this.#requests.slice(-10)));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  #faultFor(method: string, route: string): Fault | undefined {
    const fault = this.#faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.matcher.method === undefined || f.matcher.method.toUpperCase() === method) &&
        (typeof f.matcher.route === "string"
          ? f.matcher.route === route
          : f.matcher.route.test(route)),
    );
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining === 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    }
    return fault;
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const prefix = "/api/v10";
    const recorded: RecordedRequest = {
      method,
      route: url.pathname.startsWith(`${prefix}/`)
        ? url.pathname.slice(prefix.length)
        : url.pathname,
      body: undefined,
      files: [],
      query: Object.fromEntries(url.searchParams),
      at: Date.now(),
    };
    const reason = req.headers["x-audit-log-reason"];
    if (typeof reason === "string") recorded.auditLogReason = safeDecode(reason);
    let status = 500;
    try {
      recorded.route = recorded.route.split("/").map(safeDecode).join("/");
      const parsed = parseBody(req.headers["content-type"], await readBody(req));
      recorded.body = parsed.body;
      recorded.files = parsed.files;
      this.#requests.push(recorded);
      if (this.#requests.length > REQUEST_LOG_LIMIT) this.#requests.shift();
      if (!url.pathname.startsWith(`${prefix}/`))
        throw new DiscordHttpError(404, { code: 0, message: "404: Not Found" });
      const fault = this.#faultFor(method, recorded.route);
      if (fault) {
        const body = fault.response.body ?? {
          code: 0,
          message: `${fault.response.status}: Fault injected`,
        };
        const headers: Record<string, string> =
          fault.response.status === 429
            ? { "retry-after": "0.05", "x-ratelimit-scope": "user", ...fault.response.headers }
            : { ...fault.response.headers };
        const withRetry =
          fault.response.status === 429 && body.retry_after === undefined
            ? { ...body, retry_after: Number(headers["retry-after"] ?? 0.05), global: false }
            : body;
        this.#emit({
          type: "fault",
          method,
          route: recorded.route,
          status: fault.response.status,
          code: body.code,
        });
        throw new DiscordHttpError(fault.response.status, withRetry, headers);
      }
      const result = this.#rest.handle({
        method,
        route: recorded.route,
        query: recorded.query,
        body: parsed.body,
        files: parsed.files,
        authorized: req.headers.authorization === `Bot ${this.#token}`,
      });
      status = result.status;
      sendJson(res, result.status, result.body);
    } catch (error) {
      if (!this.#requests.includes(recorded)) this.#requests.push(recorded);
      if (error instanceof DiscordHttpError) {
        status = error.status;
        sendJson(res, error.status, error.body, error.headers);
      } else {
        status = 500;
        sendJson(res, 500, { code: 0, message: `500: Internal Server Error (${String(error)})` });
      }
    }
    recorded.status = status;
    this.#emit({ type: "request", request: recorded });
    this.#changed();
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
