/**
 * The moderators' FAQ features as plain functions: /faq post|unpin|list|refresh|stats|reload,
 * the "Answer with policybot" context menu, the replace-pin button, start-up reconciliation
 * and knowledge reload. No discord.js: Discord is reached through FaqDiscordPort.
 */
export { type AnswerMessageRequest, answerMessage } from "./answer-message.js";
export { decodeReplacePin, encodeReplacePin, isFaqButton } from "./buttons.js";
export { faqButtonRows } from "./components.js";
export type { FaqLogger } from "./deps.js";
export {
  currentFaqHash,
  decodeFaqVersion,
  encodeFaqVersion,
  faqContentHash,
  isOutdated,
  type StoredFaqVersion,
} from "./hash.js";
export { type FaqMessageKey, ft, languageName, permissionList } from "./i18n.js";
export { jumpLink } from "./links.js";
export { type FaqListEntry, faqEntries } from "./list.js";
export { faqMessage } from "./message.js";
export {
  asRefusal,
  DISCORD_CODES,
  DiscordRefusal,
  type FaqDiscordPort,
} from "./port.js";
export { type ReconcileReport, reconcileFaq } from "./reconcile.js";
export { type RefreshReport, refreshGuild } from "./refresh.js";
export {
  changedTopics,
  createKnowledgeHolder,
  type KnowledgeHolder,
  type ReloadError,
  type ReloadOutcome,
  type WatchOptions,
  watchKnowledge,
} from "./reload.js";
export type { FaqButton, FaqReply } from "./reply.js";
export type { FaqOptionValue, FaqRequest } from "./request.js";
export {
  createFaqService,
  FAQ_DEFERRED_SUBCOMMANDS,
  FAQ_SUBCOMMANDS,
  type FaqService,
  type FaqServiceOptions,
  type FaqSubcommand,
} from "./service.js";
export { STATS_DAYS } from "./stats.js";
