/**
 * Why the store refused to work. Every code maps to one thing a moderator or
 * operator can do about it; the message says which file and what to do.
 */
export type StoreErrorCode =
  /** DATA_DIR cannot be created or is not a folder. */
  | "data-dir"
  /** A folder (or another non-file) sits where the database file should be. */
  | "not-a-file"
  /** The process may not read or write the database file or its folder. */
  | "permission-denied"
  /** The file exists but is not an SQLite database (random bytes, another format). */
  | "not-a-database"
  /** The file is an SQLite database that fails its integrity check (truncated, damaged). */
  | "corrupt"
  /** The database was written by a newer policybot whose migrations this code does not know. */
  | "too-new"
  /** A migration failed; it was rolled back, the database is as it was before it. */
  | "migration-failed"
  /** Another process holds a write lock for longer than the busy timeout. */
  | "busy"
  /** secret.key exists but cannot be used. */
  | "secret"
  /** A caller passed a value the store cannot record (wrong type, empty id, unknown topic). */
  | "invalid-input"
  /** Any other SQLite failure, with SQLite's own code in the message. */
  | "sqlite";

/**
 * The only error type the store throws on purpose. `file` is the path the
 * problem is about (absent for invalid input), `cause` the underlying error.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
  readonly code: StoreErrorCode;
  readonly file: string | undefined;

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { file?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
  }
}

export function isStoreError(value: unknown): value is StoreError {
  return value instanceof StoreError;
}

/** SQLite's extended result code (e.g. "SQLITE_NOTADB") or Node's errno code (e.g. "EACCES"). */
export function errorCode(err: unknown): string {
  if (typeof err === "object" && err !== null && "code" in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return "";
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Wraps an unexpected failure of a write or read so callers only ever catch StoreError. */
export function wrapSqliteError(err: unknown, file: string, what: string): StoreError {
  if (err instanceof StoreError) return err;
  const code = errorCode(err);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new StoreError(
      "busy",
      `${what}: the database ${file} stayed locked by another process past the busy timeout. ` +
        "Make sure only one policybot runs on this DATA_DIR.",
      { file, cause: err },
    );
  }
  if (code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB") {
    return new StoreError(
      "corrupt",
      `${what}: the database ${file} is damaged (${code}). Stop the bot, keep the file for ` +
        "inspection, and restore it from a backup or move it aside so a new one is created.",
      { file, cause: err },
    );
  }
  return new StoreError("sqlite", `${what} failed on ${file}: ${code || errorMessage(err)}`, {
    file,
    cause: err,
  });
}
