import { decodeReplacePin } from "./buttons.js";
import type { FaqDeps } from "./deps.js";
import { checkBoth } from "./guard.js";
import { ft, languageName } from "./i18n.js";
import { jumpLink } from "./links.js";
import { topicTitle } from "./message.js";
import { attempt } from "./port.js";
import { type FaqReply, isGone, moderatorReply, refusalReason } from "./reply.js";
import type { FaqRequest } from "./request.js";

/**
 * The "replace the oldest FAQ pin" button: unpin the old FAQ message, pin the new one. The
 * records are checked again first, since anything may have changed since the button was shown.
 */
export async function replacePin(
  deps: FaqDeps,
  request: FaqRequest,
  customId: string,
): Promise<FaqReply> {
  const { locale } = request;
  const denied = checkBoth(request, ["ViewChannel", "PinMessages"]);
  if (denied) return denied;
  const ids = decodeReplacePin(customId);
  const fresh = ids && deps.store.faq.getByMessageId(ids.newMessageId);
  const old = ids && deps.store.faq.getByMessageId(ids.oldMessageId);
  const here = (r: typeof fresh) =>
    !!r && r.guildId === request.guildId && r.channelId === request.channelId;
  if (!ids || !fresh || !old || !here(fresh) || !here(old) || !old.pinned || fresh.pinned) {
    return moderatorReply(
      locale,
      "notice",
      ft(locale, "staleButtonTitle"),
      ft(locale, "staleButton"),
    );
  }
  const channelId = request.channelId;
  const unpinned = await attempt(() => deps.port.unpin(channelId, old.messageId));
  if (unpinned.ok) deps.store.faq.markUnpinned(old.messageId);
  // A message deleted by hand holds no pin any more: forget it and go on.
  else if (isGone(unpinned.refusal)) deps.store.faq.deleteByMessageId(old.messageId);
  else {
    return moderatorReply(
      locale,
      "error",
      ft(locale, "unpinFailedTitle"),
      ft(locale, "unpinFailed", { reason: refusalReason(locale, unpinned.refusal) }),
    );
  }
  const core = deps.core();
  const describe = (r: NonNullable<typeof fresh>) =>
    `[${topicTitle(core, r.topic, locale)} (${languageName(locale, r.lang)})](${jumpLink(r.guildId, r.channelId, r.messageId)})`;
  const pinned = await attempt(() => deps.port.pin(channelId, fresh.messageId));
  if (!pinned.ok) {
    if (isGone(pinned.refusal)) deps.store.faq.deleteByMessageId(fresh.messageId);
    // Put the old pin back so a refused swap leaves the channel as it was.
    const restored =
      unpinned.ok && (await attempt(() => deps.port.pin(channelId, old.messageId))).ok;
    if (restored) deps.store.faq.markPinned(old.messageId);
    const lines = [ft(locale, "pinFailed", { reason: refusalReason(locale, pinned.refusal) })];
    if (restored) lines.push(ft(locale, "restoredOld", { old: describe(old) }));
    return moderatorReply(locale, "error", ft(locale, "pinFailedTitle"), lines.join("\n"));
  }
  deps.store.faq.markPinned(fresh.messageId);
  deps.logger.info(
    { guildId: request.guildId, channelId, unpinned: old.messageId, pinned: fresh.messageId },
    "faq: replaced the oldest FAQ pin",
  );
  return moderatorReply(
    locale,
    "info",
    ft(locale, "replacedTitle"),
    ft(locale, "replaced", { old: describe(old), new: describe(fresh) }),
  );
}
