export { KnowledgeError } from "./errors.js";
export { defaultKnowledgeDir, loadKnowledge } from "./load.js";
export { ANSWER_LIMITS, QUOTE_MAX } from "./schema.js";
export { type QuoteFailure, type QuoteReport, verifyQuotes } from "./verify-quotes.js";
