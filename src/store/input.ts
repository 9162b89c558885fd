import { isTopicId, LOCALES, type Locale, type TopicId } from "../core/types.js";
import { StoreError } from "./errors.js";

/*
 * Checks at the store's edge: callers are typed, but values come from Discord
 * payloads and a wrong one must become a StoreError, not a SQLite constraint
 * failure or a row nobody can read back.
 */

const MAX_ID_LENGTH = 100;
const MAX_HASH_LENGTH = 200;
/** Longest question text kept; Discord allows 6,000 chars in an option, stats need far less. */
export const MAX_QUESTION_LENGTH = 500;

function invalid(message: string): StoreError {
  return new StoreError("invalid-input", message);
}

export function requireObject(value: unknown, what: string): asserts value is object {
  if (typeof value !== "object" || value === null) throw invalid(`${what} must be an object.`);
}

/** A Discord id (guild, channel, message, user): a non-empty string without spaces. */
export function requireId(value: unknown, what: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw invalid(`${what} must be a non-empty id string (got ${describe(value)}).`);
  }
  if (/\s/.test(value)) throw invalid(`${what} must not contain spaces.`);
  return value;
}

export function requireTopic(value: unknown, what = "topic"): TopicId {
  if (typeof value !== "string" || !isTopicId(value)) {
    throw invalid(`${what} must be a known topic id (got ${describe(value)}).`);
  }
  return value;
}

export function requireTopicOrNull(value: unknown, what = "topic"): TopicId | null {
  return value === null || value === undefined ? null : requireTopic(value, what);
}

export function requireLocale(value: unknown, what = "locale"): Locale {
  if (typeof value !== "string" || !(LOCALES as readonly string[]).includes(value)) {
    throw invalid(`${what} must be one of ${LOCALES.join(", ")} (got ${describe(value)}).`);
  }
  return value as Locale;
}

export function requireHash(value: unknown, what = "contentHash"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_HASH_LENGTH) {
    throw invalid(`${what} must be a non-empty string of at most ${MAX_HASH_LENGTH} chars.`);
  }
  return value;
}

/** A time in ms since the epoch; `undefined` means now. */
export function requireTime(value: unknown, what: string, now: () => number): number {
  if (value === undefined) return now();
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw invalid(`${what} must be a time in milliseconds since 1970 (got ${describe(value)}).`);
  }
  return Math.trunc(value);
}

export function requireBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") throw invalid(`${what} must be true or false.`);
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? "a long string" : JSON.stringify(value);
  if (value === null) return "null";
  return typeof value;
}

/** A server id for per-server stats, or '' for a direct message (null or omitted). */
export function requireScope(guildId: unknown): string {
  if (guildId === undefined || guildId === null) return "";
  return requireId(guildId, "guildId");
}
