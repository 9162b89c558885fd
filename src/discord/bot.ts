import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { Agent } from "undici";
import { type Command, commandsByName, commands as defaultCommands } from "../../commands/index.js";
import type { Config } from "../config/index.js";
import { type Core, createCore } from "../core/core.js";
import {
  createFaqService,
  createKnowledgeHolder,
  type ReloadOutcome,
  watchKnowledge,
} from "../faq/index.js";
import { createLogger, flushLogger, type Logger } from "../log/index.js";
import { openStore, type Store } from "../store/index.js";
import { botCacheFactory } from "./cache.js";
import type { ShellContext } from "./context.js";
import { createDiscordFaqPort } from "./faq-port.js";
import { createGate } from "./gate.js";
import { filterGatewayMessages } from "./gateway-filter.js";
import { handleInteraction } from "./interactions.js";
import { handleMessage, questionOf } from "./messages.js";
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from "./rate-limit.js";

/**
 * Events handled at once; the rest wait their turn (see gate.ts). Each one makes at most one REST
 * request at a time, so the same number of kept-alive connections lets every running answer reach
 * Discord without queueing behind another. On Discord, where a callback takes 50-150 ms, it also
 * bounds a burst's throughput: 128 in flight is about a thousand answers a second.
 */
const CONCURRENT_EVENTS = 128;

export interface BotDeps {
  /** The knowledge at start; a reload (watcher or /faq reload) replaces it. */
  core: Core;
  /** Loads the knowledge again; default: the folder `core` was loaded from. */
  loadCore?: () => Core;
  /**
   * Reload the knowledge when its folder changes (default true, 500 ms after the last change);
   * false for tests that share the shipped folder.
   */
  watchKnowledge?: boolean | { debounceMs: number };
  /** An open store to use (the caller closes it); default: opened from dataDir by startBot. */
  store?: Store;
  /** Where startBot opens the store when none is given; default config.dataDir. */
  dataDir?: string;
  logger?: Logger;
  /** The slash commands to serve; tests inject one that throws or is slow. */
  commands?: readonly Command[];
  /** Clock for the rate limiter, uptime and latencies. */
  now?: () => number;
  botVersion?: string;
  rateLimit?: Omit<RateLimitOptions, "now">;
  /** How long stop() waits for answers in flight before closing anyway. */
  shutdownGraceMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  /** The store in use (FAQ records, votes, questions). */
  store: Store;
  /** Finishes answers in flight (bounded by shutdownGraceMs), closes the gateway, flushes logs. */
  stop(): Promise<void>;
}

/** What a reload did, in the log: the error names the file and field when the knowledge is invalid. */
function logReload(logger: Logger, outcome: ReloadOutcome, trigger: string): ReloadOutcome {
  if (outcome.ok) {
    logger.info(
      {
        trigger,
        previousVersion: outcome.previousVersion,
        version: outcome.version,
        changedTopics: outcome.changedTopics,
      },
      "knowledge reloaded",
    );
  } else {
    const { file, record, field, problem } = outcome.error;
    logger.error(
      { trigger, file, record, field, problem, version: outcome.version },
      `knowledge reload refused, the previous knowledge stays in service: ${outcome.error.message}`,
    );
  }
  return outcome;
}

/**
 * Opens the store (unless one is given), logs in and resolves once the gateway says READY.
 * Throws a StoreError before connecting when the database cannot be opened or is damaged.
 */
export async function startBot(config: Config, deps: BotDeps): Promise<RunningBot> {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, secrets: [config.token] });
  const now = deps.now ?? Date.now;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const ownsStore = deps.store === undefined;
  const store =
    deps.store ??
    openStore({
      dataDir: deps.dataDir ?? config.dataDir,
      retentionDays: config.retentionDays,
      logger,
    });
  const initial = deps.core;
  const loadCore = deps.loadCore ?? (() => createCore(initial.knowledge.dir));
  const knowledge = createKnowledgeHolder(initial, loadCore);

  const client = new Client({
    // No privileged intent: DMs and messages that mention the bot carry their content anyway.
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.DirectMessages,
      ...(config.answerMentions ? [GatewayIntentBits.GuildMessages] : []),
    ],
    // DM channels are not cached before their first message; without this the event is dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    makeCache: botCacheFactory(),
    // Our embeds and components are built in Discord's own (snake_case) shape from
    // discord-api-types, so discord.js's default deep key conversion is pure cost on every reply.
    jsonTransformer: (value: unknown) => value,
    rest: {
      ...(config.apiBase ? { api: config.apiBase } : {}),
      // undici's default pool opens a new connection for every request in flight: a burst of
      // answers meant hundreds of connections set up and torn down. A bounded, kept-alive pool
      // answers the same burst with a fraction of the CPU and memory.
      agent: new Agent({ connections: CONCURRENT_EVENTS, keepAliveTimeout: 30_000 }),
    },
  });

  const faq = createFaqService({
    store,
    core: knowledge.current,
    port: createDiscordFaqPort(client),
    ownerId: config.ownerId,
    now,
    reload: () => logReload(logger, knowledge.reload(), "command"),
    logger,
  });

  const ctx: ShellContext = {
    config,
    knowledge,
    store,
    faq,
    logger,
    commands: commandsByName(deps.commands ?? defaultCommands),
    limiter: createRateLimiter({ ...DEFAULT_RATE_LIMIT, ...deps.rateLimit, now }),
    now,
    startedAt: now(),
    botVersion: deps.botVersion ?? "0.0.0",
    track(work) {
      if (stopping) {
        logger.debug("shutting down: new work ignored");
        return Promise.resolve();
      }
      const running = work().catch((error: unknown) => {
        // The handlers have their own boundary; this only catches a bug in it.
        logger.error({ err: error }, "unhandled error in an event handler");
      });
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
      return running;
    },
  };

  const gate = createGate(CONCURRENT_EVENTS);
  client.on(Events.InteractionCreate, (interaction) => {
    void ctx.track(() => gate.run(() => handleInteraction(ctx, interaction)));
  });
  client.on(Events.MessageCreate, (message) => {
    // With GuildMessages, each of our own answers comes back as a MESSAGE_CREATE: no work for it.
    if (message.author.bot) return;
    void ctx.track(() => gate.run(() => handleMessage(ctx, message)));
  });
  const filtering = filterGatewayMessages(client, (m) => {
    const botId = client.user?.id;
    // Before READY the bot's id is unknown: let discord.js queue the message as it would.
    if (!botId) return true;
    if (m.author.id === botId) return false;
    const message = {
      content: m.content,
      guildId: m.guild_id ?? null,
      author: { bot: !!m.author.bot },
    };
    return questionOf(message, botId, config.answerMentions) !== null;
  });
  if (!filtering) {
    logger.warn(
      "discord.js has no WebSocketManager#handlePacket to wrap (was it upgraded?): messages the bot ignores are still parsed",
    );
  }
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, "discord client warning"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, "gateway disconnected"),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
  } catch (error) {
    await client.destroy();
    if (ownsStore) store.close();
    throw error;
  }
  const readyClient = await ready;
  const stopPurge = store.scheduleDailyPurge();
  // FAQ messages deleted or unpinned while the bot was away: make the records match.
  void ctx.track(async () => {
    const report = await faq.reconcile();
    logger.info({ report }, "faq records reconciled with Discord");
  });
  const watch = deps.watchKnowledge ?? true;
  let stopWatching = () => {};
  if (watch !== false) {
    const dir = initial.knowledge.dir;
    try {
      stopWatching = watchKnowledge(dir, () => logReload(logger, knowledge.reload(), "watcher"), {
        debounceMs: typeof watch === "object" ? watch.debounceMs : 500,
        onError: (error) => logger.warn({ err: error, dir }, "knowledge watcher stopped"),
      });
    } catch (error) {
      logger.warn({ err: error, dir }, "cannot watch the knowledge folder; use /faq reload");
    }
  }
  logger.info(
    {
      user: readyClient.user.tag,
      userId: readyClient.user.id,
      guilds: readyClient.guilds.cache.size,
      commands: ctx.commands.size,
    },
    "connected to Discord",
  );

  let stopped: Promise<void> | null = null;
  async function stop(): Promise<void> {
    stopping = true;
    const grace = deps.shutdownGraceMs ?? 5_000;
    const pending = inFlight.size;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), grace);
    });
    const outcome = await Promise.race([
      Promise.allSettled([...inFlight]).then(() => "drained" as const),
      timeout,
    ]);
    clearTimeout(timer);
    logger.info({ inFlight: pending, outcome, abandoned: inFlight.size }, "stopping");
    stopWatching();
    stopPurge();
    await client.destroy();
    logger.info("gateway closed");
    // The store writes its queued questions on close; one we do not own stays open, so write them now.
    store.questions.flush();
    if (ownsStore) store.close();
    await flushLogger(logger);
  }

  return {
    client: readyClient,
    store,
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
  };
}
