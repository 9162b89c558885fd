import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { ensureDist, FIXTURES, tempDir } from "./helpers.js";

/**
 * Runs the writer fixture until it has reported `atLeast` committed
 * iterations, then SIGKILLs it. Returns the last iteration it reported.
 */
function writeUntilKilled(dataDir: string, runId: string, atLeast: number): Promise<number> {
  const child = spawn(
    process.execPath,
    [path.join(FIXTURES, "crash-writer.mjs"), ensureDist(), dataDir, runId],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let buffer = "";
    let last = -1;
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`writer too slow: reached ${last}; stderr: ${stderr}`));
    }, 15_000);
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (/^\d+$/.test(line)) last = Number(line);
      if (last >= atLeast && !child.killed) child.kill("SIGKILL");
    });
    // "close", not "exit": by then every line the child wrote has been read.
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") reject(new Error(`writer exited ${code} ${signal}: ${stderr}`));
      else resolve(last);
    });
  });
}

describe("records survive kill -9 mid-write", () => {
  it("every reported write is there after two crashes, and the database is healthy", async () => {
    const dir = tempDir();
    const first = await writeUntilKilled(dir, "r1", 1500);
    const second = await writeUntilKilled(dir, "r2", 500);
    expect(first).toBeGreaterThanOrEqual(1500);
    expect(second).toBeGreaterThanOrEqual(500);

    // openStore runs quick_check: it would throw StoreError("corrupt") on damage.
    const store = openStore({ dataDir: dir });
    try {
      const db = store.db;
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const count = (sql: string, ...args: unknown[]) =>
        (db.prepare(sql).get(...args) as { n: number }).n;
      for (const [run, last] of [
        ["r1", first],
        ["r2", second],
      ] as const) {
        // Reported iterations are committed; at most one more may have committed
        // between the last report and the kill.
        const votes = count(
          "SELECT count(*) AS n FROM feedback_votes WHERE message_id LIKE ?",
          `${run}-m%`,
        );
        expect(votes).toBeGreaterThanOrEqual(last + 1);
        expect(votes).toBeLessThanOrEqual(last + 2);
        const questions = count(
          "SELECT count(*) AS n FROM questions WHERE text LIKE ?",
          `${run} question %`,
        );
        expect(questions).toBeGreaterThanOrEqual(last + 1);
        expect(questions).toBeLessThanOrEqual(last + 2);
        expect(
          count("SELECT count(*) AS n FROM feedback_votes WHERE message_id = ?", `${run}-m${last}`),
        ).toBe(1);
      }
      // One FAQ row per (guild, channel, topic, lang) however many upserts crashed.
      const faq = store.faq.listByGuild("g");
      expect(faq.length).toBeLessThanOrEqual(15);
      expect(new Set(faq.map((r) => `${r.channelId}/${r.topic}/${r.lang}`)).size).toBe(faq.length);
      // And it still takes writes.
      expect(
        store.feedback.vote({
          messageId: "after",
          userId: "u",
          vote: "up",
          topic: null,
          locale: "en",
        }).status,
      ).toBe("new");
    } finally {
      store.close();
    }
  });
});
