export { type AskOutcome, answerQuestion, MAX_QUESTION_CHARS, noAnswerReply } from "./ask.js";
export {
  type DamagesEstimate,
  type DamagesOutcome,
  estimateDamages,
  parsePostCount,
} from "./damages.js";
export { damagesClause, damagesReply } from "./damages-reply.js";
export { otherLocale, t, toLocale } from "./i18n.js";
export { aboutReply, type BotInfo, errorReply, helpReply, rateLimitedReply } from "./info.js";
export { type EmbedLayout, layoutReply, layoutSize, truncate } from "./layout.js";
export { optOutReply } from "./optout.js";
export { decodeRequest, encodeRequest, replayRequest } from "./replay.js";
export { retentionReply } from "./retention.js";
export { type Suggestion, suggestQuestions } from "./suggest.js";
export { sourceReply, topicReply } from "./topic.js";
