import { buildSearchIndex, type SearchIndex } from "../search/index.js";
import type { Knowledge } from "./types.js";

/** Everything a command needs to answer: the knowledge and its index. Immutable once built. */
export interface Core {
  knowledge: Knowledge;
  index: SearchIndex;
  /** When this core was built (ms since epoch), for uptime and reload reports. */
  builtAt: number;
}

export function coreFrom(knowledge: Knowledge): Core {
  return { knowledge, index: buildSearchIndex(knowledge), builtAt: Date.now() };
}
