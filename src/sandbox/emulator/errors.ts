import type { RecordedRequest } from "./events.js";

/** The JSON body Discord sends with an error status. */
export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: unknown;
  retry_after?: number;
  global?: boolean;
}

/** An HTTP error a REST handler throws; the router turns it into a Discord-shaped response. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.code}: ${body.message}`);
    this.name = "DiscordHttpError";
  }
}

/** Discord's own codes and messages for the errors the emulator produces. */
export const discordErrors = {
  notFound: () => new DiscordHttpError(404, { code: 0, message: "404: Not Found" }),
  unauthorized: () => new DiscordHttpError(401, { code: 0, message: "401: Unauthorized" }),
  unknownChannel: () => new DiscordHttpError(404, { code: 10003, message: "Unknown Channel" }),
  unknownMessage: () => new DiscordHttpError(404, { code: 10008, message: "Unknown Message" }),
  unknownUser: () => new DiscordHttpError(404, { code: 10013, message: "Unknown User" }),
  unknownWebhook: () => new DiscordHttpError(404, { code: 10015, message: "Unknown Webhook" }),
  unknownInteraction: () =>
    new DiscordHttpError(404, { code: 10062, message: "Unknown interaction" }),
  unknownGuild: () => new DiscordHttpError(404, { code: 10004, message: "Unknown Guild" }),
  alreadyAcknowledged: () =>
    new DiscordHttpError(400, {
      code: 40060,
      message: "Interaction has already been acknowledged.",
    }),
  emptyMessage: () =>
    new DiscordHttpError(400, { code: 50006, message: "Cannot send an empty message" }),
  notAuthor: () =>
    new DiscordHttpError(403, {
      code: 50005,
      message: "Cannot edit a message authored by another user",
    }),
  maxPins: () =>
    new DiscordHttpError(400, { code: 30003, message: "Maximum number of pins reached (50)" }),
  invalidBody: (errors: Record<string, string>) =>
    new DiscordHttpError(400, {
      code: 50035,
      message: "Invalid Form Body",
      errors: Object.fromEntries(
        Object.entries(errors).map(([path, message]) => [
          path,
          { _errors: [{ code: "BASE_TYPE_INVALID", message }] },
        ]),
      ),
    }),
};

/** Thrown when a wait on the emulator times out; the message lists what the bot did meanwhile. */
export class EmulatorTimeoutError extends Error {
  constructor(what: string, timeoutMs: number, recent: readonly RecordedRequest[]) {
    const lines = recent.map(
      (r) => `  ${r.method} ${r.route}${r.status === undefined ? "" : ` -> ${r.status}`}`,
    );
    super(
      `Timed out after ${timeoutMs} ms waiting for ${what}. ` +
        (lines.length === 0
          ? "The bot made no REST request."
          : `Last ${lines.length} REST request(s) from the bot:\n${lines.join("\n")}`),
    );
    this.name = "EmulatorTimeoutError";
  }
}
