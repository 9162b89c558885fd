import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { Knowledge, TopicId } from "../src/core/types.js";
import { buildSearchIndex, search } from "../src/search/index.js";
import { terms } from "../src/search/normalize.js";

/** Answers a question with a topic, or null to abstain. */
export type Ask = (question: string) => TopicId | null;

/** A search engine under comparison: builds on a knowledge base, then answers. */
export interface Engine {
  name: string;
  build(knowledge: Knowledge): Ask;
}

/** This project: inverted index + BM25 to topics, Fuse on the vocabulary, abstention. */
export const policybot: Engine = {
  name: "policybot",
  build(knowledge) {
    const index = buildSearchIndex(knowledge);
    return (q) => search(index, q).topic;
  },
};

/** fuse.js with defaults, the whole question as one pattern over passage texts. */
export const naiveFuse: Engine = {
  name: "naive fuse.js",
  build(knowledge) {
    const fuse = new Fuse(knowledge.passages, { keys: ["text"] });
    return (q) => fuse.search(q, { limit: 1 })[0]?.item.topics[0] ?? null;
  },
};

/** MiniSearch (fuzzy 0.2, prefix) with our normalization; topic of the best passage. */
export const miniSearch: Engine = {
  name: "minisearch",
  build(knowledge) {
    const passages = knowledge.passages;
    const ms = new MiniSearch<{ id: number; text: string }>({
      fields: ["text"],
      tokenize: (text) => terms(text),
      processTerm: (term) => term,
      searchOptions: { fuzzy: 0.2, prefix: true },
    });
    ms.addAll(passages.map((p, id) => ({ id, text: `${p.section}\n${p.text}` })));
    return (q) => {
      const best = ms.search(q)[0];
      return best ? (passages[best.id as number]?.topics[0] ?? null) : null;
    };
  },
};

export const ENGINES: Engine[] = [policybot, naiveFuse, miniSearch];
