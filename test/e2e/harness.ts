import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type Command, deployDefinitions } from "../../commands/index.js";
import { parseConfig } from "../../src/config/index.js";
import { type Core, createCore } from "../../src/core/core.js";
import { type BotDeps, type RunningBot, startBot } from "../../src/discord/bot.js";
import { deployCommands } from "../../src/discord/deploy-commands.js";
import { createLogger } from "../../src/log/index.js";
import { DiscordEmulator, type GuildSpec } from "../../src/sandbox/emulator/index.js";

export const TOKEN = "MTExMTExMTExMTExMTExMTEx.GaBcDe.e2e-test-token-0123456789abcdefghij";
export const APP_ID = "111111111111111111";

let sharedCore: Core | null = null;
/** Loading the knowledge takes about half a second; one core per test file is enough. */
export function core(): Core {
  sharedCore ??= createCore();
  return sharedCore;
}

export interface Harness {
  emulator: DiscordEmulator;
  bot: RunningBot;
  /** The bot's DATA_DIR: a temp folder removed by close() unless the test gave one. */
  dataDir: string;
  /** Every JSON log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Omit<BotDeps, "logger">> {
  env?: Record<string, string>;
  commands?: readonly Command[];
  deploy?: boolean;
  /** The emulator's guilds (default: one guild with #general and #faq). */
  guilds?: GuildSpec[];
}

/** One emulator and one bot connected to it, with the commands registered globally. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await DiscordEmulator.start({
    token: TOKEN,
    applicationId: APP_ID,
    ...(options.guilds ? { guilds: options.guilds } : {}),
  });
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      const line = String(chunk);
      rawLogs.push(line);
      try {
        logs.push(JSON.parse(line));
      } catch {
        // not JSON: kept in rawLogs
      }
      done();
    },
  });
  const loaded = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_BASE: emulator.apiBase,
    ...options.env,
  });
  if (!loaded.ok) throw loaded.error;
  if (options.deploy !== false) {
    await deployCommands({
      token: TOKEN,
      applicationId: APP_ID,
      guildId: null,
      apiBase: emulator.apiBase,
      ...(options.commands ? { definitions: deployDefinitions(options.commands) } : {}),
    });
  }
  const { env: _env, deploy: _deploy, guilds: _guilds, ...deps } = options;
  const ownDataDir = options.dataDir === undefined && options.store === undefined;
  const dataDir =
    options.store?.dataDir ?? options.dataDir ?? mkdtempSync(join(tmpdir(), "pb-data-"));
  const bot = await startBot(loaded.config, {
    core: core(),
    logger: createLogger({ level: "debug", secrets: [TOKEN], destination }),
    botVersion: "9.9.9-test",
    // Tests share the shipped knowledge folder: only the files that test reloads watch theirs.
    watchKnowledge: false,
    dataDir,
    ...deps,
  });
  return {
    emulator,
    bot,
    dataDir,
    logs,
    rawLogs,
    async close() {
      await bot.stop();
      await emulator.stop();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
