import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import {
  type Answer,
  answerKey,
  type Knowledge,
  type Passage,
  type Source,
  type Topic,
  type TopicId,
} from "../core/types.js";

/**
 * The validated knowledge, saved at build time as JSON, so a one-shot command (`policybot ask`)
 * starts without parsing YAML and running every schema again. It is only used while the
 * knowledge folder is exactly as it was when the snapshot was made (same files, sizes and
 * modification times); any edit falls back to the full, validating load.
 */
interface KnowledgeSnapshot {
  format: 1;
  fingerprint: string;
  version: string;
  updated: string;
  topics: Topic[];
  sources: Source[];
  passages: Passage[];
  answers: Answer[];
  synonyms: string[][];
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Cheap (stat only): what make would look at to decide the snapshot is stale. */
export function knowledgeFingerprint(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir).sort()) {
    const stat = statSync(file);
    hash.update(`${relative(dir, file)}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return hash.digest("hex");
}

export function writeKnowledgeSnapshot(file: string, knowledge: Knowledge): void {
  const snapshot: KnowledgeSnapshot = {
    format: 1,
    fingerprint: knowledgeFingerprint(knowledge.dir),
    version: knowledge.version,
    updated: knowledge.updated,
    topics: [...knowledge.topics.values()],
    sources: [...knowledge.sources.values()],
    passages: knowledge.passages,
    answers: [...knowledge.answers.values()],
    synonyms: knowledge.synonyms,
  };
  writeFileSync(file, JSON.stringify(snapshot));
}

/** The snapshot's knowledge, or null when it is missing, unreadable or stale for `dir`. */
export function readKnowledgeSnapshot(file: string, dir: string): Knowledge | null {
  let snapshot: KnowledgeSnapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, "utf8")) as KnowledgeSnapshot;
    if (snapshot.format !== 1 || snapshot.fingerprint !== knowledgeFingerprint(dir)) return null;
  } catch {
    return null;
  }
  return {
    version: snapshot.version,
    updated: snapshot.updated,
    topics: new Map(snapshot.topics.map((t) => [t.id, t] as [TopicId, Topic])),
    sources: new Map(snapshot.sources.map((s) => [s.id, s])),
    passages: snapshot.passages,
    passagesById: new Map(snapshot.passages.map((p) => [p.id, p])),
    answers: new Map(snapshot.answers.map((a) => [answerKey(a.topic, a.lang), a])),
    synonyms: snapshot.synonyms,
    dir,
  };
}
