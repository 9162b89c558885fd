import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoreError } from "../../src/store/errors.js";
import { openStore, type Store, type VoteInput } from "../../src/store/index.js";
import { tempDir } from "./helpers.js";

let dir: string;
let store: Store;
beforeEach(() => {
  dir = tempDir();
  store = openStore({ dataDir: dir });
});
afterEach(() => store.close());

const USER = "412345678901234567";
const vote = (over: Partial<VoteInput> = {}): VoteInput => ({
  messageId: "500000000000000001",
  userId: USER,
  vote: "up",
  topic: "third-party-ai",
  locale: "en",
  ...over,
});

describe("FeedbackStore", () => {
  it("reports new, same, then changed, keeping one vote per person per message", () => {
    expect(store.feedback.vote(vote())).toEqual({ status: "new", vote: "up", previous: null });
    expect(store.feedback.vote(vote())).toEqual({ status: "same", vote: "up", previous: "up" });
    expect(store.feedback.vote(vote({ vote: "down" }))).toEqual({
      status: "changed",
      vote: "down",
      previous: "up",
    });
    expect(store.feedback.tally("500000000000000001")).toEqual({ up: 0, down: 1 });
    store.feedback.vote(vote({ userId: "other" }));
    store.feedback.vote(vote({ messageId: "another" }));
    expect(store.feedback.tally("500000000000000001")).toEqual({ up: 1, down: 1 });
    expect(store.feedback.tally("never-voted")).toEqual({ up: 0, down: 0 });
  });

  it("stores HMAC-SHA256(secret, user id) in hex, never the id", () => {
    store.feedback.vote(vote());
    store.questions.record({ text: "who am I", topic: null, locale: "en", answered: false });
    const secret = readFileSync(path.join(dir, "secret.key"));
    const expected = createHmac("sha256", secret).update(USER).digest("hex");
    const rows = store.db.prepare("SELECT voter_key FROM feedback_votes").all();
    expect(rows).toEqual([{ voter_key: expected }]);
    expect(store.feedback.voterKey(USER)).toBe(expected);
    // Not in any byte of the database, its WAL or shared memory.
    for (const name of readdirSync(dir).filter((n) => n.startsWith("policybot.sqlite"))) {
      expect(readFileSync(path.join(dir, name)).includes(USER)).toBe(false);
    }
  });

  it("has no column that could hold who asked or voted", () => {
    for (const table of ["feedback_votes", "questions"]) {
      const columns = store.db
        .prepare(`SELECT name FROM pragma_table_info('${table}')`)
        .all() as Array<{ name: string }>;
      for (const { name } of columns)
        expect(name).not.toMatch(/user|author|member|name|guild|channel/);
    }
  });

  it("keeps the same voter key after a restart (the secret is reused)", () => {
    store.feedback.vote(vote());
    store.close();
    store = openStore({ dataDir: dir });
    expect(store.feedback.vote(vote()).status).toBe("same");
  });

  it("accepts a null topic (a 'no answer' reply) and rejects bad input", () => {
    expect(store.feedback.vote(vote({ topic: null })).status).toBe("new");
    const bad: unknown[] = [
      undefined,
      vote({ vote: "sideways" as "up" }),
      vote({ userId: "" }),
      vote({ messageId: 7 as unknown as string }),
      vote({ topic: "nope" as "grok" }),
      vote({ locale: "es" as "en" }),
      vote({ at: -5 }),
    ];
    for (const input of bad) {
      let caught: unknown;
      try {
        store.feedback.vote(input as VoteInput);
      } catch (err) {
        caught = err;
      }
      expect((caught as StoreError).code).toBe("invalid-input");
    }
    expect(store.db.prepare("SELECT count(*) AS n FROM feedback_votes").get()).toEqual({ n: 1 });
  });

  it("calls the timing hook once per write with a duration", () => {
    store.close();
    const seen: Array<[string, number]> = [];
    store = openStore({ dataDir: dir, onTiming: (op, ms) => seen.push([op, ms]) });
    store.feedback.vote(vote());
    store.questions.record({ text: "hi", topic: null, locale: "fr", answered: false });
    expect(seen.map(([op]) => op)).toEqual(["feedback.vote", "question.record"]);
    for (const [, ms] of seen) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it("a throwing timing hook does not fail the write", () => {
    store.close();
    store = openStore({
      dataDir: dir,
      onTiming: () => {
        throw new Error("metrics down");
      },
    });
    expect(store.feedback.vote(vote()).status).toBe("new");
  });
});
