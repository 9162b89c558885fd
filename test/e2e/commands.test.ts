import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands, deployDefinitions } from "../../commands/index.js";
import { decodeRequest } from "../../src/answer/index.js";
import type { InteractionView } from "../../src/sandbox/emulator/index.js";
import { APP_ID, type Harness, startHarness, TOKEN } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  // One user asks everything here; the rate limit has its own test file.
  h = await startHarness({ rateLimit: { limit: 10_000, windowMs: 20_000 } });
});
afterAll(async () => {
  await h?.close();
});

const LOCALES = [
  { discord: "fr", lang: "fr" },
  { discord: "en-US", lang: "en" },
] as const;

function buttonIds(view: InteractionView | { components?: unknown }): string[] {
  const message = "message" in view ? view.message : view;
  const rows =
    (message as { components?: { components: { custom_id?: string }[] }[] } | null)?.components ??
    [];
  return rows.flatMap((r) => r.components.flatMap((b) => (b.custom_id ? [b.custom_id] : [])));
}

function withinLimits(view: InteractionView): void {
  const embeds = view.message?.embeds ?? [];
  expect(embeds.length).toBeGreaterThan(0);
  for (const e of embeds) {
    const total =
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  }
}

/** What the bot sent for an interaction: the callback body. */
function callbackBody(interactionId: string): Record<string, unknown> | undefined {
  const request = h.emulator.requests.find((r) =>
    r.route.startsWith(`/interactions/${interactionId}/`),
  );
  return request?.body as Record<string, unknown> | undefined;
}

describe("deploy-commands against the emulator", () => {
  it("registered every command globally", () => {
    const registered = h.emulator.commands().map((c) => c.name);
    expect(registered.sort()).toEqual(
      deployDefinitions(commands)
        .map((d) => d.name)
        .sort(),
    );
    expect(registered).toContain("faq");
    expect(registered).toContain("Answer with policybot");
    const fr = h.emulator.commands().find((c) => c.name === "help");
    expect(fr?.name_localizations?.fr).toBe("aide");
  });
});

describe.each(LOCALES)("every command in $discord", ({ discord, lang }) => {
  const cases: {
    name: string;
    options?: Record<string, string | number | boolean>;
    expect: RegExp;
  }[] = [
    {
      name: "ask",
      options: {
        question:
          lang === "fr"
            ? "comment refuser l'entraînement de l'IA"
            : "how do I opt out of AI training",
      },
      expect: /Grok/,
    },
    { name: "optout", options: { platform: "web" }, expect: /grok_settings|Grok/ },
    { name: "optout", expect: /Grok/ },
    { name: "retention", expect: /18/ },
    { name: "retention", options: { compare: true }, expect: /2023/ },
    { name: "damages", options: { posts: "3000000" }, expect: /45[\s,.\u202f\u00a0]?000/ },
    { name: "damages", options: { posts: "2.5M", terms: "eu" }, expect: /EUR|€/ },
    { name: "damages", options: { posts: "lots of posts" }, expect: /lots of posts/ },
    { name: "source", options: { topic: "scraping-damages" }, expect: /15[\s,.\u202f\u00a0]?000/ },
    { name: "help", expect: /\/ask|\/question/ },
    { name: "about", expect: /9\.9\.9-test/ },
  ];
  it.each(cases)("/$name $options", async (c) => {
    const view = await h.emulator.interact(
      h.emulator.chatInput({
        name: c.name,
        locale: discord as never,
        ...(c.options ? { options: c.options } : {}),
      }),
    );
    expect(view.text).toMatch(c.expect);
    withinLimits(view);
    const body = callbackBody(view.interactionId);
    expect((body?.data as { allowed_mentions?: unknown })?.allowed_mentions).toEqual({ parse: [] });
    // The log line is written just after the reply reaches the emulator.
    await expect
      .poll(() =>
        h.logs.find((l) => l.interactionId === view.interactionId && l.msg === "answered"),
      )
      .toBeTruthy();
    const log = h.logs.find((l) => l.interactionId === view.interactionId && l.msg === "answered");
    expect(log).toMatchObject({ command: c.name, locale: discord });
    expect(typeof log?.latencyMs).toBe("number");
  });

  it("answers in the user's language", async () => {
    const view = await h.emulator.interact(
      h.emulator.chatInput({ name: "help", locale: discord as never }),
    );
    expect(view.text).toMatch(lang === "fr" ? /Commandes|commandes/ : /Commands/);
  });
});

describe("options and buttons", () => {
  it("private answers are ephemeral", async () => {
    const view = await h.emulator.interact(
      h.emulator.chatInput({ name: "optout", options: { private: true } }),
    );
    expect(view.ephemeral).toBe(true);
    const pub = await h.emulator.interact(h.emulator.chatInput({ name: "optout" }));
    expect(pub.ephemeral).toBe(false);
  });

  it("autocomplete suggests questions: most asked on empty input, matching ones when typing", async () => {
    const empty = await h.emulator.interact(
      h.emulator.autocomplete({ name: "ask", focused: { name: "question", value: "" } }),
    );
    expect(empty.choices?.length).toBeGreaterThan(0);
    expect(empty.choices?.length).toBeLessThanOrEqual(25);
    const typed = await h.emulator.interact(
      h.emulator.autocomplete({
        name: "ask",
        focused: { name: "question", value: "retention" },
        locale: "en-US" as never,
      }),
    );
    expect(typed.choices?.length).toBeGreaterThan(0);
    for (const c of typed.choices ?? []) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value).length).toBeLessThanOrEqual(100);
    }
    expect((typed.choices ?? []).some((c) => /retention|keep|kept|long/i.test(c.name))).toBe(true);
    const fr = await h.emulator.interact(
      h.emulator.autocomplete({
        name: "ask",
        focused: { name: "question", value: "" },
        locale: "fr" as never,
      }),
    );
    expect(fr.choices?.map((c) => c.name).join(" ")).not.toEqual(
      empty.choices?.map((c) => c.name).join(" "),
    );
    const huge = await h.emulator.interact(
      h.emulator.autocomplete({
        name: "ask",
        focused: { name: "question", value: "x".repeat(6000) },
      }),
    );
    expect(huge.choices).not.toBeNull();
  });

  it("the language button on someone else's public answer gives the presser a private copy", async () => {
    const view = await h.emulator.interact(
      h.emulator.chatInput({ name: "retention", locale: "en-US" as never }),
    );
    const ids = buttonIds(view);
    const switchId = ids.find((id) => decodeRequest(id)?.locale === "fr");
    expect(switchId).toBeDefined();
    const pressed = await h.emulator.interact(
      h.emulator.button({
        customId: switchId ?? "",
        message: view.message?.id ?? "",
        user: { id: "222222222222222222", username: "bob" },
        locale: "en-US" as never,
      }),
    );
    expect(pressed.ephemeral).toBe(true);
    expect(pressed.text).toMatch(/conserv/i);
    // The original answer is unchanged for everyone else.
    const original = h.emulator
      .messages(view.message?.channel_id ?? "")
      .find((m) => m.id === view.message?.id);
    expect(original?.embeds[0]?.title).toBe(view.message?.embeds[0]?.title);
  });

  it("the language button on the asker's private answer switches it in place", async () => {
    const view = await h.emulator.interact(
      h.emulator.chatInput({ name: "optout", locale: "fr" as never, options: { private: true } }),
    );
    const switchId = buttonIds(view).find((id) => decodeRequest(id)?.locale === "en");
    expect(switchId).toBeDefined();
    const pressed = await h.emulator.interact(
      h.emulator.button({ customId: switchId ?? "", message: view.message?.id ?? "" }),
    );
    expect(pressed.callbackType).toBe(7); // UPDATE_MESSAGE
    expect(pressed.text).toMatch(/Settings|opt out|Opt/i);
    // The updated answer offers the way back to French.
    expect(buttonIds(pressed).some((id) => decodeRequest(id)?.locale === "fr")).toBe(true);
  });

  it("a button the bot does not know is acknowledged without an error", async () => {
    const view = await h.emulator.interact(
      h.emulator.chatInput({ name: "help", options: { private: true } }),
    );
    const pressed = h.emulator.inject(
      h.emulator.button({ customId: "pb:zz:nope", message: view.message?.id ?? "" }),
    );
    const seen = await pressed.waitFor((v) => v.callbackType !== null);
    expect(seen.callbackType).toBe(6); // DEFERRED_UPDATE_MESSAGE
  });
});

describe("direct messages and mentions", () => {
  it("answers a question sent in a DM, in its language", async () => {
    const reply = await h.emulator.converse(
      h.emulator.dm({ content: "comment désactiver le partage de mes données avec des tiers" }),
    );
    const text = JSON.stringify(reply.embeds);
    expect(text).toMatch(/Grok/);
    expect(reply.embeds[0]?.title ?? "").not.toBe("");
  });

  it("answers `help` in a DM with the help", async () => {
    const reply = await h.emulator.converse(h.emulator.dm({ content: "help" }));
    expect(JSON.stringify(reply.embeds)).toMatch(/\/ask/);
  });

  it("the asker switches the language of a DM answer in place", async () => {
    const reply = await h.emulator.converse(
      h.emulator.dm({ content: "how long does X keep my data" }),
    );
    const switchId = buttonIds(reply).find((id) => decodeRequest(id)?.locale === "fr");
    expect(switchId).toBeDefined();
    const pressed = await h.emulator.interact(
      h.emulator.button({ customId: switchId ?? "", message: reply.id }),
    );
    expect(pressed.callbackType).toBe(7);
    expect(pressed.text).toMatch(/conserv/i);
  });

  it("answers a mention in a server channel, without pinging anyone", async () => {
    const channelId = h.emulator.channelId("general");
    const message = h.emulator.guildMessage({
      channelId,
      content: "what are the scraping damages? @everyone <@333333333333333333>",
      mentionsBot: true,
    });
    const reply = await h.emulator.converse(message);
    expect(JSON.stringify(reply.embeds)).toMatch(/15[\s,.\u202f\u00a0]?000/);
    const post = h.emulator.requests.find(
      (r) => r.method === "POST" && r.route === `/channels/${channelId}/messages`,
    );
    expect((post?.body as { allowed_mentions?: unknown } | undefined)?.allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
  });

  it("lets discord.js build a Message only for what it answers, not for chatter or its own answers", async () => {
    const seen: string[] = [];
    const listener = (m: { id: string }) => seen.push(m.id);
    h.bot.client.on("messageCreate", listener);
    try {
      const channelId = h.emulator.channelId("general");
      const chatter = h.emulator.injectMessage(
        h.emulator.guildMessage({ channelId, content: "lunch anyone?" }),
      );
      const question = h.emulator.guildMessage({
        channelId,
        content: "how long is my data kept?",
        mentionsBot: true,
      });
      const reply = await h.emulator.converse(question);
      // The answer's own MESSAGE_CREATE comes back through the gateway just after the reply.
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual([question.id]);
      expect(seen).not.toContain(chatter.id);
      expect(seen).not.toContain(reply.id);
    } finally {
      h.bot.client.off("messageCreate", listener);
    }
  });

  it("stays silent on server messages that do not mention it", async () => {
    const channelId = h.emulator.channelId("general");
    const sent = h.emulator.injectMessage(
      h.emulator.guildMessage({ channelId, content: "how do I opt out?" }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.replies()).toHaveLength(0);
  });
});

describe("memory", () => {
  it("keeps no message, user or member but its own after answering people", async () => {
    // An answer, a mention and a DM have all gone through this bot by now; ask once more to be sure.
    await h.emulator.interact(
      h.emulator.chatInput({ name: "help", user: { id: "444444444444444444" } }),
    );
    const client = h.bot.client;
    const guild = client.guilds.cache.first();
    expect(guild).toBeDefined();
    expect([...client.users.cache.keys()]).toEqual([client.user.id]);
    for (const id of guild?.members.cache.keys() ?? []) expect(id).toBe(client.user.id);
    for (const channel of client.channels.cache.values()) {
      if ("messages" in channel) expect(channel.messages.cache.size).toBe(0);
    }
    // discord.js computes the bot's permissions from its own member: it must stay.
    expect(guild?.members.me?.id).toBe(client.user.id);
  });
});

describe("logs", () => {
  it("never contain the token", () => {
    expect(h.rawLogs.length).toBeGreaterThan(10);
    expect(h.rawLogs.join("")).not.toContain(TOKEN);
    expect(APP_ID).toBeTruthy();
  });
});
