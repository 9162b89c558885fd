import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { PermissionFlagsBits as P } from "discord-api-types/v10";
import { deployDefinitions } from "../../commands/index.js";
import { parseConfig } from "../../src/config/index.js";
import { createCore } from "../../src/core/core.js";
import { type RunningBot, startBot } from "../../src/discord/bot.js";
import { deployCommands } from "../../src/discord/deploy-commands.js";
import { createLogger } from "../../src/log/index.js";
import { DiscordEmulator } from "../../src/sandbox/emulator/index.js";
import { openStore, type Store, type StoreOp } from "../../src/store/index.js";
import { CallbackClock } from "../discord/callbacks.js";

export const TOKEN = "bench.faq.token.not-a-real-discord-token";
export const APP_ID = "100000000000000003";
export const OWNER = { id: "200000000000000001", username: "owner" };
/** A moderator: may pin in the channel. */
export const MOD_PERMISSIONS = (P.ViewChannel | P.SendMessages | P.PinMessages).toString();
/** What /faq post needs from the bot in the channel, and nothing more. */
export const APP_PERMISSIONS = (
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.PinMessages
).toString();

/** dist/bench/faq/ → the repository root (knowledge/ is not copied into dist). */
const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

/** Store durations by operation; `reset` drops what the setup phase wrote. */
export class StoreTimings {
  readonly byOp = new Map<StoreOp, number[]>();
  readonly hook = (op: StoreOp, ms: number): void => {
    let list = this.byOp.get(op);
    if (!list) {
      list = [];
      this.byOp.set(op, list);
    }
    list.push(ms);
  };
  reset(): void {
    this.byOp.clear();
  }
  of(...ops: StoreOp[]): number[] {
    return ops.flatMap((op) => this.byOp.get(op) ?? []);
  }
}

export interface FaqBench {
  emulator: DiscordEmulator;
  bot: RunningBot;
  store: Store;
  clock: CallbackClock;
  timings: StoreTimings;
  /** The temp copy of knowledge/ the bot serves (the bench edits it). */
  knowledgeDir: string;
  guildId: string;
  channelIds: string[];
  /** warn-and-above lines the bot logged. */
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The emulator and the bot in THIS process (startBot), so the store's timing hook can be read.
 * Knowledge is a temp copy of knowledge/ and DATA_DIR a temp folder, both removed by close().
 */
export async function startFaqBench(channels: number): Promise<FaqBench> {
  const tmp = mkdtempSync(join(tmpdir(), "pb-bench-faq-"));
  const knowledgeDir = join(tmp, "knowledge");
  cpSync(join(ROOT, "knowledge"), knowledgeDir, { recursive: true });
  const clock = new CallbackClock();
  const emulator = await DiscordEmulator.start({
    token: TOKEN,
    applicationId: APP_ID,
    log: clock.log,
    // In one process, bot + emulator + sender answer a 1,000 burst in more than Discord's 3 s:
    // the deadline is lifted so every write is measured; writes.ts counts the late answers.
    interactionDeadlineMs: 120_000,
    guilds: [
      {
        name: "Bench guild",
        channels: Array.from({ length: channels }, (_, i) => ({ name: `faq-${i + 1}` })),
      },
    ],
  });
  const timings = new StoreTimings();
  let store: Store | null = null;
  let bot: RunningBot | null = null;
  const logLines: string[] = [];
  try {
    const loaded = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_BASE: emulator.apiBase,
      OWNER_ID: OWNER.id,
      DATA_DIR: join(tmp, "data"),
      LOG_LEVEL: "warn",
    });
    if (!loaded.ok) throw loaded.error;
    await deployCommands({
      token: TOKEN,
      applicationId: APP_ID,
      guildId: null,
      apiBase: emulator.apiBase,
      definitions: deployDefinitions(),
    });
    store = openStore({ dataDir: join(tmp, "data"), onTiming: timings.hook });
    const destination = new Writable({
      write(chunk, _enc, done) {
        if (logLines.length < 1_000) logLines.push(String(chunk));
        done();
      },
    });
    bot = await startBot(loaded.config, {
      core: createCore(knowledgeDir),
      store,
      logger: createLogger({ level: "warn", secrets: [TOKEN], destination }),
      // The bench reloads with /faq reload, as the owner would; a watcher would race it.
      watchKnowledge: false,
      // One moderator posts 200 FAQs in a row; the per-user limit (5 per 20 s) would refuse that.
      rateLimit: { limit: 10_000, windowMs: 20_000 },
    });
  } catch (error) {
    await bot?.stop();
    store?.close();
    await emulator.stop();
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const running = bot;
  const openedStore = store;
  const guildId = emulator.guild.id;
  return {
    emulator,
    bot: running,
    store: openedStore,
    clock,
    timings,
    knowledgeDir,
    guildId,
    channelIds: Array.from({ length: channels }, (_, i) =>
      emulator.channelId(`faq-${i + 1}`, guildId),
    ),
    logLines,
    async close() {
      await running.stop();
      openedStore.close();
      await emulator.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
