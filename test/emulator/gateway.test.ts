import { once } from "node:events";
import { Events } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { DiscordEmulator } from "../../src/sandbox/emulator/index.js";
import { APP_ID, type Harness, newClient, startHarness, TOKEN } from "./harness.js";

describe("gateway", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it("connects and gets ready fast, with every guild cached", async () => {
    const started = Date.now();
    harness = await startHarness();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1000);
    const { client, emulator } = harness;
    expect(client.user?.id).toBe(emulator.botUser.id);
    expect(client.guilds.cache.size).toBe(1);
    const guild = client.guilds.cache.get(emulator.guild.id);
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(["faq", "general"]);
    expect(emulator.sessions).toBe(1);
    expect(emulator.requests.some((r) => r.method === "GET" && r.route === "/gateway/bot")).toBe(
      true,
    );
  });

  it("closes IDENTIFY with a bad token with 4004, and discord.js login rejects", async () => {
    const emulator = await DiscordEmulator.start({ token: TOKEN, applicationId: APP_ID });
    try {
      const ws = new WebSocket(`${emulator.gatewayUrl}/?v=10&encoding=json`);
      const messages: unknown[] = [];
      ws.on("message", (data) => {
        messages.push(JSON.parse(data.toString()));
        if (messages.length === 1) {
          ws.send(JSON.stringify({ op: 2, d: { token: "wrong", intents: 1, properties: {} } }));
        }
      });
      const [code] = (await once(ws, "close")) as [number];
      expect(code).toBe(4004);
      expect(messages[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });

      const client = newClient(emulator);
      await expect(client.login("wrong")).rejects.toThrow(/token/i);
      await client.destroy();
      expect(emulator.sessions).toBe(0);
    } finally {
      await emulator.stop();
    }
  });

  it("replays dispatches missed while disconnected when the client resumes", async () => {
    harness = await startHarness();
    const { client, emulator } = harness;
    const resumed = once(client, Events.ShardResume);
    expect(emulator.dropConnection()).toBe(1);
    expect(emulator.connectedSessions).toBe(0);
    const received = new Promise<string>((resolve) => {
      client.on(Events.MessageCreate, (m) => resolve(m.content));
    });
    // Sent while no socket is open: it must come back through RESUME's replay.
    emulator.injectMessage(emulator.dm({ content: "sent while you were away" }));
    expect(await received).toBe("sent while you were away");
    await resumed;
    expect(emulator.connectedSessions).toBe(1);
    expect(emulator.sessions).toBe(1);
  });

  it("handles op 7 RECONNECT by resuming the same session", async () => {
    harness = await startHarness();
    const { client, emulator } = harness;
    const resumed = once(client, Events.ShardResume);
    emulator.reconnect();
    await resumed;
    expect(emulator.sessions).toBe(1);
    const reply = emulator.converse(emulator.dm({ content: "still there?" }), 3000);
    client.once(Events.MessageCreate, (m) => void m.reply("yes"));
    expect((await reply).content).toBe("yes");
  });

  it("makes the client identify anew after a non-resumable INVALID_SESSION", async () => {
    harness = await startHarness();
    const { client, emulator } = harness;
    // discord.js waits out its identify throttle (about 5 s) before identifying again.
    const readyAgain = once(client, Events.ShardReady);
    emulator.invalidateSession(false);
    await readyAgain;
    expect(emulator.sessions).toBe(2);
    expect(emulator.connectedSessions).toBe(1);
  }, 15_000);

  it("stop() is idempotent and closes the client's socket", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    await Promise.all([emulator.stop(), emulator.stop()]);
    await emulator.stop();
    expect(emulator.connectedSessions).toBe(0);
  });
});

describe("message intents", () => {
  it("withholds guild messages without GuildMessages and blanks content without MessageContent", async () => {
    const { Client, GatewayIntentBits, Partials } = await import("discord.js");
    const emulator = await DiscordEmulator.start({ token: TOKEN, applicationId: APP_ID });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
      partials: [Partials.Channel],
      rest: { api: emulator.apiBase },
    });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(TOKEN);
      await ready;
      const seen: string[] = [];
      client.on(Events.MessageCreate, (m) => seen.push(m.content));
      const channelId = emulator.channelId("general");
      emulator.injectMessage(emulator.guildMessage({ content: "secret", channelId }));
      emulator.injectMessage(
        emulator.guildMessage({ content: "hello bot", channelId, mentionsBot: true }),
      );
      await emulator
        .converse(emulator.guildMessage({ content: "ping", channelId, mentionsBot: true }), 50)
        .catch(() => {});
      expect(seen).toEqual([
        "",
        `<@${emulator.botUser.id}> hello bot`,
        `<@${emulator.botUser.id}> ping`,
      ]);
    } finally {
      await client.destroy();
      await emulator.stop();
    }
  });
});
