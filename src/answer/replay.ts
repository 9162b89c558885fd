import type { Core } from "../core/core.js";
import type { Reply, ReplyRequest } from "../core/reply.js";
import { isTopicId, LOCALES, type Locale, PLATFORMS, type Platform } from "../core/types.js";
import { damagesReply } from "./damages-reply.js";
import { aboutReply, type BotInfo, helpReply } from "./info.js";
import { optOutReply } from "./optout.js";
import { retentionReply } from "./retention.js";
import { sourceReply, topicReply } from "./topic.js";

/**
 * Buttons carry the request that made a reply in their custom id (at most 100 chars), so a
 * press can rebuild it (in the other language, say) with no state kept on our side.
 */
const PREFIX = "pb";

export function encodeRequest(request: ReplyRequest, locale: Locale): string {
  const head = `${PREFIX}:${locale}`;
  switch (request.command) {
    case "topic":
      return `${head}:t:${request.topic}`;
    case "source":
      return `${head}:s:${request.topic}`;
    case "optout":
      return request.platform ? `${head}:o:${request.platform}` : `${head}:o`;
    case "retention":
      return `${head}:r:${request.compare ? 1 : 0}`;
    case "damages":
      return `${head}:d:${request.posts}:${request.terms}`;
    case "help":
      return `${head}:h`;
    case "about":
      return `${head}:a`;
  }
}

/** Anything not made by `encodeRequest` (old buttons, forged ids) gives null, never a throw. */
export function decodeRequest(customId: unknown): { request: ReplyRequest; locale: Locale } | null {
  if (typeof customId !== "string" || customId.length > 100) return null;
  const [prefix, locale, command, a, b, ...rest] = customId.split(":");
  if (
    prefix !== PREFIX ||
    rest.length > 0 ||
    !(LOCALES as readonly string[]).includes(locale ?? "")
  )
    return null;
  const request = decodeCommand(command, a, b);
  return request ? { request, locale: locale as Locale } : null;
}

function decodeCommand(command?: string, a?: string, b?: string): ReplyRequest | null {
  switch (command) {
    case "t":
    case "s":
      if (!a || !isTopicId(a) || b !== undefined) return null;
      return { command: command === "t" ? "topic" : "source", topic: a };
    case "o":
      if (b !== undefined) return null;
      if (a === undefined) return { command: "optout" };
      return (PLATFORMS as readonly string[]).includes(a)
        ? { command: "optout", platform: a as Platform }
        : null;
    case "r":
      return (a === "0" || a === "1") && b === undefined
        ? { command: "retention", compare: a === "1" }
        : null;
    case "d": {
      const posts = Number(a);
      if (!a || !/^\d{1,13}$/.test(a) || !Number.isSafeInteger(posts) || (b !== "us" && b !== "eu"))
        return null;
      return { command: "damages", posts, terms: b };
    }
    case "h":
      return a === undefined ? { command: "help" } : null;
    case "a":
      return a === undefined ? { command: "about" } : null;
    default:
      return null;
  }
}

export function replayRequest(
  core: Core,
  request: ReplyRequest,
  locale: Locale,
  info?: BotInfo,
): Reply {
  switch (request.command) {
    case "topic":
      return topicReply(core, request.topic, locale);
    case "source":
      return sourceReply(core, request.topic, locale);
    case "optout":
      return optOutReply(core, locale, request.platform);
    case "retention":
      return retentionReply(core, locale, request.compare);
    case "damages":
      return damagesReply(core, locale, request.posts, request.terms);
    case "help":
      return helpReply(core, locale);
    case "about":
      return aboutReply(core, locale, info ?? { botVersion: "?", uptimeMs: 0 });
  }
}
