import { resolve } from "node:path";
import { loadKnowledge } from "../knowledge/load.js";
import { defaultKnowledgeDir, snapshotFile } from "../knowledge/paths.js";
import { readKnowledgeSnapshot } from "../knowledge/snapshot.js";
import { type Core, coreFrom } from "./core-from.js";

export { type Core, coreFrom } from "./core-from.js";

/** Loads and validates the knowledge folder (default: the shipped one) and indexes it. */
export function createCore(dir?: string): Core {
  return coreFrom(loadKnowledge(dir));
}

/**
 * The same knowledge, from the build's validated snapshot when the folder has not changed since
 * the build (else the full load): a bot starting up skips parsing every file again, and the
 * ~10 MB of garbage that parsing leaves in its memory. Reloads after an edit use createCore.
 */
export function loadCore(dir?: string): Core {
  const knowledgeDir = dir ? resolve(dir) : defaultKnowledgeDir();
  return coreFrom(
    readKnowledgeSnapshot(snapshotFile(), knowledgeDir) ?? loadKnowledge(knowledgeDir),
  );
}
