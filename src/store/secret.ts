import { createHmac, randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import type { StoreLogger } from "./database.js";
import { errorCode, errorMessage, StoreError } from "./errors.js";

export const SECRET_FILE_NAME = "secret.key";
export const SECRET_BYTES = 32;

/**
 * The key that turns a Discord user id into an opaque voter key. It cannot be
 * read back: logging, JSON.stringify or util.inspect show "[redacted]".
 */
export class HmacSecret {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== SECRET_BYTES) {
      throw new StoreError("secret", `An HMAC secret must be ${SECRET_BYTES} bytes.`);
    }
    this.#key = Buffer.from(key);
  }

  /** HMAC-SHA256(secret, value) as 64 lowercase hex characters. */
  hmacHex(value: string): string {
    return createHmac("sha256", this.#key).update(value, "utf8").digest("hex");
  }

  toJSON(): string {
    return "[redacted]";
  }

  toString(): string {
    return "[redacted]";
  }

  [inspect.custom](): string {
    return "HmacSecret [redacted]";
  }
}

export interface LoadedSecret {
  secret: HmacSecret;
  /** True when this call made the file (first start). */
  created: boolean;
  file: string;
}

function secretError(file: string, problem: string, cause?: unknown): StoreError {
  return new StoreError(
    "secret",
    `${file} ${problem}. Restore it from a backup if you have one; otherwise move it aside and ` +
      "restart to make a new one (people who already voted could then vote once more on old answers).",
    { file, cause },
  );
}

function readSecret(file: string, logger?: StoreLogger): HmacSecret {
  let key: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw secretError(file, "is not a regular file");
    if ((stat.mode & 0o077) !== 0) {
      // Tighten rather than refuse: the content is still good, only its exposure was wrong.
      chmodSync(file, 0o600);
      logger?.warn({ file }, "store: secret.key was readable by others; its mode is now 0600");
    }
    key = readFileSync(file);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw secretError(file, `cannot be read (${errorCode(err) || errorMessage(err)})`, err);
  }
  if (key.length !== SECRET_BYTES) {
    throw secretError(file, `holds ${key.length} bytes instead of ${SECRET_BYTES}`);
  }
  return new HmacSecret(key);
}

/**
 * Reads DATA_DIR/secret.key, or on first start makes 32 random bytes and
 * stores them with mode 0600. Creation writes a temporary file, fsyncs it and
 * hard-links it into place, so a crash never leaves a short key and two
 * processes starting at once end up with the same key.
 */
export function loadOrCreateSecret(dataDir: string, logger?: StoreLogger): LoadedSecret {
  const file = path.join(path.resolve(dataDir), SECRET_FILE_NAME);
  try {
    return { secret: readSecret(file, logger), created: false, file };
  } catch (err) {
    if (!(err instanceof StoreError) || errorCode(err.cause) !== "ENOENT") throw err;
  }

  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const key = randomBytes(SECRET_BYTES);
  let created = false;
  try {
    const fd = openSync(tmp, "wx", 0o600);
    try {
      writeSync(fd, key);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(tmp, file);
      created = true;
    } catch (err) {
      if (errorCode(err) !== "EEXIST") throw err;
    }
  } catch (err) {
    throw secretError(file, `cannot be created (${errorCode(err) || errorMessage(err)})`, err);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone or never made: nothing to clean.
    }
  }
  if (created) {
    logger?.info({ file }, "store: created a new secret.key");
    return { secret: new HmacSecret(key), created, file };
  }
  return { secret: readSecret(file, logger), created: false, file };
}
