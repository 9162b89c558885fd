import { randomBytes } from "node:crypto";

/**
 * Discord errors that say the user or the interaction went away, not that we are broken:
 * logged at warn, never treated as a failure.
 */
export const HARMLESS_DISCORD_CODES = new Map<number, string>([
  [10062, "unknown interaction (expired, or answered elsewhere)"],
  [50007, "cannot send messages to this user"],
  [40060, "interaction has already been acknowledged"],
]);

export function discordErrorCode(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "number" ? code : null;
}

export function isHarmlessDiscordError(error: unknown): boolean {
  const code = discordErrorCode(error);
  return code !== null && HARMLESS_DISCORD_CODES.has(code);
}

/** A short id the user can give a moderator, and that the matching log line carries. */
export function newErrorRef(): string {
  return randomBytes(4).toString("hex");
}
