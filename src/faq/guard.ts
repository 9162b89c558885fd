import type { Locale } from "../core/types.js";
import { canModerateFaq, missingPermissions, type PermissionName } from "../store/permissions.js";
import { ft, permissionList } from "./i18n.js";
import { type FaqReply, moderatorReply } from "./reply.js";
import type { FaqRequest } from "./request.js";

/**
 * The run-time half of the permission check (the other half is the command's
 * default_member_permissions). Returns the refusal to show, or null when allowed.
 */
export function checkModerator(request: FaqRequest): FaqReply | null {
  if (!request.guildId) return notInGuild(request.locale);
  if (!canModerateFaq(request.memberPermissions)) {
    return moderatorReply(
      request.locale,
      "notice",
      ft(request.locale, "permissionsTitle"),
      ft(request.locale, "memberMissing"),
    );
  }
  return null;
}

/** The bot's own permissions in this channel, from the interaction's app_permissions. */
export function checkBot(
  request: FaqRequest,
  required: readonly PermissionName[],
): FaqReply | null {
  const missing = missingPermissions(request.appPermissions, required);
  if (missing.length === 0) return null;
  return moderatorReply(
    request.locale,
    "notice",
    ft(request.locale, "permissionsTitle"),
    ft(request.locale, "botMissing", { perms: permissionList(request.locale, missing) }),
  );
}

/** Moderator first (so a member without rights learns nothing about the bot's setup), then the bot. */
export function checkBoth(
  request: FaqRequest,
  required: readonly PermissionName[],
): FaqReply | null {
  return checkModerator(request) ?? checkBot(request, required);
}

function notInGuild(locale: Locale): FaqReply {
  return moderatorReply(locale, "notice", ft(locale, "permissionsTitle"), ft(locale, "notInGuild"));
}
