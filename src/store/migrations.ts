import type { Database } from "better-sqlite3";
import { errorMessage, StoreError } from "./errors.js";

/**
 * One schema step. Migrations are append-only: never edit one that has
 * shipped, add the next version instead. `PRAGMA user_version` holds the
 * version a database is at (cheap to read before any write); the
 * `schema_migrations` table keeps a human-readable log of when each ran.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/*
 * Privacy by design: no table has a column for a user id or name of someone
 * who asked or voted. Votes carry only an HMAC of the voter's id (to keep one
 * vote per person per answer); `posted_by` on FAQ rows is a moderator's action
 * record. Times are milliseconds since the Unix epoch (UTC).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "faq messages, feedback votes, questions",
    sql: `
      CREATE TABLE schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL,
        applied_at INTEGER NOT NULL
      );

      CREATE TABLE faq_messages (
        id           INTEGER PRIMARY KEY,
        guild_id     TEXT    NOT NULL,
        channel_id   TEXT    NOT NULL,
        message_id   TEXT    NOT NULL UNIQUE,
        topic        TEXT    NOT NULL,
        lang         TEXT    NOT NULL,
        content_hash TEXT    NOT NULL,
        posted_by    TEXT    NOT NULL,
        posted_at    INTEGER NOT NULL,
        pinned       INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        UNIQUE (guild_id, channel_id, topic, lang)
      );

      CREATE TABLE feedback_votes (
        id         INTEGER PRIMARY KEY,
        message_id TEXT    NOT NULL,
        voter_key  TEXT    NOT NULL CHECK (length(voter_key) = 64),
        vote       TEXT    NOT NULL CHECK (vote IN ('up', 'down')),
        topic      TEXT,
        locale     TEXT    NOT NULL,
        at         INTEGER NOT NULL,
        UNIQUE (message_id, voter_key)
      );
      CREATE INDEX feedback_votes_at ON feedback_votes (at);

      CREATE TABLE questions (
        id         INTEGER PRIMARY KEY,
        text       TEXT    NOT NULL,
        normalized TEXT    NOT NULL,
        topic      TEXT,
        locale     TEXT    NOT NULL,
        answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
        at         INTEGER NOT NULL
      );
      CREATE INDEX questions_at ON questions (at);
      CREATE INDEX questions_unanswered ON questions (answered, at, normalized);
    `,
  },
  {
    version: 2,
    name: "scope questions and votes to the server they came from",
    // Moderators of one server must not read what members of another asked, nor what people
    // asked the bot in private: /faq stats filters on this. '' is a direct message (or a
    // user-installed app outside a server), which no server's stats ever show.
    sql: `
      ALTER TABLE questions ADD COLUMN scope TEXT NOT NULL DEFAULT '';
      ALTER TABLE feedback_votes ADD COLUMN scope TEXT NOT NULL DEFAULT '';
      CREATE INDEX questions_scope_at ON questions (scope, at);
      CREATE INDEX feedback_votes_scope_at ON feedback_votes (scope, at);
    `,
  },
];

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export interface MigrationResult {
  from: number;
  to: number;
  applied: Array<{ version: number; name: string }>;
}

export function readUserVersion(db: Database): number {
  const value = db.pragma("user_version", { simple: true });
  return typeof value === "number" ? value : Number(value);
}

/** The clear error for a database written by newer code; checked before any write. */
export function tooNewError(file: string, found: number, known: number): StoreError {
  return new StoreError(
    "too-new",
    `The database ${file} is at schema version ${found}, but this policybot only knows versions ` +
      `up to ${known}. It was written by a newer release: run that release (or newer), or point ` +
      "DATA_DIR at another folder. The file was left untouched.",
    { file },
  );
}

/**
 * Brings `db` to the latest schema. Each migration runs in its own IMMEDIATE
 * transaction (the write lock is taken before the version is re-read, so two
 * processes starting together cannot both apply it); a failure rolls that
 * migration back and throws `migration-failed`.
 */
export function migrate(
  db: Database,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): MigrationResult {
  const known = migrations[migrations.length - 1]?.version ?? 0;
  const from = readUserVersion(db);
  if (from > known) throw tooNewError(file, from, known);
  const applied: MigrationResult["applied"] = [];

  for (const migration of migrations) {
    const step = db.transaction(() => {
      const current = readUserVersion(db);
      if (current >= migration.version) return false;
      if (current !== migration.version - 1) {
        throw new StoreError(
          "migration-failed",
          `The database ${file} is at schema version ${current}, which cannot be followed by ` +
            `migration ${migration.version}. Restore a backup of the file.`,
          { file },
        );
      }
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        now(),
      );
      // PRAGMA cannot take bound parameters; the version is an integer we own.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
      return true;
    });
    try {
      if (step.immediate()) applied.push({ version: migration.version, name: migration.name });
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(
        "migration-failed",
        `Migration ${migration.version} (${migration.name}) failed on ${file} and was rolled ` +
          `back: ${errorMessage(err)}. The database is unchanged; report this with the bot's logs.`,
        { file, cause: err },
      );
    }
  }
  return { from, to: readUserVersion(db), applied };
}
