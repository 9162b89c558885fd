import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { openStore, retentionDaysFromEnv, type Store } from "../../src/store/index.js";
import { tempDir } from "./helpers.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 31, 12);
let store: Store;
beforeEach(() => {
  store = openStore({ dataDir: tempDir(), now: () => NOW });
});
afterEach(() => store.close());

function seed(): void {
  const ask = (
    text: string,
    topic: "grok" | "opt-out" | null,
    locale: "fr" | "en",
    daysAgo: number,
  ) =>
    store.questions.record({
      text,
      topic,
      locale,
      answered: topic !== null,
      at: NOW - daysAgo * DAY,
    });
  ask("how do I opt out", "opt-out", "en", 1);
  ask("comment refuser", "opt-out", "fr", 2);
  ask("what is grok", "grok", "en", 3);
  ask("Is  my DM  read?", null, "en", 1);
  ask("is my dm read?", null, "fr", 2);
  ask("  IS MY DM READ?", null, "en", 4);
  ask("who owns X", null, "en", 5);
  ask("old unanswered", null, "en", 40);
  ask("old answered", "grok", "en", 100);
  const vote = (
    messageId: string,
    userId: string,
    v: "up" | "down",
    topic: "grok" | "opt-out" | null,
    daysAgo: number,
  ) =>
    store.feedback.vote({
      messageId,
      userId,
      vote: v,
      topic,
      locale: "en",
      at: NOW - daysAgo * DAY,
    });
  vote("a1", "u1", "up", "opt-out", 1);
  vote("a1", "u2", "up", "opt-out", 1);
  vote("a1", "u3", "down", "opt-out", 2);
  vote("a2", "u1", "down", "grok", 3);
  vote("a3", "u1", "up", null, 3);
  vote("a4", "u9", "up", "grok", 95);
}

describe("stats", () => {
  it("aggregates the window: per topic, frequent unanswered, helpfulness", () => {
    seed();
    const stats = store.stats({ days: 30 });
    expect(stats).toMatchObject({ days: 30, since: NOW - 30 * DAY, until: NOW });
    expect(stats.questions).toEqual({ total: 7, answered: 3, unanswered: 4 });
    expect(stats.perTopic).toEqual([
      { topic: null, count: 4 },
      { topic: "opt-out", count: 2 },
      { topic: "grok", count: 1 },
    ]);
    expect(stats.topUnanswered).toEqual([
      { text: "is my dm read?", count: 3, locales: ["en", "fr"], lastAt: NOW - DAY },
      { text: "who owns x", count: 1, locales: ["en"], lastAt: NOW - 5 * DAY },
    ]);
    expect(stats.helpfulness).toEqual([
      { topic: "opt-out", up: 2, down: 1, ratio: 2 / 3 },
      { topic: "grok", up: 0, down: 1, ratio: 0 },
      { topic: null, up: 1, down: 0, ratio: 1 },
    ]);
  });

  it("limits the unanswered list to top N and widens with days", () => {
    seed();
    expect(store.stats({ days: 30, top: 1 }).topUnanswered).toHaveLength(1);
    const year = store.stats({ days: 365 });
    expect(year.questions.total).toBe(9);
    expect(year.topUnanswered.map((u) => u.text)).toContain("old unanswered");
    expect(year.helpfulness.find((h) => h.topic === "grok")).toEqual({
      topic: "grok",
      up: 1,
      down: 1,
      ratio: 0.5,
    });
  });

  it("returns zeros on an empty database and clamps silly options", () => {
    const stats = store.stats({ days: -4, top: 1e9 });
    expect(stats.days).toBe(1);
    expect(stats.questions).toEqual({ total: 0, answered: 0, unanswered: 0 });
    expect(stats.perTopic).toEqual([]);
    expect(stats.topUnanswered).toEqual([]);
    expect(stats.helpfulness).toEqual([]);
    expect(store.stats({ days: Number.NaN }).days).toBe(30);
  });
});

describe("retention", () => {
  it("purgeOlderThan deletes old questions and votes only, and reports counts", () => {
    seed();
    store.faq.upsert({
      guildId: "g",
      channelId: "c",
      messageId: "m",
      topic: "grok",
      lang: "en",
      contentHash: "h",
      postedBy: "mod",
      postedAt: NOW - 400 * DAY,
    });
    expect(store.purgeOlderThan()).toEqual({ questions: 1, feedback: 1, cutoff: NOW - 90 * DAY });
    expect(store.purgeOlderThan(30)).toMatchObject({ questions: 1, feedback: 0 });
    expect(store.purgeOlderThan(30)).toMatchObject({ questions: 0, feedback: 0 });
    expect(store.stats({ days: 3650 }).questions.total).toBe(7);
    expect(store.faq.listByGuild("g")).toHaveLength(1);
    expect(store.purgeOlderThan(0, NOW + 1)).toEqual({
      questions: 7,
      feedback: 5,
      cutoff: NOW + 1,
    });
  });

  it("rejects a bad number of days", () => {
    for (const days of [-1, 1.5, Number.NaN, 10_000]) {
      expect(() => store.purgeOlderThan(days)).toThrow(StoreError);
    }
  });

  it("reads RETENTION_DAYS, default 90, refusing nonsense", () => {
    expect(retentionDaysFromEnv({})).toBe(90);
    expect(retentionDaysFromEnv({ RETENTION_DAYS: " 30 " })).toBe(30);
    for (const bad of ["0", "-3", "abc", "1e3", "99999"]) {
      expect(() => retentionDaysFromEnv({ RETENTION_DAYS: bad })).toThrow(/RETENTION_DAYS/);
    }
  });

  it("scheduleDailyPurge purges at once and can be stopped", () => {
    seed();
    const logs: object[] = [];
    store.close();
    store = openStore({
      dataDir: tempDir(),
      now: () => NOW,
      retentionDays: 30,
      logger: { info: (obj) => logs.push(obj), warn: (obj) => logs.push(obj) },
    });
    store.questions.record({
      text: "old",
      topic: null,
      locale: "en",
      answered: false,
      at: NOW - 31 * DAY,
    });
    const stop = store.scheduleDailyPurge();
    expect(logs.at(-1)).toMatchObject({ questions: 1, feedback: 0, retentionDays: 30 });
    stop();
  });
});
