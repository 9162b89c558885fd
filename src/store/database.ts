import { closeSync, mkdirSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { errorCode, errorMessage, StoreError } from "./errors.js";
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
  type MigrationResult,
  migrate,
  readUserVersion,
  tooNewError,
} from "./migrations.js";

export const DB_FILE_NAME = "policybot.sqlite";
export const DEFAULT_DATA_DIR = "./data";
const SQLITE_MAGIC = "SQLite format 3\0";
const SQLITE_HEADER_BYTES = 100;

/** Minimal logger shape (a pino logger fits). The store never logs secrets or user ids. */
export interface StoreLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface OpenDatabaseOptions {
  /** Folder holding policybot.sqlite and secret.key; created (mode 0700) if missing. */
  dataDir: string;
  /**
   * NORMAL (default): with WAL, a commit survives a crash or `kill -9` of the
   * bot; only an OS crash or power cut may lose the last commits, never the
   * database's consistency. No fsync per commit keeps write p99 low under a
   * burst of votes. Choose FULL where even that window is unacceptable.
   */
  synchronous?: "NORMAL" | "FULL";
  /** How long a write waits for another connection's lock before failing with `busy`. Default 5000. */
  busyTimeoutMs?: number;
  /** quick (default) is O(N) and skips index cross-checks; full runs integrity_check. */
  integrityCheck?: "quick" | "full";
  logger?: StoreLogger;
  /** For tests of the migration machinery; production uses MIGRATIONS. */
  migrations?: readonly Migration[];
}

export interface OpenedDatabase {
  db: Database;
  /** Absolute path of the database file. */
  file: string;
  migration: MigrationResult;
}

/** DATA_DIR from the environment, else ./data, resolved against `cwd`. */
export function resolveDataDir(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): string {
  const raw = env.DATA_DIR?.trim();
  return path.resolve(cwd, raw ? raw : DEFAULT_DATA_DIR);
}

/** Creates DATA_DIR if needed; a file or an unwritable path in its place is a StoreError. */
export function ensureDataDir(dataDir: string): string {
  const dir = path.resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    const code = errorCode(err);
    const what =
      code === "EACCES" || code === "EPERM"
        ? "permission denied: give the bot's user write access to it or set DATA_DIR elsewhere"
        : code === "EEXIST" || code === "ENOTDIR"
          ? "a file is in the way: DATA_DIR must be a folder"
          : `${code || errorMessage(err)}: set DATA_DIR to a writable folder`;
    throw new StoreError(
      code === "EACCES" || code === "EPERM" ? "permission-denied" : "data-dir",
      `Cannot use ${dir} as DATA_DIR (${what}).`,
      { file: dir, cause: err },
    );
  }
  const stat = statSync(dir);
  if (!stat.isDirectory()) {
    throw new StoreError("data-dir", `Cannot use ${dir} as DATA_DIR: it is not a folder.`, {
      file: dir,
    });
  }
  return dir;
}

const LEAVE_IT =
  "The file was left untouched: stop the bot, move the file aside (keep it for inspection) or " +
  "restore it from a backup; a new empty database is created on the next start if none is there.";

/** Maps an open/read failure to the StoreError a moderator can act on. */
function classifyOpenError(err: unknown, file: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = errorCode(err);
  if (code === "SQLITE_NOTADB") {
    return new StoreError("not-a-database", `${file} is not an SQLite database. ${LEAVE_IT}`, {
      file,
      cause: err,
    });
  }
  if (code.startsWith("SQLITE_CORRUPT")) {
    return new StoreError(
      "corrupt",
      `The database ${file} is corrupt (${errorMessage(err)}). ${LEAVE_IT}`,
      { file, cause: err },
    );
  }
  if (code === "EACCES" || code === "EPERM" || code.startsWith("SQLITE_CANTOPEN")) {
    return new StoreError(
      "permission-denied",
      `Cannot open the database ${file} (${code}): check that the bot's user may read and ` +
        `write it and its folder ${path.dirname(file)}.`,
      { file, cause: err },
    );
  }
  if (code.startsWith("SQLITE_BUSY")) {
    return new StoreError(
      "busy",
      `The database ${file} is locked by another process: make sure only one policybot runs ` +
        "on this DATA_DIR.",
      { file, cause: err },
    );
  }
  return new StoreError("sqlite", `Cannot open the database ${file}: ${errorMessage(err)}`, {
    file,
    cause: err,
  });
}

/**
 * Looks at the file before SQLite does: a folder in its place, no access, or
 * a header that is not SQLite's. Returns the file size (0 when absent).
 */
function precheckFile(file: string): number {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new StoreError(
        "not-a-file",
        `${file} is not a regular file (a folder or device is in its place). Move it away or ` +
          "set DATA_DIR to another folder; it was left untouched.",
        { file },
      );
    }
    size = stat.size;
  } catch (err) {
    if (errorCode(err) === "ENOENT") return 0;
    throw classifyOpenError(err, file);
  }
  if (size === 0) return 0;
  const header = Buffer.alloc(SQLITE_HEADER_BYTES);
  let read = 0;
  try {
    // Opening with "r+" proves write access too, without writing anything.
    const fd = openSync(file, "r+");
    try {
      read = readSync(fd, header, 0, SQLITE_HEADER_BYTES, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw classifyOpenError(err, file);
  }
  if (header.subarray(0, SQLITE_MAGIC.length).toString("latin1") !== SQLITE_MAGIC) {
    throw new StoreError(
      "not-a-database",
      `${file} is not an SQLite database (its first bytes are not SQLite's header). ${LEAVE_IT}`,
      { file },
    );
  }
  if (read < SQLITE_HEADER_BYTES) {
    throw new StoreError(
      "corrupt",
      `The database ${file} is truncated (${size} bytes). ${LEAVE_IT}`,
      { file },
    );
  }
  return size;
}

function integrityProblems(db: Database, mode: "quick" | "full"): string[] {
  const rows = db.pragma(mode === "full" ? "integrity_check(20)" : "quick_check(20)", {
    simple: false,
  }) as Array<Record<string, unknown>>;
  const lines = rows.map((row) => String(Object.values(row)[0]).replace(/\s+/g, " ").trim());
  return lines.length === 1 && lines[0] === "ok" ? [] : lines;
}

function corruptError(file: string, problems: string[]): StoreError {
  return new StoreError(
    "corrupt",
    `The database ${file} failed its integrity check (${problems.slice(0, 3).join("; ")}). ` +
      LEAVE_IT,
    { file },
  );
}

/**
 * Checks an existing database through a READ-ONLY connection: the file is
 * opened O_RDONLY, so a damaged file cannot be modified by the check (no
 * checkpoint, no journal mode change). Returns false when SQLite needs a
 * writer to recover first (a hot rollback journal): the caller then checks
 * on its read-write connection before any write.
 */
function checkReadOnly(file: string, mode: "quick" | "full", known: number): boolean {
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const problems = integrityProblems(db, mode);
    if (problems.length > 0) throw corruptError(file, problems);
    const version = readUserVersion(db);
    if (version > known) throw tooNewError(file, version, known);
    if (version === 0) {
      // Schema version 0 with tables in it: another program's database. Migrating it
      // would add our tables to someone else's file.
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
      if (tables.n > 0) {
        throw new StoreError(
          "not-a-database",
          `${file} is an SQLite database of another program (it has tables but no policybot ` +
            `schema version). ${LEAVE_IT}`,
          { file },
        );
      }
    }
    return true;
  } catch (err) {
    if (errorCode(err).startsWith("SQLITE_READONLY")) return false;
    throw classifyOpenError(err, file);
  } finally {
    db?.close();
  }
}

/**
 * Opens (creating if absent) DATA_DIR/policybot.sqlite, refuses damaged or
 * foreign files with a StoreError (never overwriting, renaming or deleting
 * them), sets WAL, synchronous, foreign_keys and busy_timeout, then applies
 * pending migrations. Synchronous; call once at start.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const dir = ensureDataDir(options.dataDir);
  const file = path.join(dir, DB_FILE_NAME);
  const mode = options.integrityCheck ?? "quick";
  const migrations = options.migrations ?? MIGRATIONS;
  const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000));

  const size = precheckFile(file);
  const known = migrations[migrations.length - 1]?.version ?? LATEST_SCHEMA_VERSION;
  const checked = size > 0 ? checkReadOnly(file, mode, known) : true;

  let db: Database;
  try {
    db = new BetterSqlite3(file, { timeout: busyTimeoutMs });
  } catch (err) {
    throw classifyOpenError(err, file);
  }
  try {
    if (!checked) {
      const problems = integrityProblems(db, mode);
      if (problems.length > 0) throw corruptError(file, problems);
    }
    const journal = db.pragma("journal_mode = WAL", { simple: true });
    if (journal !== "wal") {
      throw new StoreError(
        "sqlite",
        `The database ${file} cannot use WAL mode (got "${String(journal)}"): put DATA_DIR on a ` +
          "local disk (not a network share).",
        { file },
      );
    }
    db.pragma(`synchronous = ${options.synchronous === "FULL" ? "FULL" : "NORMAL"}`);
    db.pragma("foreign_keys = ON");
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Keeps the -wal file from staying huge after a burst once it is checkpointed.
    db.pragma("journal_size_limit = 67108864");
    const migration = migrate(db, file, migrations);
    if (migration.applied.length > 0) {
      options.logger?.info(
        { file, from: migration.from, to: migration.to, applied: migration.applied },
        "store: database migrated",
      );
    }
    return { db, file, migration };
  } catch (err) {
    db.close();
    throw classifyOpenError(err, file);
  }
}
