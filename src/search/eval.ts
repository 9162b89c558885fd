import { isTopicId, type TopicId } from "../core/types.js";
import type { SearchIndex } from "./build.js";
import { search } from "./search.js";

/** One labelled question; `topics: []` means the search must abstain. */
export interface EvalCase {
  q: string;
  topics: TopicId[];
}

export interface EvalMiss {
  q: string;
  expected: TopicId[];
  got: TopicId | null;
  confidence: number;
}

export interface EvalReport {
  inScope: number;
  inScopeCorrect: number;
  /** inScopeCorrect / inScope (0 when there is no in-scope case). */
  top1: number;
  outOfScope: number;
  abstained: number;
  /** abstained / outOfScope (0 when there is no out-of-scope case). */
  abstention: number;
  misses: EvalMiss[];
}

/**
 * Reads a JSONL eval file: one `{"q": string, "topics": TopicId[]}` per
 * line, blank lines allowed. Throws an Error naming the first bad line.
 */
export function parseEvalFile(text: string): EvalCase[] {
  const cases: EvalCase[] = [];
  String(text)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === "") return;
      const where = `eval file line ${i + 1}`;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (err) {
        throw new Error(`${where}: not valid JSON (${(err as Error).message})`);
      }
      if (!data || typeof data !== "object" || Array.isArray(data)) {
        throw new Error(`${where}: expected an object {"q": ..., "topics": [...]}`);
      }
      const { q, topics } = data as { q?: unknown; topics?: unknown };
      if (typeof q !== "string") throw new Error(`${where}: "q" must be a string`);
      if (!Array.isArray(topics)) throw new Error(`${where}: "topics" must be a list of topic ids`);
      for (const t of topics) {
        if (typeof t !== "string" || !isTopicId(t)) {
          throw new Error(`${where}: unknown topic ${JSON.stringify(t)}`);
        }
      }
      cases.push({ q, topics: topics as TopicId[] });
    });
  return cases;
}

/** Top-1 accuracy on in-scope questions and the abstention rate on the others. */
export function evaluate(index: SearchIndex, cases: EvalCase[]): EvalReport {
  const report: EvalReport = {
    inScope: 0,
    inScopeCorrect: 0,
    top1: 0,
    outOfScope: 0,
    abstained: 0,
    abstention: 0,
    misses: [],
  };
  for (const c of cases) {
    const r = search(index, c.q);
    const miss = { q: c.q, expected: c.topics, got: r.topic, confidence: r.confidence };
    if (c.topics.length === 0) {
      report.outOfScope++;
      if (!r.answered) report.abstained++;
      else report.misses.push(miss);
    } else {
      report.inScope++;
      if (r.answered && r.topic !== null && c.topics.includes(r.topic)) report.inScopeCorrect++;
      else report.misses.push(miss);
    }
  }
  report.top1 = report.inScope ? report.inScopeCorrect / report.inScope : 0;
  report.abstention = report.outOfScope ? report.abstained / report.outOfScope : 0;
  return report;
}
