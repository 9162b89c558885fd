import { resolve } from "node:path";
import { type Core, coreFrom } from "../core/core-from.js";
import { defaultKnowledgeDir, snapshotFile } from "../knowledge/paths.js";
import { readKnowledgeSnapshot } from "../knowledge/snapshot.js";

/**
 * The CLI answers one question and exits, so start-up is most of its time: use the build's
 * snapshot of the validated knowledge when the folder has not changed since, and only load the
 * YAML parser and schemas (the full, validating load) when it has.
 */
export async function loadCliCore(dir?: string): Promise<Core> {
  const knowledgeDir = dir ? resolve(dir) : defaultKnowledgeDir();
  const snapshot = readKnowledgeSnapshot(snapshotFile(), knowledgeDir);
  if (snapshot) return coreFrom(snapshot);
  const { loadKnowledge } = await import("../knowledge/load.js");
  return coreFrom(loadKnowledge(knowledgeDir));
}
