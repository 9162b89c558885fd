import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { PermissionFlagsBits } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployCommands } from "../../src/discord/deploy-commands.js";
import { DiscordEmulator } from "../../src/sandbox/emulator/index.js";
import { APP_ID, TOKEN } from "./harness.js";

/** The built bot as a process: FAQ records survive a kill -9; a bad database stops it cleanly. */

const ROOT = resolve(import.meta.dirname, "../..");
// A private build (not process.test's, which may be building at the same time).
const OUT = join(ROOT, "node_modules/.cache/policybot-e2e-faq-dist");
const MAIN = join(OUT, "src/discord/main.js");
const KNOWLEDGE = join(ROOT, "knowledge");
const GUILD = "141414141414141414";
const MOD = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.PinMessages
).toString();

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), "pb-faq-process-"));
const baseEnv = { PATH: process.env.PATH ?? "", HOME: tmp };

let emulator: DiscordEmulator;
beforeAll(async () => {
  // Other people's type errors must not stop this build: tsc still emits.
  await run("npx", ["tsc", "-p", ".", "--outDir", OUT], { cwd: ROOT, timeout: 60_000 }).catch(
    () => undefined,
  );
  emulator = await DiscordEmulator.start({
    token: TOKEN,
    applicationId: APP_ID,
    guilds: [{ id: GUILD }],
  });
  await deployCommands({
    token: TOKEN,
    applicationId: APP_ID,
    guildId: null,
    apiBase: emulator.apiBase,
  });
}, 90_000);
afterAll(async () => {
  await emulator?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string): Running {
  const child = spawn(process.execPath, [MAIN], {
    cwd: tmp,
    env: {
      ...baseEnv,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_BASE: emulator.apiBase,
      KNOWLEDGE_DIR: KNOWLEDGE,
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += String(d)));
  child.stderr?.on("data", (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

function faq(subcommand: string, options: Record<string, string> = {}) {
  return emulator.interact(
    emulator.chatInput({
      name: "faq",
      subcommand,
      options,
      guildId: GUILD,
      channelId: emulator.channelId("faq", GUILD),
      memberPermissions: MOD,
    }),
    10_000,
  );
}

describe("restart persistence", () => {
  it("a FAQ posted before a kill -9 is still listed after a restart", async () => {
    const dataDir = join(tmp, "data-restart");
    const first = start(dataDir);
    await expect.poll(first.stdout, { timeout: 10_000 }).toMatch(/connected to Discord/);
    const posted = await faq("post", { topic: "opt-out", language: "en" });
    expect(posted.text).toContain("FAQ posted");
    const id = /discord\.com\/channels\/\d+\/\d+\/(\d+)/.exec(posted.text)?.[1];
    expect(id).toBeDefined();

    first.child.kill("SIGKILL");
    await first.exited;
    await expect.poll(() => emulator.connectedSessions, { timeout: 5_000 }).toBe(0);

    const second = start(dataDir);
    try {
      await expect.poll(second.stdout, { timeout: 10_000 }).toMatch(/connected to Discord/);
      const list = await faq("list");
      expect(list.text).toContain(`/${id}`);
      expect(list.text).toContain("All 1 are up to date");
      // Start-up reconciliation found the message still there and pinned.
      await expect.poll(second.stdout, { timeout: 5_000 }).toMatch(/faq records reconciled/);
      expect(emulator.pins(emulator.channelId("faq", GUILD)).map((m) => m.id)).toEqual([id]);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
  }, 40_000);
});

describe("a database the bot cannot use", () => {
  it("garbage in policybot.sqlite: exit 2, one line naming the file, bytes unchanged", async () => {
    const dataDir = join(tmp, "data-corrupt");
    mkdirSync(dataDir);
    const file = join(dataDir, "policybot.sqlite");
    const garbage = Buffer.from("this is not a database\n".repeat(300));
    writeFileSync(file, garbage);
    const bot = start(dataDir);
    expect(await bot.exited).toBe(2);
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(bot.stderr()).not.toMatch(/\s+at\s/);
    expect(bot.stdout()).not.toMatch(/connected to Discord/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  }, 20_000);

  it("a DATA_DIR that is a file: exit 2, one line naming it", async () => {
    const dataDir = join(tmp, "data-is-a-file");
    writeFileSync(dataDir, "x");
    const bot = start(dataDir);
    expect(await bot.exited).toBe(2);
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dataDir);
    expect(readFileSync(dataDir, "utf8")).toBe("x");
  }, 20_000);
});
