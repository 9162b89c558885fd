export { buildSearchIndex, type SearchIndex } from "./build.js";
export {
  type EvalCase,
  type EvalMiss,
  type EvalReport,
  evaluate,
  parseEvalFile,
} from "./eval.js";
export { detectLocale } from "./locale.js";
export { normalize } from "./normalize.js";
export {
  CONFIDENCE_THRESHOLD,
  type PassageHit,
  type SearchOptions,
  type SearchResult,
  search,
  suggestTopics,
  type TopicScore,
} from "./search.js";
