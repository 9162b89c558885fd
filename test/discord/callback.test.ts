import type { RepliableInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import { makeReply } from "../../src/answer/base.js";
import {
  AlreadyAnsweredError,
  callbackBody,
  callbackJson,
  replyWith,
} from "../../src/discord/callback.js";
import { type MessagePayload, renderReply } from "../../src/discord/render.js";

const payload = (over: Partial<MessagePayload> = {}): MessagePayload => ({
  embeds: [{ title: "t", description: "d" }],
  components: [],
  allowedMentions: { parse: [] },
  ...over,
});

/** An interaction as discord.js hands it over, with a REST client that records what it sends. */
function fakeInteraction(state: { deferred?: boolean; replied?: boolean } = {}) {
  const sent: { route: string; options: { body: unknown; auth: boolean } }[] = [];
  const interaction = {
    id: "200000000000000001",
    token: "interaction-token",
    deferred: state.deferred ?? false,
    replied: state.replied ?? false,
    ephemeral: null as boolean | null,
    client: {
      rest: {
        async post(route: string, options: { body: unknown; auth: boolean }) {
          sent.push({ route, options });
          return undefined;
        },
      },
    },
  };
  return { interaction, asDiscord: interaction as unknown as RepliableInteraction, sent };
}

describe("callbackBody", () => {
  it("sends Discord's field names: allowed_mentions, replied_user, flags", () => {
    const body = callbackBody(
      payload({ allowedMentions: { parse: [], repliedUser: false }, flags: 64, content: "hi" }),
    );
    expect(body).toEqual({
      type: 4,
      data: {
        content: "hi",
        embeds: [{ title: "t", description: "d" }],
        components: [],
        allowed_mentions: { parse: [], replied_user: false },
        flags: 64,
      },
    });
  });

  it("leaves out what the payload does not set", () => {
    const { data } = callbackBody(payload());
    expect(Object.keys(data ?? {}).sort()).toEqual(["allowed_mentions", "components", "embeds"]);
    expect(data?.allowed_mentions).toEqual({ parse: [] });
  });

  it("keeps a rendered reply's embeds and buttons as they are", () => {
    const rendered = renderReply(
      makeReply("en", { kind: "info", title: "Title", body: "Body", ephemeral: true }),
    );
    const { data } = callbackBody(rendered);
    expect(data?.embeds).toBe(rendered.embeds);
    expect(data?.components).toBe(rendered.components);
    expect(data?.flags).toBe(64);
  });
});

describe("callbackJson", () => {
  const embed = { title: "Désinscription « IA » ✅", description: 'a "quote"\n\\ 🇫🇷' };

  it.each([
    { name: "no embed", embeds: [] },
    { name: "one embed", embeds: [embed] },
    { name: "two embeds", embeds: [embed, { description: "second" }] },
  ])("is callbackBody as UTF-8 JSON ($name)", ({ embeds }) => {
    const p = payload({ embeds, content: "x", flags: 64 });
    const bytes = callbackJson(p);
    expect(JSON.parse(bytes.toString("utf8"))).toEqual(callbackBody(p));
    expect(bytes.toString("utf8")).toBe(JSON.stringify(callbackBody(p)));
  });

  it("serializes the same embed object once and reuses it", () => {
    const shared = { title: "cached", description: "x" };
    const first = callbackJson(payload({ embeds: [shared] }));
    const again = callbackJson(payload({ embeds: [shared] }));
    expect(again.equals(first)).toBe(true);
    // A different object with other content is serialized for itself, never confused with it.
    const other = callbackJson(payload({ embeds: [{ title: "other", description: "x" }] }));
    expect(JSON.parse(other.toString("utf8")).data.embeds[0].title).toBe("other");
  });
});

describe("replyWith", () => {
  it("posts to the interaction callback route without the bot token, then marks it replied", async () => {
    const { interaction, asDiscord, sent } = fakeInteraction();
    await replyWith(asDiscord, payload({ flags: 64 }));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.route).toBe("/interactions/200000000000000001/interaction-token/callback");
    expect(sent[0]?.options.auth).toBe(false);
    const body = sent[0]?.options.body as Buffer;
    expect(JSON.parse(body.toString("utf8"))).toEqual(callbackBody(payload({ flags: 64 })));
    expect(interaction.replied).toBe(true);
    expect(interaction.ephemeral).toBe(true);
  });

  it("marks a public answer as not ephemeral", async () => {
    const { interaction, asDiscord } = fakeInteraction();
    await replyWith(asDiscord, payload());
    expect(interaction.ephemeral).toBe(false);
  });

  it.each([{ deferred: true }, { replied: true }])(
    "refuses to answer twice (%o) and sends nothing",
    async (state) => {
      const { asDiscord, sent } = fakeInteraction(state);
      await expect(replyWith(asDiscord, payload())).rejects.toBeInstanceOf(AlreadyAnsweredError);
      expect(sent).toHaveLength(0);
    },
  );

  it("leaves the interaction unanswered when Discord refuses the callback", async () => {
    const { interaction, asDiscord } = fakeInteraction();
    interaction.client.rest.post = async () => {
      throw new Error("Unknown interaction");
    };
    await expect(replyWith(asDiscord, payload())).rejects.toThrow("Unknown interaction");
    expect(interaction.replied).toBe(false);
  });
});
