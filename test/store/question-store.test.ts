import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import {
  normalizeQuestion,
  openStore,
  type QuestionInput,
  type Store,
  scrubQuestion,
} from "../../src/store/index.js";
import { MAX_QUESTION_LENGTH } from "../../src/store/input.js";
import { tempDir } from "./helpers.js";

let store: Store;
beforeEach(() => {
  store = openStore({ dataDir: tempDir() });
});
afterEach(() => store.close());

const q = (text: string, over: Partial<QuestionInput> = {}): QuestionInput => ({
  text,
  topic: null,
  locale: "fr",
  answered: false,
  ...over,
});

describe("normalizeQuestion", () => {
  it("lower-cases, trims and folds whitespace (unicode included)", () => {
    expect(normalizeQuestion("  Comment   REFUSER\tl'IA ?\n")).toBe("comment refuser l'ia ?");
    expect(normalizeQuestion("ÉTÉ\u00a0 Grok")).toBe("été grok");
    // Decomposed é (e + combining accent) groups with the composed one.
    expect(normalizeQuestion("e\u0301te\u0301")).toBe(normalizeQuestion("été"));
  });
});

describe("scrubQuestion", () => {
  it("removes mentions, snowflakes and e-mail addresses", () => {
    expect(scrubQuestion("ask <@123456789012345678> or <@!42> and <@&99>")).toBe(
      "ask @user or @user and @role",
    );
    expect(scrubQuestion("my id is 412345678901234567 ok")).toBe("my id is [id] ok");
    expect(scrubQuestion("write to jane.doe@example.org please")).toBe("write to [email] please");
    expect(scrubQuestion("15000 dollars per 1000000 posts")).toBe(
      "15000 dollars per 1000000 posts",
    );
  });
});

describe("QuestionStore", () => {
  it("records scrubbed text and its normalized key", () => {
    const saved = store.questions.record(
      q("  Que fait <@123456789012345678>  avec   mes posts ? "),
    );
    expect(saved).toMatchObject({
      text: "Que fait @user avec mes posts ?",
      normalized: "que fait @user avec mes posts ?",
    });
    const row = store.db.prepare("SELECT text, topic, locale, answered FROM questions").get();
    expect(row).toEqual({
      text: "Que fait @user avec mes posts ?",
      topic: null,
      locale: "fr",
      answered: 0,
    });
  });

  it("skips empty and whitespace-only text", () => {
    expect(store.questions.record(q(""))).toBeNull();
    expect(store.questions.record(q(" \n\t "))).toBeNull();
    expect(store.db.prepare("SELECT count(*) AS n FROM questions").get()).toEqual({ n: 0 });
  });

  it("caps huge input quickly and never splits a surrogate pair", () => {
    const started = performance.now();
    const saved = store.questions.record(q(`${"a@".repeat(200_000)}`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(saved?.text.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    const emoji = store.questions.record(q("😀".repeat(MAX_QUESTION_LENGTH)));
    expect(emoji?.text).toBe("😀".repeat(Math.floor(MAX_QUESTION_LENGTH / 2)));
  });

  it("keeps markdown and unicode as typed", () => {
    const text = "**Grok** `code` ||spoiler|| — 日本語 ?";
    expect(store.questions.record(q(text, { topic: "grok", answered: true }))?.text).toBe(text);
  });

  it("rejects wrong types with invalid-input", () => {
    const bad: unknown[] = [
      null,
      q(42 as unknown as string),
      q("x", { answered: "no" as unknown as boolean }),
      q("x", { topic: "zzz" as "grok" }),
      q("x", { locale: "" as "fr" }),
    ];
    for (const input of bad) {
      let caught: unknown;
      try {
        store.questions.record(input as QuestionInput);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(StoreError);
      expect((caught as StoreError).code).toBe("invalid-input");
    }
  });
});
