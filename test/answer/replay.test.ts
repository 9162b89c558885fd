import { describe, expect, it } from "vitest";
import { decodeRequest, encodeRequest } from "../../src/answer/replay.js";
import type { ReplyRequest } from "../../src/core/reply.js";
import { LOCALES, TOPIC_IDS } from "../../src/core/types.js";

const requests: ReplyRequest[] = [
  ...TOPIC_IDS.flatMap((topic): ReplyRequest[] => [
    { command: "topic", topic },
    { command: "source", topic },
  ]),
  { command: "optout" },
  { command: "optout", platform: "web" },
  { command: "optout", platform: "ios" },
  { command: "optout", platform: "android" },
  { command: "retention", compare: true },
  { command: "retention", compare: false },
  { command: "damages", posts: 999_999_999_999, terms: "eu" },
  { command: "damages", posts: 0, terms: "us" },
  { command: "help" },
  { command: "about" },
];

describe("button custom ids", () => {
  it("round-trip every request in both languages within Discord's 100 characters", () => {
    for (const request of requests) {
      for (const locale of LOCALES) {
        const id = encodeRequest(request, locale);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(decodeRequest(id)).toEqual({ request, locale });
      }
    }
  });

  it.each([
    "",
    "pb",
    "pb:de:h",
    "pb:fr:t:unknown-topic",
    "pb:fr:t:opt-out:extra",
    "pb:fr:o:windows",
    "pb:fr:r:2",
    "pb:fr:d:-1:us",
    "pb:fr:d:12:mars",
    "pb:fr:d:1e9:us",
    "xx:fr:h",
    "pb:fr:z",
    `pb:fr:t:${"a".repeat(200)}`,
  ])("refuses %j", (id) => {
    expect(decodeRequest(id)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(decodeRequest(undefined)).toBeNull();
    expect(decodeRequest(42)).toBeNull();
  });
});
