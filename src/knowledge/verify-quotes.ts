import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Knowledge, Passage, Source } from "../core/types.js";
import { foldWhitespace, markdownMarkup, markdownToPlain } from "./plain-text.js";

export interface QuoteFailure {
  passageId: string;
  /** Knowledge file the passage comes from, relative to the knowledge folder. */
  file: string;
  sourceId: string;
  reason: string;
}

export interface QuoteReport {
  checked: number;
  failures: QuoteFailure[];
}

/** Where the capture of a source version lives under the shared sources folder. */
export function captureFile(source: Source, sourcesDir: string): string | null {
  const version = source.id.split("@")[1] ?? source.version;
  switch (source.kind) {
    case "privacy-policy":
      return join(sourcesDir, "x-privacy-policy", `${version}.md`);
    case "terms":
      return join(sourcesDir, "x-terms-of-service", `${version}.md`);
    case "article":
      return join(sourcesDir, "..", `${source.id.replace(/^article-/, "article.")}.md`);
    default:
      return null;
  }
}

/**
 * Checks that every quote is verbatim (whitespace folded) in the capture of
 * the version it cites, that sources without a capture (press, regulator)
 * carry only summaries, and that the article is indexed whole.
 * Pure apart from reading the captures.
 */
export function verifyQuotes(knowledge: Knowledge, sourcesDir: string): QuoteReport {
  const failures: QuoteFailure[] = [];
  const captures = new Map<string, string | null>();
  const captureOf = (source: Source): string | null => {
    if (!captures.has(source.id)) {
      const file = captureFile(source, sourcesDir);
      const raw = file && existsSync(file) ? readFileSync(file, "utf8") : null;
      // The article is plain text; the policy captures are Markdown.
      const plain = raw === null ? null : source.kind === "article" ? raw : markdownToPlain(raw);
      captures.set(source.id, plain === null ? null : foldWhitespace(plain));
    }
    return captures.get(source.id) ?? null;
  };

  let checked = 0;
  for (const passage of knowledge.passages) {
    if (passage.kind !== "quote") continue;
    checked++;
    const fail = (reason: string) =>
      failures.push({
        passageId: passage.id,
        file: passage.file,
        sourceId: passage.sourceId,
        reason,
      });
    const source = knowledge.sources.get(passage.sourceId);
    if (!source) {
      fail("unknown source");
      continue;
    }
    if (source.kind === "press" || source.kind === "regulator") {
      fail(`${source.kind} sources have no capture: write a summary, not a quote`);
      continue;
    }
    const capture = captureOf(source);
    if (capture === null) {
      fail(`no capture at ${captureFile(source, sourcesDir) ?? "(none)"}`);
      continue;
    }
    const markup = source.kind === "article" ? null : markdownMarkup(passage.text);
    if (markup) {
      fail(`contains ${markup}: quotes are stored as the plain text of the page`);
      continue;
    }
    if (!capture.includes(foldWhitespace(passage.text))) {
      fail(`not found verbatim in ${source.id}${nearMiss(passage, capture)}`);
    }
  }
  failures.push(...articleCoverage(knowledge, captureOf));
  return { checked, failures };
}

/** Points at the first word where the quote stops matching, so the fix is quick. */
function nearMiss(passage: Passage, capture: string): string {
  const words = foldWhitespace(passage.text).split(" ");
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (capture.includes(words.slice(0, mid).join(" "))) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return " (not even its first word)";
  return ` (matches up to "${words.slice(Math.max(0, lo - 4), lo).join(" ")}", then differs at "${words[lo] ?? ""}")`;
}

/** The article must be indexed whole: its headings and sections, in order, rebuild it. */
function articleCoverage(
  knowledge: Knowledge,
  captureOf: (s: Source) => string | null,
): QuoteFailure[] {
  const failures: QuoteFailure[] = [];
  for (const source of knowledge.sources.values()) {
    if (source.kind !== "article") continue;
    const parts = knowledge.passages.filter((p) => p.sourceId === source.id && p.kind === "quote");
    const capture = captureOf(source);
    if (capture === null || parts.length === 0) continue;
    const rebuilt = foldWhitespace(parts.map((p) => `${p.section}\n${p.text}`).join("\n"));
    if (rebuilt !== capture) {
      failures.push({
        passageId: "*",
        file: parts[0]?.file ?? "",
        sourceId: source.id,
        reason:
          "the article is not indexed whole: its sections, in order, do not rebuild the original",
      });
    }
  }
  return failures;
}
