import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  type APIMessage,
  InteractionResponseType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANSWER_MESSAGE_COMMAND_NAME } from "../../commands/index.js";
import { createCore } from "../../src/core/core.js";
import type { InteractionView } from "../../src/sandbox/emulator/index.js";
import { type Harness, startHarness } from "./harness.js";

/**
 * The moderators' features end to end: a real discord.js bot on the emulator, its store in a
 * temp DATA_DIR, its knowledge a temp COPY of knowledge/ that the tests edit and break.
 */

const ROOT = resolve(import.meta.dirname, "../..");
const OWNER = { id: "222222222222222222", username: "owner" };
const BOB = { id: "333333333333333333", username: "bob" };
const P = PermissionFlagsBits;
/** A moderator: may pin in the channel. */
const MOD = (P.ViewChannel | P.SendMessages | P.PinMessages).toString();
const MEMBER = (P.ViewChannel | P.SendMessages | P.ReadMessageHistory).toString();
const BOT_ALL = (
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.ReadMessageHistory |
  P.PinMessages |
  P.ManageMessages
).toString();
/** Debounce long enough that a /faq reload right after an edit runs before the watcher's. */
const WATCH_DEBOUNCE_MS = 1_500;

const tmp = mkdtempSync(join(tmpdir(), "pb-faq-e2e-"));
const KNOWLEDGE = join(tmp, "knowledge");
let h: Harness;
let guildId: string;
let faqChannel: string;
let general: string;
let pinsChannel: string;

beforeAll(async () => {
  cpSync(join(ROOT, "knowledge"), KNOWLEDGE, { recursive: true });
  h = await startHarness({
    core: createCore(KNOWLEDGE),
    env: { OWNER_ID: OWNER.id },
    watchKnowledge: { debounceMs: WATCH_DEBOUNCE_MS },
    rateLimit: { limit: 10_000, windowMs: 20_000 },
    guilds: [{ channels: [{ name: "general" }, { name: "faq" }, { name: "pins" }] }],
  });
  guildId = h.emulator.guild.id;
  faqChannel = h.emulator.channelId("faq");
  general = h.emulator.channelId("general");
  pinsChannel = h.emulator.channelId("pins");
}, 30_000);

afterAll(async () => {
  await h?.close();
  rmSync(tmp, { recursive: true, force: true });
});

type Options = Record<string, string | number | boolean>;

function faq(
  subcommand: string,
  options: Options = {},
  context: {
    channelId?: string;
    user?: { id: string; username: string };
    memberPermissions?: string;
    appPermissions?: string;
    locale?: "en-US" | "fr";
  } = {},
): Promise<InteractionView> {
  return h.emulator.interact(
    h.emulator.chatInput({
      name: "faq",
      subcommand,
      options,
      guildId,
      channelId: context.channelId ?? faqChannel,
      user: context.user ?? OWNER,
      memberPermissions: context.memberPermissions ?? MOD,
      locale: (context.locale ?? "en-US") as never,
      ...(context.appPermissions ? { appPermissions: context.appPermissions } : {}),
    }),
    10_000,
  );
}

function ask(question: string, user = { id: h.emulator.defaultUser.id }) {
  return h.emulator.interact(
    h.emulator.chatInput({ name: "ask", options: { question }, guildId, channelId: general, user }),
  );
}

function customIds(message: APIMessage | null | undefined): string[] {
  const rows = (message?.components ?? []) as { components?: { custom_id?: string }[] }[];
  return rows.flatMap((r) =>
    (r.components ?? []).flatMap((b) => (b.custom_id ? [b.custom_id] : [])),
  );
}

/** The bot's FAQ messages in a channel (pin notices excluded). */
function botMessages(channelId: string): APIMessage[] {
  return h.emulator
    .messages(channelId)
    .filter((m) => m.author.id === h.emulator.botUser.id && m.type !== 6);
}

/** The message a moderator's note links to: https://discord.com/channels/g/c/<id>. */
function linkedIds(text: string): string[] {
  return [...text.matchAll(/discord\.com\/channels\/\d+\/\d+\/(\d+)/g)].map((m) => m[1] as string);
}

async function until<T>(check: () => T | undefined | false, what: string, ms = 8_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function reloadLogs(trigger: string): Record<string, unknown>[] {
  return h.logs.filter(
    (l) => l.trigger === trigger && String(l.msg).startsWith("knowledge reload"),
  );
}

function edit(file: string, change: (text: string) => string): string {
  const path = join(KNOWLEDGE, file);
  const before = readFileSync(path, "utf8");
  writeFileSync(path, change(before));
  return before;
}

let optOutId = "";

describe("/faq post, repost, list", () => {
  it("posts the answer in the channel, pins it, and tells the moderator privately", async () => {
    const view = await faq("post", { topic: "opt-out", language: "en" });
    expect(view.ephemeral).toBe(true);
    expect(view.text).toContain("FAQ posted");
    expect(view.text).toContain("It is pinned.");
    const posted = botMessages(faqChannel);
    expect(posted).toHaveLength(1);
    optOutId = posted[0]?.id ?? "";
    expect(linkedIds(view.text)).toContain(optOutId);
    expect(h.emulator.pins(faqChannel).map((m) => m.id)).toEqual([optOutId]);
    // The public answer carries the same buttons as any answer, feedback included.
    expect(customIds(posted[0])).toEqual(
      expect.arrayContaining(["fb:up:opt-out:en", "fb:down:opt-out:en"]),
    );
    expect(h.bot.store.faq.get(faqChannel, "opt-out", "en")?.messageId).toBe(optOutId);
  });

  it("posting again edits the same message in place instead of a duplicate", async () => {
    const view = await faq("post", { topic: "opt-out", language: "en" });
    expect(view.text).toContain("FAQ updated in place");
    const posted = botMessages(faqChannel);
    expect(posted.map((m) => m.id)).toEqual([optOutId]);
    expect(posted[0]?.edited_timestamp).not.toBeNull();
    expect(
      h.emulator.requests.some(
        (r) => r.method === "PATCH" && r.route === `/channels/${faqChannel}/messages/${optOutId}`,
      ),
    ).toBe(true);
  });

  it("/faq list links to each FAQ message", async () => {
    await faq("post", { topic: "grok", language: "fr", pin: false });
    const view = await faq("list");
    expect(view.ephemeral).toBe(true);
    expect(view.text).toContain("FAQ messages in this server");
    const grok = h.bot.store.faq.get(faqChannel, "grok", "fr")?.messageId;
    expect(linkedIds(view.text).sort()).toEqual([optOutId, grok].sort());
    expect(view.text).toContain("All 2 are up to date");
  });
});

describe("knowledge reload and refresh", () => {
  it("/faq reload is for the owner only", async () => {
    const view = await faq("reload", {}, { user: BOB });
    expect(view.text).toContain("Only the bot's owner can reload");
  });

  it("after /faq reload by the owner, list marks the changed answer outdated and refresh edits it", async () => {
    const before = h.emulator.messages(faqChannel).find((m) => m.id === optOutId);
    edit("answers/opt-out.en.md", (t) => `${t.trimEnd()}\n\nEdited by the reload test.\n`);
    const reloaded = await faq("reload");
    expect(reloaded.text).toContain("Knowledge reloaded");
    expect(reloaded.text).toMatch(/now outdated/);
    expect(reloadLogs("command").at(-1)?.changedTopics).toEqual(["opt-out"]);

    const list = await faq("list");
    expect(list.text).toMatch(/1 of 2\*\* are behind/);
    expect(list.text).toContain("⚠️ outdated");

    const refreshed = await faq("refresh");
    expect(refreshed.text).toContain("Updated in place");
    const after = h.emulator.messages(faqChannel).find((m) => m.id === optOutId);
    expect(JSON.stringify(after?.embeds)).toContain("Edited by the reload test.");
    expect(JSON.stringify(before?.embeds)).not.toContain("Edited by the reload test.");
    expect((await faq("list")).text).toContain("All 2 are up to date");
  });

  it("the watcher reloads on its own after a file changes", async () => {
    // Let the watcher's reload from the previous edit pass first.
    await until(() => reloadLogs("watcher").length >= 1, "the first watcher reload");
    const seen = reloadLogs("watcher").length;
    edit("answers/opt-out.en.md", (t) => t.replace("Edited by the reload test.", "Edited again."));
    const log = await until(
      () =>
        reloadLogs("watcher")
          .slice(seen)
          .find((l) => l.msg === "knowledge reloaded"),
      "a watcher reload",
    );
    expect(log.changedTopics).toEqual(["opt-out"]);
    expect((await faq("list")).text).toContain("⚠️ outdated");
    await faq("refresh");
    const after = h.emulator.messages(faqChannel).find((m) => m.id === optOutId);
    expect(JSON.stringify(after?.embeds)).toContain("Edited again.");
  });

  it("a broken file is refused with its file and field; the old answers stay in service", async () => {
    await until(
      () => Date.now() - Number(reloadLogs("watcher").at(-1)?.time ?? 0) > 100,
      "the watcher to settle",
    );
    const seen = reloadLogs("watcher").length;
    const original = edit("answers/retention.en.md", (t) =>
      t.replace("topic: retention", "topic: not-a-topic"),
    );
    try {
      const view = await faq("reload");
      expect(view.text).toContain("Knowledge NOT reloaded");
      expect(view.text).toContain("retention.en.md");
      const command = reloadLogs("command").at(-1);
      expect(command?.level).toBe(50);
      expect(String(command?.file)).toContain("retention.en.md");
      expect(command?.field).toBeTruthy();
      // The watcher saw the same edit and logs the same refusal.
      const watcher = await until(
        () => reloadLogs("watcher").slice(seen).at(-1),
        "the watcher's refusal",
      );
      expect(watcher.msg).toMatch(/reload refused/);
      expect(String(watcher.file)).toContain("retention.en.md");
      expect(watcher.field).toBe(command?.field);
      // Still serving the last good knowledge, edits included.
      const answer = await ask("how long does X keep my data?");
      expect(answer.text).toMatch(/18/);
      expect((await faq("list")).text).toContain("All 2 are up to date");
    } finally {
      writeFileSync(join(KNOWLEDGE, "answers/retention.en.md"), original);
    }
    await until(
      () =>
        reloadLogs("watcher")
          .slice(seen)
          .find((l) => l.msg === "knowledge reloaded"),
      "the watcher to take the repaired file",
    );
  });
});

describe("/faq unpin", () => {
  it("unpins the message and keeps it", async () => {
    const view = await faq("unpin", { topic: "opt-out", language: "en" });
    expect(view.text).toContain("FAQ unpinned");
    expect(h.emulator.pins(faqChannel).map((m) => m.id)).not.toContain(optOutId);
    expect(botMessages(faqChannel).map((m) => m.id)).toContain(optOutId);
    expect(h.bot.store.faq.get(faqChannel, "opt-out", "en")?.pinned).toBe(false);
  });
});

describe("Answer with policybot (message context menu)", () => {
  it("replies to the chosen message in the channel and tells the user privately", async () => {
    const target = h.emulator.seedMessage({
      channelId: general,
      content: "How do I stop X from training AI on my posts?",
      user: BOB,
    });
    const seen = h.bot.store.stats().questions.total;
    const view = await h.emulator.interact(
      h.emulator.messageContextMenu({
        name: ANSWER_MESSAGE_COMMAND_NAME,
        targetMessage: target.id,
        guildId,
        channelId: general,
      }),
    );
    expect(view.ephemeral).toBe(true);
    expect(view.text).toContain("I replied to the message.");
    const reply = botMessages(general).find((m) => m.message_reference?.message_id === target.id);
    expect(reply).toBeDefined();
    expect(linkedIds(view.text)).toEqual([reply?.id]);
    expect(customIds(reply)).toContain("fb:up:opt-out:en");
    const body = h.emulator.requests.find(
      (r) => r.method === "POST" && r.route === `/channels/${general}/messages`,
    )?.body as { allowed_mentions?: { parse?: unknown[]; replied_user?: boolean } };
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.bot.store.stats().questions.total).toBe(seen + 1);
  });

  it("posts nothing for a message it cannot answer", async () => {
    const target = h.emulator.seedMessage({ channelId: general, content: "Who won the match?" });
    const count = botMessages(general).length;
    const view = await h.emulator.interact(
      h.emulator.messageContextMenu({
        name: ANSWER_MESSAGE_COMMAND_NAME,
        targetMessage: target.id,
        guildId,
        channelId: general,
      }),
    );
    expect(view.ephemeral).toBe(true);
    expect(botMessages(general)).toHaveLength(count);
  });
});

describe("permission refusals", () => {
  it("a member without Pin Messages or Manage Messages is refused, nothing posted", async () => {
    const count = botMessages(faqChannel).length;
    for (const sub of ["post", "unpin", "list", "refresh"]) {
      const options: Options =
        sub === "post" || sub === "unpin" ? { topic: "grok", language: "en" } : {};
      const view = await faq(sub, options, { user: BOB, memberPermissions: MEMBER });
      expect(view.ephemeral).toBe(true);
      expect(view.text).toContain("You need **Pin Messages** or **Manage Messages**");
    }
    expect(botMessages(faqChannel)).toHaveLength(count);
  });

  it.each([
    ["ViewChannel", P.ViewChannel, "View Channel"],
    ["SendMessages", P.SendMessages, "Send Messages"],
    ["EmbedLinks", P.EmbedLinks, "Embed Links"],
    ["PinMessages", P.PinMessages, "Pin Messages"],
  ] as const)("the bot without %s says which permission to grant", async (_name, bit, label) => {
    const count = botMessages(faqChannel).length;
    const app = (BigInt(BOT_ALL) & ~bit).toString();
    const view = await faq("post", { topic: "retention", language: "en" }, { appPermissions: app });
    expect(view.text).toContain("Missing permissions");
    expect(view.text).toContain(label);
    expect(botMessages(faqChannel)).toHaveLength(count);
  });

  it("the context menu needs Read Message History to reply", async () => {
    const target = h.emulator.seedMessage({ channelId: general, content: "What is Grok?" });
    const view = await h.emulator.interact(
      h.emulator.messageContextMenu({
        name: ANSWER_MESSAGE_COMMAND_NAME,
        targetMessage: target.id,
        guildId,
        channelId: general,
        appPermissions: (BigInt(BOT_ALL) & ~P.ReadMessageHistory).toString(),
      }),
    );
    expect(view.text).toContain("Read Message History");
  });
});

describe("the 50-pin limit", () => {
  it("posts unpinned with a button that swaps out the oldest FAQ pin", async () => {
    const first = await faq("post", { topic: "grok", language: "en" }, { channelId: pinsChannel });
    expect(first.text).toContain("It is pinned.");
    const grokId = h.bot.store.faq.get(pinsChannel, "grok", "en")?.messageId ?? "";
    for (let i = h.emulator.pins(pinsChannel).length; i < 50; i++) {
      h.emulator.seedMessage({ channelId: pinsChannel, content: `pinned note ${i}`, pinned: true });
    }
    expect(h.emulator.pins(pinsChannel)).toHaveLength(50);

    const view = await faq(
      "post",
      { topic: "retention", language: "en" },
      { channelId: pinsChannel },
    );
    expect(view.text).toContain("Posted, but NOT pinned");
    expect(view.text).toContain("30003");
    const retentionId = h.bot.store.faq.get(pinsChannel, "retention", "en")?.messageId ?? "";
    expect(h.bot.store.faq.getByMessageId(retentionId)?.pinned).toBe(false);
    const replace = customIds(view.message).find((id) => id.startsWith("faq:rp:"));
    expect(replace).toBe(`faq:rp:${retentionId}:${grokId}`);

    const pressed = await h.emulator.interact(
      h.emulator.button({
        customId: replace ?? "",
        message: view.message?.id ?? "",
        user: OWNER,
        memberPermissions: MOD,
      }),
    );
    expect(pressed.callbackType).toBe(InteractionResponseType.UpdateMessage);
    expect(pressed.text).toContain("Pin replaced");
    const pinned = h.emulator.pins(pinsChannel).map((m) => m.id);
    expect(pinned).toContain(retentionId);
    expect(pinned).not.toContain(grokId);
    expect(pinned).toHaveLength(50);
    expect(h.bot.store.faq.getByMessageId(grokId)?.pinned).toBe(false);
  });
});

describe("a FAQ message deleted by hand", () => {
  it("refresh forgets it, list no longer shows it, and a new post works", async () => {
    await faq("post", { topic: "account-data", language: "en" });
    const id = h.bot.store.faq.get(faqChannel, "account-data", "en")?.messageId ?? "";
    expect(h.emulator.deleteMessage(faqChannel, id)).toBe(true);
    const refreshed = await faq("refresh");
    expect(refreshed.text).toContain("Deleted by hand (forgotten)");
    expect(h.bot.store.faq.get(faqChannel, "account-data", "en")).toBeUndefined();
    expect(linkedIds((await faq("list")).text)).not.toContain(id);

    const posted = await faq("post", { topic: "account-data", language: "en" });
    expect(posted.text).toContain("FAQ posted");
    const fresh = h.bot.store.faq.get(faqChannel, "account-data", "en")?.messageId;
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(id);
  });

  it("posting over a deleted message says so and posts a new one", async () => {
    const id = h.bot.store.faq.get(faqChannel, "account-data", "en")?.messageId ?? "";
    h.emulator.deleteMessage(faqChannel, id);
    const view = await faq("post", { topic: "account-data", language: "en" });
    expect(view.text).toContain("deleted by hand");
    const fresh = h.bot.store.faq.get(faqChannel, "account-data", "en")?.messageId;
    expect(fresh).not.toBe(id);
    expect(botMessages(faqChannel).map((m) => m.id)).toContain(fresh);
  });
});

describe("feedback buttons", () => {
  it("count one vote per answer and person, stored without the user id", async () => {
    const answer = await ask("how do I opt out of AI training");
    const messageId = answer.message?.id ?? "";
    const up = customIds(answer.message).find((id) => id.startsWith("fb:up:"));
    const down = customIds(answer.message).find((id) => id.startsWith("fb:down:"));
    expect(up).toBe("fb:up:opt-out:en");
    const press = (customId: string, user: { id: string; username?: string }) =>
      h.emulator.interact(h.emulator.button({ customId, message: messageId, user }));
    const alice = { id: h.emulator.defaultUser.id };

    const first = await press(up ?? "", alice);
    expect(first.ephemeral).toBe(true);
    expect(first.text).toContain("Thanks for your feedback");
    expect((await press(up ?? "", alice)).text).toContain("Already counted");
    expect(h.bot.store.feedback.tally(messageId)).toEqual({ up: 1, down: 0 });
    expect((await press(down ?? "", alice)).text).toContain("Vote changed");
    expect(h.bot.store.feedback.tally(messageId)).toEqual({ up: 0, down: 1 });
    await press(up ?? "", BOB);
    expect(h.bot.store.feedback.tally(messageId)).toEqual({ up: 1, down: 1 });
    // The answer itself never changes under a vote.
    expect(h.emulator.messages(general).find((m) => m.id === messageId)?.edited_timestamp).toBe(
      null,
    );

    const db = h.bot.store.db;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      const rows = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
      expect(rows).not.toContain(alice.id);
      expect(rows).not.toContain(BOB.id);
    }
  });

  it("acknowledges in the presser's language", async () => {
    const answer = await ask("how do I opt out of AI training");
    const up = customIds(answer.message).find((id) => id.startsWith("fb:up:")) ?? "";
    const view = await h.emulator.interact(
      h.emulator.button({ customId: up, message: answer.message?.id ?? "", locale: "fr" as never }),
    );
    expect(view.text).toContain("Merci pour votre avis");
  });
});

describe("questions and /faq stats", () => {
  it("records /ask, DMs and mentions, and shows unanswered questions", async () => {
    const before = h.bot.store.stats().questions.total;
    await ask("what is the weather in Lyon tomorrow zzqx");
    await h.emulator.converse(h.emulator.dm({ content: "how long does X keep my data?" }));
    await h.emulator.converse(
      h.emulator.guildMessage({ channelId: general, content: "what is grok?", mentionsBot: true }),
    );
    // A call for help is not a question.
    await h.emulator.converse(h.emulator.dm({ content: "help" }));
    expect(h.bot.store.stats().questions.total).toBe(before + 3);

    const view = await faq("stats");
    expect(view.ephemeral).toBe(true);
    expect(view.text).toMatch(/\d+ asked · \d+ answered · [1-9]\d* unanswered/);
    expect(view.text).toContain("what is the weather in lyon tomorrow zzqx");
    expect(view.text).toContain("Helpfulness");
  });
});

describe("language button on a public answer", () => {
  it("changes the asker's own answer in place and gives anyone else a private copy", async () => {
    const alice = { id: h.emulator.defaultUser.id };
    const answer = await ask("how do I opt out of AI training", alice);
    expect(answer.ephemeral).toBe(false);
    expect(answer.message?.interaction_metadata?.user.id).toBe(alice.id);
    const language = customIds(answer.message).find((id) => !id.startsWith("fb:")) ?? "";
    const messageId = answer.message?.id ?? "";

    const other = await h.emulator.interact(
      h.emulator.button({ customId: language, message: messageId, user: BOB }),
    );
    expect(other.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(other.ephemeral).toBe(true);

    const own = await h.emulator.interact(
      h.emulator.button({ customId: language, message: messageId, user: alice }),
    );
    expect(own.callbackType).toBe(InteractionResponseType.UpdateMessage);
    expect(own.message?.id).toBe(messageId);
    expect(own.message?.embeds[0]?.title).not.toBe(answer.message?.embeds[0]?.title);
    expect(customIds(own.message)).toContain("fb:up:opt-out:fr");
  });
});
