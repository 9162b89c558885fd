import { ApplicationCommandType } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Command, commands } from "../../commands/index.js";
import { helpReply } from "../../src/answer/index.js";
import { type Harness, startHarness } from "./harness.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const slow: Command = {
  definition: {
    type: ApplicationCommandType.ChatInput,
    name: "slow",
    description: "Answers after 1 s",
  },
  async handle(request, core) {
    await sleep(1_000);
    return helpReply(core, request.locale);
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ commands: [...commands, slow], env: { ANSWER_MENTIONS: "false" } });
});
afterAll(async () => {
  await h?.close();
});

describe("ANSWER_MENTIONS=false", () => {
  it("ignores mentions in servers but still answers DMs", async () => {
    const channelId = h.emulator.channelId("general");
    const mention = h.emulator.injectMessage(
      h.emulator.guildMessage({ channelId, content: "how do I opt out?", mentionsBot: true }),
    );
    const dm = await h.emulator.converse(h.emulator.dm({ content: "how do I opt out?" }));
    expect(dm.embeds.length).toBe(1);
    await sleep(200);
    expect(mention.replies()).toHaveLength(0);
  });
});

describe("shutdown", () => {
  it("finishes answers in flight, then closes the gateway", async () => {
    const inFlight = [
      h.emulator.inject(h.emulator.chatInput({ name: "slow" })),
      h.emulator.inject(h.emulator.chatInput({ name: "slow", user: { id: "121212121212121212" } })),
    ];
    await sleep(200); // both reached the bot and are being answered
    expect(h.emulator.connectedSessions).toBe(1);
    const started = Date.now();
    await h.bot.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const interaction of inFlight) {
      expect(interaction.view().message?.embeds[0]?.title).toBeTruthy();
    }
    await expect.poll(() => h.emulator.connectedSessions).toBe(0);
    expect(
      h.logs.some((l) => l.msg === "stopping" && l.inFlight === 2 && l.outcome === "drained"),
    ).toBe(true);
    // New work after stop is not started.
    await h.bot.stop();
  });
});
