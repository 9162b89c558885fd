import type { Reply } from "../core/reply.js";

/**
 * What the FAQ service needs from Discord, and nothing more. The shell implements it over
 * discord.js (rendering each Reply with its own renderer); tests implement it in memory.
 *
 * Every method either succeeds or throws a DiscordRefusal (Discord answered with an error
 * code). Anything else thrown (network down, a bug) is unexpected and reaches the shell's
 * error boundary.
 */
export interface FaqDiscordPort {
  /** Sends a normal (non-ephemeral) message; `replyTo` makes it a reply that pings no one. */
  postMessage(
    channelId: string,
    payload: Reply,
    options?: { replyTo?: string },
  ): Promise<{ id: string }>;
  editMessage(channelId: string, messageId: string, payload: Reply): Promise<void>;
  /** null when the message no longer exists (the adapter may also throw code 10008). */
  fetchMessage(
    channelId: string,
    messageId: string,
  ): Promise<{ id: string; pinned: boolean } | null>;
  pin(channelId: string, messageId: string): Promise<void>;
  unpin(channelId: string, messageId: string): Promise<void>;
  deleteMessage(channelId: string, messageId: string): Promise<void>;
}

/** Discord's JSON error codes this feature explains to moderators. */
export const DISCORD_CODES = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  pinLimit: 30003,
  missingAccess: 50001,
  missingPermissions: 50013,
} as const;

/**
 * Discord said no. `code` is Discord's JSON error code (e.g. 30003), `status` the HTTP status.
 * The shell adapter builds it from discord.js's DiscordAPIError: `new DiscordRefusal(err.code, err.status, err.message)`.
 */
export class DiscordRefusal extends Error {
  override readonly name = "DiscordRefusal";

  constructor(
    readonly code: number,
    readonly status: number,
    message = `Discord refused the request (code ${code}, HTTP ${status})`,
  ) {
    super(message);
  }
}

/**
 * The refusal carried by `error`, or null when it is not one. Structural, so a DiscordAPIError
 * (numeric `code` and `status`) is understood too if an adapter lets one through.
 */
export function asRefusal(error: unknown): DiscordRefusal | null {
  if (error instanceof DiscordRefusal) return error;
  if (typeof error !== "object" || error === null) return null;
  const { code, status, message } = error as {
    code?: unknown;
    status?: unknown;
    message?: unknown;
  };
  if (typeof code !== "number" || typeof status !== "number") return null;
  return new DiscordRefusal(code, status, typeof message === "string" ? message : undefined);
}

/** Runs a port call; a refusal comes back as a value, anything else is rethrown. */
export async function attempt<T>(
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; refusal: DiscordRefusal }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const refusal = asRefusal(error);
    if (!refusal) throw error;
    return { ok: false, refusal };
  }
}
