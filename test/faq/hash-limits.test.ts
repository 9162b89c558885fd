import { describe, expect, it } from "vitest";
import { layoutReply, layoutSize } from "../../src/answer/index.js";
import { DISCORD_LIMITS } from "../../src/core/reply.js";
import { LOCALES, TOPIC_IDS } from "../../src/core/types.js";
import { decodeFaqVersion, encodeFaqVersion, faqContentHash } from "../../src/faq/index.js";
import { coreWithRetentionChanged, GUILD, harness, request, shippedCore } from "./helpers.js";

describe("faqContentHash", () => {
  it("is one per topic and language, and ignores the knowledge version", () => {
    const core = shippedCore();
    const hashes = new Set(
      TOPIC_IDS.flatMap((t) => LOCALES.map((l) => faqContentHash(core, t, l))),
    );
    expect(hashes.size).toBe(TOPIC_IDS.length * LOCALES.length);
    const { core: changed } = coreWithRetentionChanged();
    expect(changed.knowledge.version).not.toBe(core.knowledge.version);
    expect(faqContentHash(changed, "grok", "en")).toBe(faqContentHash(core, "grok", "en"));
    expect(faqContentHash(changed, "retention", "fr")).toBe(
      faqContentHash(core, "retention", "fr"),
    );
    expect(faqContentHash(changed, "retention", "en")).not.toBe(
      faqContentHash(core, "retention", "en"),
    );
  });

  it("stores hash and version together and reads foreign values safely", () => {
    expect(decodeFaqVersion(encodeFaqVersion("abc", "0123456789ab"))).toEqual({
      hash: "abc",
      version: "0123456789ab",
    });
    expect(decodeFaqVersion("legacyhash")).toEqual({ hash: "legacyhash", version: "?" });
  });
});

describe("replies stay within Discord's limits", () => {
  it("a long /faq list is cut to whole lines and says how many were left out", async () => {
    const h = harness();
    for (let c = 0; c < 12; c++) {
      for (const topic of TOPIC_IDS) {
        for (const lang of LOCALES) {
          h.store.faq.upsert({
            guildId: GUILD,
            channelId: `2100000000000000${String(c).padStart(2, "0")}`,
            messageId: `9${c}${TOPIC_IDS.indexOf(topic)}${lang === "fr" ? 1 : 2}000000000000000`,
            topic,
            lang,
            contentHash: encodeFaqVersion("old", "000000000000"),
            postedBy: "1",
          });
        }
      }
    }
    const reply = h.service.list(request());
    expect(reply.body.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(reply.body).toMatch(/…and \d+ more\.$/);
    expect(reply.body).toContain("**168 of 168**");
    expect(layoutSize(layoutReply(reply))).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });
});
