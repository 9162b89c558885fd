import { DiscordAPIError, Events, type Interaction, MessageFlags } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmulatorTimeoutError } from "../../src/sandbox/emulator/index.js";
import { type Harness, startHarness } from "./harness.js";

describe("interactions", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const onInteraction = (handler: (i: Interaction) => Promise<unknown>) => {
    harness.client.on(Events.InteractionCreate, (i) => {
      handler(i).catch((error: unknown) => console.error("handler failed", error));
    });
  };

  it("delivers a chat input command in a guild and records the reply", async () => {
    const { emulator } = harness;
    let seen:
      | { name: string; question: string | null; locale: string; guildId: string | null }
      | undefined;
    onInteraction(async (i) => {
      if (!i.isChatInputCommand()) return;
      seen = {
        name: i.commandName,
        question: i.options.getString("question"),
        locale: i.locale,
        guildId: i.guildId,
      };
      await i.reply({ content: "**Answer**", allowedMentions: { parse: [] } });
    });
    const view = await emulator.interact(
      emulator.chatInput({
        name: "ask",
        options: { question: "Can X train AI on my posts?" },
        guildId: emulator.guild.id,
        locale: "fr" as never,
      }),
    );
    expect(seen).toEqual({
      name: "ask",
      question: "Can X train AI on my posts?",
      locale: "fr",
      guildId: emulator.guild.id,
    });
    expect(view.callbackType).toBe(4);
    expect(view.message?.content).toBe("**Answer**");
    expect(view.ephemeral).toBe(false);
    const callback = emulator.requests.find((r) => r.route.endsWith("/callback"));
    expect(callback?.body).toMatchObject({ type: 4, data: { allowed_mentions: { parse: [] } } });
    // A visible reply is in the channel's history too.
    expect(emulator.messages(emulator.channelId("general")).map((m) => m.content)).toContain(
      "**Answer**",
    );
  });

  it("applies deferReply + editReply, ephemeral, in a DM", async () => {
    const { emulator } = harness;
    onInteraction(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ embeds: [{ title: "Sources", description: "X Privacy Policy" }] });
    });
    const view = await emulator.interact(emulator.chatInput({ name: "sources" }));
    expect(view.callbackType).toBe(5);
    expect(view.pending).toBe(false);
    expect(view.ephemeral).toBe(true);
    expect(view.message?.embeds[0]?.title).toBe("Sources");
    expect(view.text).toBe("Sources\nX Privacy Policy");
    expect(
      emulator.requests.some(
        (r) => r.method === "PATCH" && r.route.endsWith("/messages/@original"),
      ),
    ).toBe(true);
    // Ephemeral replies are not in the channel for others.
    expect(emulator.messages(emulator.dmChannelId())).toEqual([]);
  });

  it("returns the callback response when discord.js asks withResponse", async () => {
    const { emulator } = harness;
    const got = new Promise<string | undefined>((resolve) => {
      onInteraction(async (i) => {
        if (!i.isChatInputCommand()) return;
        const response = await i.reply({ content: "with response", withResponse: true });
        resolve(response.resource?.message?.content);
      });
    });
    emulator.inject(emulator.chatInput({ name: "ask" }));
    expect(await got).toBe("with response");
  });

  it("collects follow-ups and fetchReply", async () => {
    const { emulator } = harness;
    let fetched = "";
    onInteraction(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply("part 1");
      fetched = (await i.fetchReply()).content;
      await i.followUp("part 2");
      await i.followUp({ content: "just for you", flags: MessageFlags.Ephemeral });
    });
    const handle = emulator.inject(emulator.chatInput({ name: "ask", guildId: emulator.guild.id }));
    const view = await handle.waitFor((v) => v.followUps.length === 2);
    expect(view.message?.content).toBe("part 1");
    expect(view.followUps.map((m) => m.content)).toEqual(["part 2", "just for you"]);
    expect(fetched).toBe("part 1");
  });

  it("returns autocomplete choices, typed from the registered command", async () => {
    const { emulator, client } = harness;
    await client.application?.commands.set([
      {
        name: "topic",
        description: "Look up a topic",
        options: [
          { name: "name", description: "Topic", type: 3, autocomplete: true },
          { name: "limit", description: "How many", type: 4 },
        ],
      },
    ]);
    let focused: unknown;
    let limit: number | null = null;
    onInteraction(async (i) => {
      if (!i.isAutocomplete()) return;
      focused = i.options.getFocused(true);
      limit = i.options.getInteger("limit");
      await i.respond([{ name: "AI training", value: "ai-training" }]);
    });
    const view = await emulator.interact(
      emulator.autocomplete({
        name: "topic",
        focused: { name: "name", value: "ai" },
        options: { limit: 3 },
      }),
    );
    expect(focused).toMatchObject({ name: "name", value: "ai" });
    expect(limit).toBe(3);
    expect(view.choices).toEqual([{ name: "AI training", value: "ai-training" }]);
  });

  it("rejects 26 autocomplete choices like Discord (50035)", async () => {
    const { emulator } = harness;
    const failure = new Promise<unknown>((resolve) => {
      harness.client.on(Events.InteractionCreate, (i) => {
        if (!i.isAutocomplete()) return;
        const many = Array.from({ length: 26 }, (_, n) => ({ name: `c${n}`, value: `${n}` }));
        i.respond(many).then(resolve, resolve);
      });
    });
    emulator.inject(emulator.autocomplete({ name: "topic", focused: { name: "q", value: "" } }));
    const error = await failure;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
  });

  it("updates the message a button sits on", async () => {
    const { emulator, client } = harness;
    const channel = await client.channels.fetch(emulator.channelId("general"));
    if (!channel?.isSendable()) throw new Error("no channel");
    const sent = await channel.send({
      content: "Was this helpful?",
      components: [
        { type: 1, components: [{ type: 2, style: 1, label: "Yes", custom_id: "feedback:up" }] },
      ],
    });
    onInteraction(async (i) => {
      if (!i.isButton()) return;
      await i.update({ content: `Thanks (${i.customId})`, components: [] });
    });
    const view = await emulator.interact(
      emulator.button({ customId: "feedback:up", message: sent.id }),
    );
    expect(view.callbackType).toBe(7);
    expect(view.message?.id).toBe(sent.id);
    expect(view.message?.content).toBe("Thanks (feedback:up)");
    expect(emulator.messages(channel.id).find((m) => m.id === sent.id)?.components).toEqual([]);
  });

  it("delivers a message context menu command with its target", async () => {
    const { emulator, client } = harness;
    const channel = await client.channels.fetch(emulator.channelId("general"));
    if (!channel?.isSendable()) throw new Error("no channel");
    const target = await channel.send("Some claim about X");
    onInteraction(async (i) => {
      if (!i.isMessageContextMenuCommand()) return;
      await i.reply({
        content: `Checking: ${i.targetMessage.content}`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const view = await emulator.interact(
      emulator.messageContextMenu({
        name: "Check claim",
        targetMessage: target.id,
        guildId: emulator.guild.id,
      }),
    );
    expect(view.message?.content).toBe("Checking: Some claim about X");
  });

  it("answers 10062 when the bot acknowledges after Discord's deadline", async () => {
    const slow = await startHarness({ interactionDeadlineMs: 50 });
    try {
      const failure = new Promise<unknown>((resolve) => {
        slow.client.on(Events.InteractionCreate, (i) => {
          if (!i.isChatInputCommand()) return;
          setTimeout(() => i.reply("too late").then(resolve, resolve), 120);
        });
      });
      slow.emulator.inject(slow.emulator.chatInput({ name: "ask" }));
      const error = await failure;
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect((error as DiscordAPIError).code).toBe(10062);
    } finally {
      await slow.close();
    }
  });

  it("answers 40060 to a second acknowledgement", async () => {
    const { emulator } = harness;
    const { id, token } = emulator.inject(emulator.chatInput({ name: "ask" }));
    const post = () =>
      fetch(`${emulator.apiBase}/v10/interactions/${id}/${token}/callback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: 4, data: { content: "hi" } }),
      });
    expect((await post()).status).toBe(204);
    const second = await post();
    expect(second.status).toBe(400);
    expect(await second.json()).toEqual({
      code: 40060,
      message: "Interaction has already been acknowledged.",
    });
  });

  it("does not read a JSON body sent without its content type, as Discord does", async () => {
    const { emulator } = harness;
    const injected = emulator.inject(emulator.chatInput({ name: "ask" }));
    const { id, token } = injected;
    const post = (contentType: string) =>
      fetch(`${emulator.apiBase}/v10/interactions/${id}/${token}/callback`, {
        method: "POST",
        headers: { "content-type": contentType },
        body: JSON.stringify({ type: 4, data: { content: "hi" } }),
      });
    const unread = await post("text/plain");
    expect(unread.status).toBe(400);
    expect(injected.view().callbackType).toBeNull();
    expect((await post("application/json; charset=utf-8")).status).toBe(204);
  });

  it("rejects interact() with the recent requests when the bot never answers", async () => {
    const { emulator } = harness;
    const attempt = emulator.interact(emulator.chatInput({ name: "silent" }), 300);
    await expect(attempt).rejects.toBeInstanceOf(EmulatorTimeoutError);
    await expect(attempt).rejects.toThrow(/GET \/gateway\/bot -> 200/);
  });
});
