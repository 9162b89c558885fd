import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { openStore, type Store, type UpsertFaqInput } from "../../src/store/index.js";
import { tempDir } from "./helpers.js";

let store: Store;
beforeEach(() => {
  store = openStore({ dataDir: tempDir(), now: () => 1_700_000_000_000 });
});
afterEach(() => store.close());

const base: UpsertFaqInput = {
  guildId: "100000000000000001",
  channelId: "200000000000000001",
  messageId: "300000000000000001",
  topic: "opt-out",
  lang: "fr",
  contentHash: "hash-a",
  postedBy: "900000000000000001",
};

describe("FaqStore", () => {
  it("inserts, then replaces the record for the same guild/channel/topic/lang", () => {
    const first = store.faq.upsert(base);
    expect(first.replaced).toBe(false);
    expect(first.record).toMatchObject({ ...base, pinned: true, postedAt: 1_700_000_000_000 });

    const second = store.faq.upsert({
      ...base,
      messageId: "300000000000000002",
      contentHash: "hash-b",
    });
    expect(second.replaced).toBe(true);
    if (!second.replaced) throw new Error("unreachable");
    expect(second.previous.messageId).toBe("300000000000000001");
    expect(second.previous.contentHash).toBe("hash-a");
    expect(store.faq.listByGuild(base.guildId)).toHaveLength(1);
    expect(store.faq.get(base.channelId, "opt-out", "fr")?.messageId).toBe("300000000000000002");
    expect(store.faq.getByMessageId("300000000000000001")).toBeUndefined();
  });

  it("keeps separate records per language, topic and channel", () => {
    store.faq.upsert(base);
    store.faq.upsert({ ...base, lang: "en", messageId: "m2" });
    store.faq.upsert({ ...base, topic: "grok", messageId: "m3" });
    store.faq.upsert({ ...base, channelId: "c2", messageId: "m4" });
    store.faq.upsert({ ...base, guildId: "g2", channelId: "c9", messageId: "m5" });
    expect(store.faq.listByGuild(base.guildId)).toHaveLength(4);
    expect(store.faq.listByGuild(base.guildId, base.channelId).map((r) => r.messageId)).toEqual([
      "m3",
      "m2",
      base.messageId,
    ]);
    expect(store.faq.listByGuild("g2")).toHaveLength(1);
    expect(store.faq.listByGuild("nobody")).toEqual([]);
  });

  it("refuses to file one message under two keys", () => {
    store.faq.upsert(base);
    expect(() => store.faq.upsert({ ...base, topic: "grok" })).toThrow(StoreError);
    expect(store.faq.listByGuild(base.guildId)).toHaveLength(1);
  });

  it("deletes by message id (message deleted by hand) and says what it removed", () => {
    store.faq.upsert(base);
    expect(store.faq.deleteByMessageId(base.messageId)?.topic).toBe("opt-out");
    expect(store.faq.deleteByMessageId(base.messageId)).toBeUndefined();
    expect(store.faq.listByGuild(base.guildId)).toEqual([]);
  });

  it("marks unpinned and pinned again", () => {
    store.faq.upsert(base);
    expect(store.faq.markUnpinned(base.messageId)).toBe(true);
    expect(store.faq.getByMessageId(base.messageId)?.pinned).toBe(false);
    expect(store.faq.markPinned(base.messageId)).toBe(true);
    expect(store.faq.getByMessageId(base.messageId)?.pinned).toBe(true);
    expect(store.faq.markUnpinned("unknown")).toBe(false);
  });

  it("lists outdated records: changed hash or topic/lang the knowledge no longer has", () => {
    store.faq.upsert({ ...base, contentHash: "v1" });
    store.faq.upsert({ ...base, lang: "en", messageId: "m2", contentHash: "v2" });
    store.faq.upsert({ ...base, topic: "grok", messageId: "m3", contentHash: "v2" });
    // The French opt-out answer moved to v2; grok was dropped from the knowledge.
    const current = (topic: string) => (topic === "grok" ? undefined : "v2");
    expect(
      store.faq
        .outdated(current)
        .map((r) => r.messageId)
        .sort(),
    ).toEqual([base.messageId, "m3"].sort());
    expect(store.faq.outdated(() => "v2", "other-guild")).toEqual([]);
  });

  it("turns bad input into invalid-input errors without writing", () => {
    const bad: unknown[] = [
      null,
      { ...base, guildId: "" },
      { ...base, channelId: 42 },
      { ...base, topic: "not-a-topic" },
      { ...base, lang: "de" },
      { ...base, contentHash: "" },
      { ...base, postedAt: Number.NaN },
      { ...base, pinned: "yes" },
      { ...base, messageId: "a b" },
      { ...base, messageId: "x".repeat(500) },
    ];
    for (const input of bad) {
      let caught: unknown;
      try {
        store.faq.upsert(input as UpsertFaqInput);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as StoreError).code).toBe("invalid-input");
    }
    expect(store.faq.listByGuild(base.guildId)).toEqual([]);
  });

  it("stores unicode and markdown-looking hashes and ids verbatim", () => {
    const odd = { ...base, contentHash: "**v1** `é` 🎉", postedBy: "<@123>" };
    store.faq.upsert(odd);
    expect(store.faq.get(base.channelId, "opt-out", "fr")).toMatchObject({
      contentHash: odd.contentHash,
      postedBy: "<@123>",
    });
  });
});
