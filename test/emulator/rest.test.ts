import { DiscordAPIError, Events, type TextChannel } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_PINS } from "../../src/sandbox/emulator/index.js";
import { type Harness, startHarness, TOKEN } from "./harness.js";

describe("messages, DMs, pins, commands, faults", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const general = async (): Promise<TextChannel> => {
    const channel = await harness.client.channels.fetch(harness.emulator.channelId("general"));
    return channel as TextChannel;
  };

  it("delivers a DM and records message.reply and channel.send", async () => {
    const { emulator, client } = harness;
    client.on(Events.MessageCreate, (m) => {
      if (m.author.bot) return;
      const answer = async () => {
        await m.reply({ content: `You said: ${m.content}`, allowedMentions: { parse: [] } });
        if (m.channel.isSendable()) await m.channel.send("anything else?");
      };
      void answer();
    });
    const handle = emulator.injectMessage(emulator.dm({ content: "bonjour <@&1> **hi**" }));
    const first = await handle.reply();
    expect(first.content).toBe("You said: bonjour <@&1> **hi**");
    expect(first.message_reference?.message_id).toBe(handle.id);
    await emulator.waitForRequest(
      (r) => r.body !== undefined && (r.body as { content?: string }).content === "anything else?",
    );
    expect(handle.replies().map((m) => m.content)).toEqual([first.content, "anything else?"]);
  });

  it("opens a DM channel for user.send", async () => {
    const { emulator, client } = harness;
    const user = await client.users.fetch(emulator.defaultUser.id);
    await user.send("A new version of the policy is indexed.");
    const create = emulator.requests.find((r) => r.route === "/users/@me/channels");
    expect(create?.body).toEqual({ recipient_id: emulator.defaultUser.id });
    expect(emulator.messages(emulator.dmChannelId()).map((m) => m.content)).toEqual([
      "A new version of the policy is indexed.",
    ]);
  });

  it("rejects a 2,001-character message with 50035 and an empty one with 50006", async () => {
    const channel = await general();
    const long = await channel.send("x".repeat(2001)).catch((e: unknown) => e);
    expect(long).toBeInstanceOf(DiscordAPIError);
    expect((long as DiscordAPIError).code).toBe(50035);
    const empty = await channel.send({ embeds: [] }).catch((e: unknown) => e);
    expect((empty as DiscordAPIError).code).toBe(50006);
  });

  it("edits, fetches, lists and deletes messages", async () => {
    const { emulator } = harness;
    const channel = await general();
    const sent = await channel.send("draft");
    const edited = await sent.edit("final");
    expect(edited.content).toBe("final");
    const fetched = await channel.messages.fetch({ message: sent.id, force: true });
    expect(fetched.content).toBe("final");
    const listed = await channel.messages.fetch({ limit: 10, cache: false });
    expect([...listed.values()].map((m) => m.content)).toEqual(["final"]);
    await fetched.delete();
    expect(emulator.messages(channel.id)).toEqual([]);
    const gone = await channel.messages
      .fetch({ message: sent.id, force: true })
      .catch((e: unknown) => e);
    expect((gone as DiscordAPIError).code).toBe(10008);
  });

  it("pins, lists pins both ways, and refuses the 51st pin with 30003", async () => {
    const { emulator } = harness;
    const channel = await general();
    const faq = await channel.send("FAQ: how to opt out of AI training");
    await faq.pin("FAQ");
    expect(emulator.requests.find((r) => r.method === "PUT")?.auditLogReason).toBe("FAQ");
    const pinned = await channel.messages.fetchPins();
    expect(pinned.items.map((p) => p.message.id)).toEqual([faq.id]);
    const old = await channel.messages.fetchPinned(false);
    expect([...old.keys()]).toEqual([faq.id]);
    // Discord announces a pin with a system message in the channel.
    expect(emulator.messages(channel.id).map((m) => m.type)).toEqual([0, 6]);

    for (let i = 1; i < MAX_PINS; i++) {
      const m = await channel.send(`filler ${i}`);
      await m.pin();
    }
    expect(emulator.pins(channel.id)).toHaveLength(MAX_PINS);
    const extra = await channel.send("one too many");
    const error = await extra.pin().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(30003);
    expect((error as DiscordAPIError).message).toBe("Maximum number of pins reached (50)");

    await faq.unpin();
    expect(emulator.pins(channel.id).map((m) => m.id)).not.toContain(faq.id);
  }, 20_000);

  it("refuses to pin without the permission (50013)", async () => {
    await harness.close();
    harness = await startHarness({ guilds: [{ name: "Strict", botPermissions: "3072" }] });
    const channel = (await harness.client.channels.fetch(
      harness.emulator.channelId("faq"),
    )) as TextChannel;
    const m = await channel.send("FAQ");
    const error = await m.pin().catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50013);
  });

  it("keeps bulk-overwritten commands, global and per guild, with stable ids", async () => {
    const { emulator, client } = harness;
    const definition = { name: "ask", description: "Ask about X's policy", options: [] };
    const first = await client.application?.commands.set([definition]);
    const again = await client.application?.commands.set([
      definition,
      { name: "sources", description: "List sources" },
    ]);
    expect(again?.find((c) => c.name === "ask")?.id).toBe(first?.first()?.id);
    const fetched = await client.application?.commands.fetch({ force: true });
    expect([...(fetched?.values() ?? [])].map((c) => c.name).sort()).toEqual(["ask", "sources"]);
    await client.application?.commands.set([definition], emulator.guild.id);
    expect(emulator.commands(emulator.guild.id).map((c) => c.name)).toEqual(["ask"]);
    const guildFetched = await client.application?.commands.fetch({ guildId: emulator.guild.id });
    expect(guildFetched?.size).toBe(1);
    const bad = await client.application?.commands
      .set([{ name: "Bad Name", description: "x" }])
      .catch((e: unknown) => e);
    expect((bad as DiscordAPIError).code).toBe(50035);
  });

  it("turns failNext into DiscordAPIErrors with Discord's codes", async () => {
    const { emulator } = harness;
    const channel = await general();
    emulator.failNext(
      { method: "POST", route: `/channels/${channel.id}/messages` },
      {
        status: 403,
        body: { code: 50001, message: "Missing Access" },
      },
    );
    const error = await channel.send("hello").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50001);
    expect((error as DiscordAPIError).status).toBe(403);
    // Only the next one failed.
    expect((await channel.send("hello again")).content).toBe("hello again");

    // A 429 is waited out by discord.js and retried.
    emulator.failNext(
      { route: /\/messages$/ },
      { status: 429, body: { code: 0, message: "You are being rate limited." } },
    );
    const started = Date.now();
    expect((await channel.send("after rate limit")).content).toBe("after rate limit");
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    const statuses = emulator.requests
      .filter((r) => r.route.endsWith("/messages"))
      .map((r) => r.status);
    expect(statuses).toEqual([403, 200, 429, 200]);
  });

  it("lets a 500 reach discord.js only after its retries", async () => {
    const { emulator } = harness;
    const channel = await general();
    emulator.failNext({ method: "POST", route: /\/messages$/ }, { status: 500, times: 4 });
    const error = await channel.send("boom").catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(500);
    expect(emulator.requests.filter((r) => r.status === 500)).toHaveLength(4);
  });

  it("answers unknown routes with a Discord-shaped 404 and records them", async () => {
    const { emulator } = harness;
    const res = await fetch(`${emulator.apiBase}/v10/guilds/1/bans`, {
      headers: { authorization: `Bot ${TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 0, message: "404: Not Found" });
    expect(emulator.requests.at(-1)).toMatchObject({
      method: "GET",
      route: "/guilds/1/bans",
      status: 404,
    });
    const unauthorized = await fetch(`${emulator.apiBase}/v10/users/@me`);
    expect(unauthorized.status).toBe(401);
  });
});
