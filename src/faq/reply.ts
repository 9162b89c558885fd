import { makeReply } from "../answer/base.js";
import type { Reply, ReplyField, ReplyKind } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import { ft } from "./i18n.js";
import { DISCORD_CODES, type DiscordRefusal } from "./port.js";

/**
 * A button only the FAQ feature understands (its custom id starts with `faq:`). The shell
 * appends these to the rendered reply (see `faqButtonRows`) and sends presses whose custom id
 * starts with `faq:` to `FaqService.button`.
 */
export interface FaqButton {
  customId: string;
  label: string;
  style: "primary" | "danger" | "secondary";
}

/** A Reply, plus FAQ buttons when there are any; assignable wherever a Reply is expected. */
export interface FaqReply extends Reply {
  faqButtons?: FaqButton[];
}

/** A private message to the moderator who ran the command. */
export function moderatorReply(
  locale: Locale,
  kind: ReplyKind,
  title: string,
  body: string,
  fields: ReplyField[] = [],
): FaqReply {
  return makeReply(locale, { kind, title, body, fields, ephemeral: true });
}

/** Why Discord said no, in words a moderator can act on. */
export function refusalReason(locale: Locale, refusal: DiscordRefusal): string {
  switch (refusal.code) {
    case DISCORD_CODES.unknownMessage:
      return ft(locale, "refusalUnknownMessage");
    case DISCORD_CODES.unknownChannel:
      return ft(locale, "refusalUnknownChannel");
    case DISCORD_CODES.pinLimit:
      return ft(locale, "refusalPinLimit");
    case DISCORD_CODES.missingAccess:
      return ft(locale, "refusalMissingAccess");
    case DISCORD_CODES.missingPermissions:
      return ft(locale, "refusalMissingPermissions");
    default:
      return ft(locale, "refusalOther", { code: refusal.code, status: refusal.status });
  }
}

/** The message, or its channel, is gone for good: its FAQ record can be forgotten. */
export function isGone(refusal: DiscordRefusal): boolean {
  return (
    refusal.code === DISCORD_CODES.unknownMessage || refusal.code === DISCORD_CODES.unknownChannel
  );
}
