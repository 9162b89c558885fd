import { describe, expect, it } from "vitest";
import type { AnswerMessageRequest } from "../../src/faq/index.js";
import { BOT, CHANNEL, GUILD, harness, perms } from "./helpers.js";

const TARGET = "400000000000000001";

function ask(content: string, overrides: Partial<AnswerMessageRequest> = {}): AnswerMessageRequest {
  return {
    locale: "en",
    guildId: GUILD,
    channelId: CHANNEL,
    userId: "300000000000000005",
    appPermissions: BOT,
    target: { id: TARGET, content },
    ...overrides,
  };
}

/** The chosen message exists in the fake Discord. */
function withTarget(h: ReturnType<typeof harness>) {
  h.port.messages.set(TARGET, {
    id: TARGET,
    channelId: CHANNEL,
    payload: {} as never,
    pinned: false,
    edits: 0,
  });
  return h;
}

describe("Answer with policybot (message context menu)", () => {
  it("answers the message's question publicly, as a reply to it, in the message's language", async () => {
    const h = withTarget(harness());
    const note = await h.service.answerMessage(
      ask("Comment désactiver l'entraînement de Grok sur mes posts ?"),
    );
    expect(note.ephemeral).toBe(true);
    expect(note.title).toBe("Answered");
    const posted = [...h.port.messages.values()].find((m) => m.replyTo === TARGET);
    expect(posted).toBeDefined();
    expect(posted?.payload.ephemeral).toBe(false);
    expect(posted?.payload.kind).toBe("answer");
    expect(posted?.payload.locale).toBe("fr");
    expect(posted?.payload.citations.length).toBeGreaterThan(0);
    expect(note.body).toContain(`https://discord.com/channels/${GUILD}/${CHANNEL}/${posted?.id}`);
    // Counted for /faq stats, without who asked.
    expect(h.store.stats({ now: h.clock.now }).questions).toMatchObject({
      total: 1,
      answered: 1,
    });
  });

  it("posts nothing when it cannot answer; the user gets the list privately", async () => {
    const h = withTarget(harness());
    const reply = await h.service.answerMessage(ask("what's for lunch today, pizza or sushi?"));
    expect(reply.ephemeral).toBe(true);
    expect(reply.kind).toBe("no-answer");
    expect(reply.body).toContain("posted nothing");
    expect(h.port.calls.filter((c) => c.method === "postMessage")).toHaveLength(0);
    expect(h.store.stats({ now: h.clock.now }).questions).toMatchObject({
      total: 1,
      unanswered: 1,
    });
  });

  it("says so for a message without text, and checks the bot can reply there", async () => {
    const h = withTarget(harness());
    expect((await h.service.answerMessage(ask("   "))).body).toContain("no text I can answer");
    const noHistory = await h.service.answerMessage(
      ask("How do I opt out of AI training?", {
        locale: "fr",
        appPermissions: perms("ViewChannel", "SendMessages", "EmbedLinks"),
      }),
    );
    expect(noHistory.body).toContain("il me manque **Voir les anciens messages**.");
    expect(h.port.calls).toHaveLength(0);
  });

  it("explains Discord's refusal, e.g. the message was deleted meanwhile", async () => {
    const h = harness();
    const reply = await h.service.answerMessage(ask("How do I opt out of AI training?"));
    expect(reply.kind).toBe("error");
    expect(reply.body).toContain("10008");
  });
});
