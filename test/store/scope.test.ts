import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { tempDir } from "./helpers.js";

const NOW = Date.UTC(2025, 0, 31, 12);
const GUILD_A = "111111111111111111";
const GUILD_B = "222222222222222222";
let store: Store;
beforeEach(() => {
  store = openStore({ dataDir: tempDir(), now: () => NOW });
});
afterEach(() => store.close());

describe("stats are per server", () => {
  it("shows a server's moderators only that server's questions and votes, never DMs", () => {
    const ask = (text: string, guildId: string | null) =>
      store.questions.record({ text, topic: null, locale: "en", answered: false, guildId });
    ask("secret question in A", GUILD_A);
    ask("question in B", GUILD_B);
    ask("private question in a DM", null);
    store.feedback.vote({
      messageId: "9001",
      userId: "42",
      vote: "up",
      topic: "grok",
      locale: "en",
      guildId: GUILD_A,
    });
    store.feedback.vote({
      messageId: "9002",
      userId: "42",
      vote: "down",
      topic: "grok",
      locale: "en",
      guildId: GUILD_B,
    });

    const b = store.stats({ guildId: GUILD_B });
    expect(b.questions.total).toBe(1);
    expect(b.topUnanswered.map((q) => q.text)).toEqual(["question in b"]);
    expect(b.helpfulness).toEqual([{ topic: "grok", up: 0, down: 1, ratio: 0 }]);

    const all = store.stats();
    expect(all.questions.total).toBe(3);
  });

  it("refuses a server id that is not an id", () => {
    expect(() =>
      store.questions.record({
        text: "q",
        topic: null,
        locale: "en",
        answered: false,
        guildId: "not an id",
      }),
    ).toThrow(/guildId/);
  });
});

describe("recordMany", () => {
  it("writes a batch in one go, skips empty texts and keeps each question's server", () => {
    const written = store.questions.recordMany([
      { text: "first", topic: null, locale: "en", answered: false, guildId: GUILD_A },
      { text: "   ", topic: null, locale: "en", answered: false, guildId: GUILD_A },
      { text: "second", topic: "grok", locale: "fr", answered: true, guildId: null },
    ]);
    expect(written).toBe(2);
    expect(store.stats({ guildId: GUILD_A }).questions.total).toBe(1);
    expect(store.stats().questions.total).toBe(2);
  });

  it("writes nothing when one input is invalid", () => {
    expect(() =>
      store.questions.recordMany([
        { text: "fine", topic: null, locale: "en", answered: false },
        { text: "bad locale", topic: null, locale: "de" as "en", answered: false },
      ]),
    ).toThrow(/locale/);
    expect(store.stats().questions.total).toBe(0);
  });
});
