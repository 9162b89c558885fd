import { ApplicationCommandType } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Command, commands } from "../../commands/index.js";
import { helpReply } from "../../src/answer/index.js";
import { type Harness, startHarness } from "./harness.js";

let now = 1_700_000_000_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const boom: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "boom",
    description: "Always throws",
  },
  handle() {
    throw new Error("handler exploded on purpose");
  },
};

const slow: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "slow",
    description: "Answers after 2.3 s",
  },
  async handle(request, core) {
    await sleep(2_300);
    return helpReply(core, request.locale);
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ commands: [...commands, boom, slow], now: () => now });
});
afterAll(async () => {
  await h?.close();
});

describe("rate limit", () => {
  it("answers 5 times in 20 s, then says so politely and privately", async () => {
    const user = { id: "444444444444444444", username: "carol" };
    for (let i = 0; i < 5; i++) {
      const view = await h.emulator.interact(h.emulator.chatInput({ name: "help", user }));
      expect(view.text).toMatch(/\/ask/);
      now += 1_000;
    }
    const limited = await h.emulator.interact(
      h.emulator.chatInput({ name: "help", user, locale: "fr" as never }),
    );
    expect(limited.ephemeral).toBe(true);
    expect(limited.text).toMatch(/1[56]\s?s/);
    // Another user is not affected.
    const other = await h.emulator.interact(
      h.emulator.chatInput({ name: "help", user: { id: "555555555555555555", username: "dan" } }),
    );
    expect(other.ephemeral).toBe(false);
    now += 20_000;
    const again = await h.emulator.interact(h.emulator.chatInput({ name: "help", user }));
    expect(again.ephemeral).toBe(false);
  });

  it("in DMs, tells the user once per window and then stays quiet", async () => {
    const user = { id: "666666666666666666", username: "erin" };
    for (let i = 0; i < 5; i++) await h.emulator.converse(h.emulator.dm({ content: "help", user }));
    const notice = await h.emulator.converse(h.emulator.dm({ content: "help", user }));
    expect(JSON.stringify(notice.embeds)).toMatch(/Slow down|lot of questions/i);
    const quiet = h.emulator.injectMessage(h.emulator.dm({ content: "help", user }));
    await sleep(300);
    expect(quiet.replies()).toHaveLength(0);
  });
});

describe("error boundary", () => {
  it("a handler that throws gives the user an ephemeral reference and the log the same one", async () => {
    const view = await h.emulator.interact(h.emulator.chatInput({ name: "boom" }));
    expect(view.ephemeral).toBe(true);
    const ref = /`([0-9a-f]{8})`/.exec(view.text)?.[1];
    expect(ref).toBeDefined();
    await expect.poll(() => h.logs.find((l) => l.ref === ref)).toBeTruthy();
    const line = h.logs.find((l) => l.ref === ref);
    expect(line).toMatchObject({ level: 50, command: "boom", msg: "handler failed" });
    expect(JSON.stringify(line)).toContain("handler exploded on purpose");
    // The bot goes on.
    const next = await h.emulator.interact(
      h.emulator.chatInput({ name: "help", user: { id: "777777777777777777" } }),
    );
    expect(next.text).toMatch(/\/ask/);
  });

  it("a harmless Discord error (10062 unknown interaction) is logged as a warning, not an error", async () => {
    h.emulator.failNext(
      { method: "POST", route: /\/callback$/ },
      { status: 404, body: { code: 10062, message: "Unknown interaction" } },
    );
    const errorsBefore = h.logs.filter((l) => l.level === 50).length;
    const injected = h.emulator.inject(
      h.emulator.chatInput({ name: "help", user: { id: "888888888888888888" } }),
    );
    await expect
      .poll(() => h.logs.find((l) => l.interactionId === injected.id && l.code === 10062))
      .toBeTruthy();
    expect(h.logs.find((l) => l.interactionId === injected.id)?.level).toBe(40);
    expect(h.logs.filter((l) => l.level === 50).length).toBe(errorsBefore);
  });

  it("a slow handler is deferred before Discord's 3 s and its answer edits the deferral", async () => {
    const injected = h.emulator.inject(
      h.emulator.chatInput({ name: "slow", user: { id: "999999999999999999" } }),
    );
    const view = await injected.reply(6_000);
    expect(view.callbackType).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    expect(view.pending).toBe(false);
    expect(view.text).toMatch(/\/ask/);
  });
});
