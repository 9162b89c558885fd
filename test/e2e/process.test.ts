import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordEmulator } from "../../src/sandbox/emulator/index.js";
import { APP_ID, TOKEN } from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
// A private build, so this test neither waits for nor disturbs anyone else's `dist/`.
const OUT = join(ROOT, "node_modules/.cache/policybot-e2e-dist");
const MAIN = join(OUT, "src/discord/main.js");
const DEPLOY = join(OUT, "src/discord/deploy-commands.js");
const KNOWLEDGE = join(ROOT, "knowledge");
const GUILD = "131313131313131313";

const run = promisify(execFile);
/** A clean environment in an empty folder, so no developer's .env leaks in. */
const cwd = mkdtempSync(join(tmpdir(), "policybot-e2e-"));
const baseEnv = { PATH: process.env.PATH ?? "", HOME: cwd };

function exec(file: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, [file, ...args], {
    cwd,
    env: { ...baseEnv, ...env },
    timeout: 15_000,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

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
}, 90_000);
afterAll(async () => {
  await emulator?.stop();
});

describe("configuration errors", () => {
  it("no token: one line naming it, exit code 2, no stack trace", async () => {
    const r = await exec(MAIN, [], {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DISCORD_TOKEN/);
    expect(r.stderr).not.toMatch(/\s+at\s/);
  });

  it("a malformed value is named, and the token is never echoed", async () => {
    const r = await exec(MAIN, [], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      LOG_LEVEL: "loud",
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/LOG_LEVEL/);
    expect(r.stderr).not.toContain(TOKEN);
  });
});

describe("deploy-commands", () => {
  it("compares with GET, overwrites with one PUT and prints the differences", async () => {
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_BASE: emulator.apiBase,
    };
    emulator.clearRequests();
    const first = await exec(DEPLOY, ["--guild", GUILD], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/added:\s+\/ask, \/optout/);
    const route = `/applications/${APP_ID}/guilds/${GUILD}/commands`;
    expect(emulator.requests.map((r) => `${r.method} ${r.route}`)).toEqual([
      `GET ${route}`,
      `PUT ${route}`,
    ]);
    expect(emulator.commands(GUILD)).toHaveLength(9);
    const second = await exec(DEPLOY, ["--guild", GUILD], env);
    expect(second.stdout).toMatch(/added:\s+none/);
    expect(second.stdout).toMatch(/changed:\s+none/);
    expect(second.stdout).toMatch(/unchanged:\s+\/ask/);
    const bad = await exec(DEPLOY, ["--guild", "nope"], env);
    expect(bad.code).toBe(2);
  });
});

describe("npm start", () => {
  it("answers, then on SIGTERM closes the gateway, flushes logs and exits 0", async () => {
    const child: ChildProcess = spawn(process.execPath, [MAIN], {
      cwd,
      env: {
        ...baseEnv,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_BASE: emulator.apiBase,
        KNOWLEDGE_DIR: KNOWLEDGE,
        LOG_LEVEL: "debug",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += String(d)));
    child.stderr?.on("data", (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    await expect.poll(() => stdout, { timeout: 10_000 }).toMatch(/connected to Discord/);
    const reply = await emulator.converse(
      emulator.dm({ content: "how do I opt out of AI training" }),
    );
    expect(JSON.stringify(reply.embeds)).toMatch(/Grok/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/gateway closed/);
    for (const line of stdout.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    expect(stdout + stderr).not.toContain(TOKEN);
  }, 20_000);
});
