import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, resolveDataDir } from "../../src/store/database.js";
import { StoreError } from "../../src/store/errors.js";
import { DB_FILE_NAME, openStore } from "../../src/store/index.js";
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from "../../src/store/migrations.js";
import { ensureDist, FIXTURES, tempDir } from "./helpers.js";

function catchStoreError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return err as StoreError;
  }
  throw new Error("expected a StoreError, nothing was thrown");
}

/** A healthy database with enough rows to span many pages, closed (checkpointed). */
function makeDatabase(dir: string): string {
  const store = openStore({ dataDir: dir });
  for (let i = 0; i < 400; i++) {
    store.questions.record({
      text: `question number ${i} ${"padding ".repeat(20)}`,
      topic: "grok",
      locale: "en",
      answered: true,
    });
  }
  store.close();
  return path.join(dir, DB_FILE_NAME);
}

describe("openDatabase", () => {
  it("creates the file with WAL, synchronous NORMAL, foreign keys and a busy timeout", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const { db, file, migration } = openDatabase({ dataDir: dir });
    try {
      expect(file).toBe(path.join(dir, "policybot.sqlite"));
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("synchronous", { simple: true })).toBe(1);
      expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
      expect(migration).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION });
      expect(migration.applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const logged = db.prepare("SELECT version FROM schema_migrations ORDER BY version").all();
      expect(logged).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      db.close();
    }
  });

  it("honours synchronous FULL and a custom busy timeout", () => {
    const { db } = openDatabase({ dataDir: tempDir(), synchronous: "FULL", busyTimeoutMs: 1234 });
    try {
      expect(db.pragma("synchronous", { simple: true })).toBe(2);
      expect(db.pragma("busy_timeout", { simple: true })).toBe(1234);
    } finally {
      db.close();
    }
  });

  it("keeps records across reopen and applies no migration twice", () => {
    const dir = tempDir();
    makeDatabase(dir);
    const again = openStore({ dataDir: dir });
    try {
      expect(again.migration.applied).toEqual([]);
      expect(again.stats({ days: 1 }).questions.total).toBe(400);
    } finally {
      again.close();
    }
  });

  it("accepts an empty file (a crash before the first write) as a new database", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DB_FILE_NAME), "");
    const { db, migration } = openDatabase({ dataDir: dir });
    db.close();
    expect(migration.to).toBe(LATEST_SCHEMA_VERSION);
  });

  it("openStore defaults to $DATA_DIR", () => {
    const dir = tempDir();
    const saved = process.env.DATA_DIR;
    process.env.DATA_DIR = dir;
    try {
      const store = openStore();
      store.close();
      expect(store.file).toBe(path.join(dir, DB_FILE_NAME));
      expect(statSync(path.join(dir, "secret.key")).size).toBe(32);
    } finally {
      if (saved === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved;
    }
  });

  it("resolves DATA_DIR from the environment, ./data by default", () => {
    expect(resolveDataDir({}, "/srv/bot")).toBe("/srv/bot/data");
    expect(resolveDataDir({ DATA_DIR: "  " }, "/srv/bot")).toBe("/srv/bot/data");
    expect(resolveDataDir({ DATA_DIR: "/var/lib/pb" }, "/srv/bot")).toBe("/var/lib/pb");
    expect(resolveDataDir({ DATA_DIR: "state" }, "/srv/bot")).toBe("/srv/bot/state");
  });
});

describe("a database it must not use is refused and left byte for byte", () => {
  it("random bytes: not-a-database, file unchanged, nothing created beside it", () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const bytes = randomBytes(64 * 1024);
    writeFileSync(file, bytes);
    const err = catchStoreError(() => openStore({ dataDir: dir }));
    expect(err.code).toBe("not-a-database");
    expect(err.file).toBe(file);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/left untouched/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(() => statSync(`${file}-wal`)).toThrow();
  });

  it("a truncated database: corrupt, file unchanged", () => {
    const dir = tempDir();
    const file = makeDatabase(dir);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = readFileSync(file);
    const err = catchStoreError(() => openStore({ dataDir: dir }));
    expect(err.code).toBe("corrupt");
    expect(err.message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a database cut inside its header: corrupt, file unchanged", () => {
    const dir = tempDir();
    const file = makeDatabase(dir);
    truncateSync(file, 50);
    const before = readFileSync(file);
    expect(catchStoreError(() => openStore({ dataDir: dir })).code).toBe("corrupt");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a damaged page behind a valid header: quick_check catches it, file unchanged", () => {
    const dir = tempDir();
    const file = makeDatabase(dir);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Pages 3.. hold tables and indexes; scribble over two of them.
    randomBytes(pageSize).copy(bytes, pageSize * 3);
    randomBytes(pageSize).copy(bytes, pageSize * 6);
    writeFileSync(file, bytes);
    const err = catchStoreError(() => openStore({ dataDir: dir }));
    expect(["corrupt", "not-a-database"]).toContain(err.code);
    expect(err.message).toContain(file);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("another program's SQLite database: refused, not migrated into", () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const foreign = new BetterSqlite3(file);
    foreign.exec(
      "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts VALUES (1, 'a');",
    );
    foreign.close();
    const before = readFileSync(file);
    const err = catchStoreError(() => openStore({ dataDir: dir }));
    expect(err.code).toBe("not-a-database");
    expect(err.message).toMatch(/another program/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a folder in place of the file: not-a-file, folder left", () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    mkdirSync(file);
    writeFileSync(path.join(file, "keep.txt"), "mine");
    const err = catchStoreError(() => openStore({ dataDir: dir }));
    expect(err.code).toBe("not-a-file");
    expect(err.message).toContain(file);
    expect(readFileSync(path.join(file, "keep.txt"), "utf8")).toBe("mine");
  });

  it("DATA_DIR that is a file: data-dir error naming it", () => {
    const dir = tempDir();
    const notDir = path.join(dir, "data");
    writeFileSync(notDir, "x");
    const err = catchStoreError(() => openStore({ dataDir: notDir }));
    expect(err.code).toBe("data-dir");
    expect(err.message).toContain(notDir);
    expect(readFileSync(notDir, "utf8")).toBe("x");
  });

  it("a database written by newer code: too-new, file unchanged", () => {
    const dir = tempDir();
    const file = makeDatabase(dir);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(file);
    const err = catchStoreError(() => openStore({ dataDir: dir }));
    expect(err.code).toBe("too-new");
    expect(err.message).toContain(`version ${LATEST_SCHEMA_VERSION + 5}`);
    expect(err.message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("permission denied: a StoreError saying so, file unchanged", () => {
    const dir = tempDir();
    const file = makeDatabase(dir);
    const before = readFileSync(file);
    chmodSync(file, 0o600);
    const isRoot = process.getuid?.() === 0;
    let outcome: { ok: boolean; name?: string; code?: string; message?: string };
    if (isRoot) {
      // Root ignores file modes: open it as "nobody" in a child process instead.
      chmodSync(dir, 0o755);
      const out = execFileSync(
        process.execPath,
        [path.join(FIXTURES, "open-store.mjs"), ensureDist(), dir],
        { uid: 65534, gid: 65534, encoding: "utf8", timeout: 30_000 },
      );
      outcome = JSON.parse(out);
    } else {
      chmodSync(file, 0o000);
      try {
        openStore({ dataDir: dir }).close();
        outcome = { ok: true };
      } catch (err) {
        const e = err as StoreError;
        outcome = { ok: false, name: e.name, code: e.code, message: e.message };
      } finally {
        chmodSync(file, 0o600);
      }
    }
    expect(outcome).toMatchObject({ ok: false, name: "StoreError", code: "permission-denied" });
    expect(outcome.message).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("migrations", () => {
  it("a failing migration rolls back, reports migration-failed and keeps the version", () => {
    const dir = tempDir();
    makeDatabase(dir);
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: "half done",
        sql: "CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1);",
      },
    ];
    const err = catchStoreError(() => openDatabase({ dataDir: dir, migrations: broken }));
    expect(err.code).toBe("migration-failed");
    expect(err.message).toContain("half done");
    const { db } = openDatabase({ dataDir: dir });
    try {
      expect(db.pragma("user_version", { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const extra = db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get();
      expect(extra).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it("applies a new migration in order on an existing database", () => {
    const dir = tempDir();
    makeDatabase(dir);
    const next = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: "add a note column",
        sql: "ALTER TABLE questions ADD COLUMN note TEXT;",
      },
    ];
    const { db, migration } = openDatabase({ dataDir: dir, migrations: next });
    try {
      expect(migration).toMatchObject({
        from: LATEST_SCHEMA_VERSION,
        to: LATEST_SCHEMA_VERSION + 1,
      });
      expect(db.prepare("SELECT count(*) AS n FROM questions WHERE note IS NULL").get()).toEqual({
        n: 400,
      });
    } finally {
      db.close();
    }
  });
});
