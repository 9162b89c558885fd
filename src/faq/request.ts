import type { Locale, TopicId } from "../core/types.js";
import { isTopicId, LOCALES } from "../core/types.js";

/** An option value as Discord sends it, flattened by the shell. */
export type FaqOptionValue = string | number | boolean;

/** What every FAQ handler knows about the invocation: plain data from the interaction. */
export interface FaqRequest {
  /** Language of the replies to the moderator (from the interaction's locale). */
  locale: Locale;
  /** null outside a server (the command is guild-only, but a stale client may still send it). */
  guildId: string | null;
  channelId: string;
  userId: string;
  /** `interaction.member.permissions` in this channel: a decimal bitfield string. */
  memberPermissions: string;
  /** `interaction.app_permissions`: the bot's permissions in this channel, decimal string. */
  appPermissions: string;
  options: Readonly<Record<string, FaqOptionValue>>;
}

export function topicOption(
  request: FaqRequest,
): { ok: true; topic: TopicId } | { ok: false; raw: string } {
  const value = request.options.topic;
  const raw = typeof value === "string" ? value.trim() : String(value ?? "");
  return isTopicId(raw) ? { ok: true, topic: raw } : { ok: false, raw };
}

/** The `language` option, or the moderator's own language when absent or unknown. */
export function languageOption(request: FaqRequest): Locale {
  const value = request.options.language;
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value)
    ? (value as Locale)
    : request.locale;
}

export function booleanOption(request: FaqRequest, name: string, fallback: boolean): boolean {
  const value = request.options[name];
  return typeof value === "boolean" ? value : fallback;
}

/** A whole number option clamped to [min, max]; anything else gives the fallback. */
export function integerOption(
  request: FaqRequest,
  name: string,
  range: { min: number; max: number; fallback: number },
): number {
  const value = request.options[name];
  const n =
    typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return range.fallback;
  return Math.min(range.max, Math.max(range.min, Math.trunc(n)));
}
