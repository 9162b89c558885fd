import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { type Command, commandsByName, commands as defaultCommands } from "../../commands/index.js";
import type { Config } from "../config/index.js";
import type { Core } from "../core/core.js";
import { createLogger, flushLogger, type Logger } from "../log/index.js";
import type { ShellContext } from "./context.js";
import { handleInteraction } from "./interactions.js";
import { handleMessage } from "./messages.js";
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from "./rate-limit.js";

export interface BotDeps {
  core: Core;
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
  /** Finishes answers in flight (bounded by shutdownGraceMs), closes the gateway, flushes logs. */
  stop(): Promise<void>;
}

/** Logs in and resolves once the gateway says READY. */
export async function startBot(config: Config, deps: BotDeps): Promise<RunningBot> {
  const logger = deps.logger ?? createLogger({ level: config.logLevel, secrets: [config.token] });
  const now = deps.now ?? Date.now;
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

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
    ...(config.apiBase ? { rest: { api: config.apiBase } } : {}),
  });

  const ctx: ShellContext = {
    config,
    core: deps.core,
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

  client.on(Events.InteractionCreate, (interaction) => {
    void ctx.track(() => handleInteraction(ctx, interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    void ctx.track(() => handleMessage(ctx, message));
  });
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
    throw error;
  }
  const readyClient = await ready;
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
    await client.destroy();
    logger.info("gateway closed");
    await flushLogger(logger);
  }

  return {
    client: readyClient,
    stop: () => {
      stopped ??= stop();
      return stopped;
    },
  };
}
