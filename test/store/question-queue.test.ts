import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { openStore, type QuestionInput, type Store } from "../../src/store/index.js";
import { QUESTION_BATCH } from "../../src/store/question-store.js";
import { tempDir } from "./helpers.js";

const q = (text: string): QuestionInput => ({
  text,
  topic: "opt-out",
  locale: "en",
  answered: true,
  guildId: "300000000000000001",
});

const turn = () => new Promise<void>((r) => setImmediate(r));
const rows = (store: Store) =>
  (store.db.prepare("SELECT COUNT(*) AS n FROM questions").get() as { n: number }).n;

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function open(dataDir = tempDir()) {
  const commits: string[] = [];
  store = openStore({ dataDir, onTiming: (op) => commits.push(op) });
  return { store, commits, dataDir };
}

describe("QuestionStore.recordSoon", () => {
  it("writes a burst in one commit once a turn of the event loop brings no new question", async () => {
    const { store, commits } = open();
    for (let i = 0; i < 40; i++) store.questions.recordSoon(q(`question ${i}`));
    expect(rows(store)).toBe(0);
    for (let i = 0; i < 5 && rows(store) === 0; i++) await turn();
    expect(rows(store)).toBe(40);
    expect(commits.filter((op) => op === "question.recordMany")).toHaveLength(1);
  });

  it("writes a lone question within two turns, so stats are current", async () => {
    const { store } = open();
    store.questions.recordSoon(q("how do I opt out?"));
    await turn();
    await turn();
    expect(rows(store)).toBe(1);
  });

  it("does not wait for a quiet turn once a batch is full (a steady stream is still written)", async () => {
    const { store } = open();
    let asked = 0;
    // A few questions every turn: the loop is never quiet.
    while (rows(store) === 0 && asked < QUESTION_BATCH * 4) {
      for (let i = 0; i < 8; i++) store.questions.recordSoon(q(`q ${asked++}`));
      await turn();
    }
    expect(rows(store)).toBeGreaterThanOrEqual(QUESTION_BATCH);
    expect(asked).toBeLessThanOrEqual(QUESTION_BATCH + 16);
  });

  it("is never stale for stats and never lost on close", () => {
    const { store, dataDir } = open();
    store.questions.recordSoon(q("what does X keep?"));
    expect(store.stats().questions.total).toBe(1);
    store.questions.recordSoon(q("what are the damages?"));
    store.close();
    const again = openStore({ dataDir });
    try {
      expect(again.stats().questions.total).toBe(2);
    } finally {
      again.close();
    }
  });

  it("refuses a wrong input at once, and skips an empty one", () => {
    const { store } = open();
    expect(() => store.questions.recordSoon({ ...q("x"), locale: "de" as never })).toThrow(
      StoreError,
    );
    store.questions.recordSoon(q("   "));
    store.questions.flush();
    expect(rows(store)).toBe(0);
  });

  it("logs a batch it could not write instead of throwing from the event loop", async () => {
    const warnings: { obj: Record<string, unknown>; msg: string }[] = [];
    store = openStore({
      dataDir: tempDir(),
      logger: { info: () => {}, warn: (obj, msg) => warnings.push({ obj: obj as never, msg }) },
    });
    store.questions.recordSoon(q("one"));
    store.questions.recordSoon(q("two"));
    store.db.exec("DROP TABLE questions");
    for (let i = 0; i < 4; i++) await turn();
    const failed = warnings.filter((w) => w.msg.includes("could not record questions"));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.obj.err).toBeInstanceOf(StoreError);
    expect(failed[0]?.obj.questions).toBe(2);
  });
});
