import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { KnowledgeError } from "./errors.js";
import { loadKnowledge } from "./load.js";
import { snapshotFile } from "./paths.js";
import { writeKnowledgeSnapshot } from "./snapshot.js";

// Run by `npm run build`: validating the knowledge here also means a broken knowledge file
// fails the build with the file, record and field, before anything ships.
try {
  const knowledge = loadKnowledge();
  const file = snapshotFile();
  mkdirSync(dirname(file), { recursive: true });
  writeKnowledgeSnapshot(file, knowledge);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  process.stderr.write(`policybot: invalid knowledge: ${error.message}\n`);
  process.exitCode = 1;
}
