#!/usr/bin/env node
/**
 * Checks every quote in the knowledge base against the verbatim captures.
 * Usage: verify-quotes --sources DIR [--knowledge DIR]
 * Exit 0: all quotes verified; 1: a quote failed (or the knowledge is invalid); 2: usage error.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { KnowledgeError } from "../knowledge/errors.js";
import { loadKnowledge } from "../knowledge/load.js";
import { verifyQuotes } from "../knowledge/verify-quotes.js";

const USAGE = "usage: verify-quotes --sources DIR [--knowledge DIR]";

function main(argv: string[]): number {
  let values: { sources?: string; knowledge?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { sources: { type: "string" }, knowledge: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${(err as Error).message.split("\n")[0]}; ${USAGE}`);
    return 2;
  }
  if (!values.sources) {
    console.error(`missing --sources; ${USAGE}`);
    return 2;
  }
  if (!existsSync(values.sources)) {
    console.error(`sources folder not found: ${values.sources}; ${USAGE}`);
    return 2;
  }
  let knowledge: ReturnType<typeof loadKnowledge>;
  try {
    knowledge = loadKnowledge(values.knowledge);
  } catch (err) {
    if (err instanceof KnowledgeError) {
      console.error(`invalid knowledge: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const report = verifyQuotes(knowledge, values.sources);
  for (const f of report.failures) {
    console.log(`FAIL ${f.passageId} (${f.file}, ${f.sourceId}): ${f.reason}`);
  }
  const ok = report.checked - new Set(report.failures.map((f) => f.passageId)).size;
  console.log(
    `${report.failures.length === 0 ? "OK" : "FAILED"}: ${report.checked} quotes checked, ${ok} verified, ${report.failures.length} failures (knowledge ${knowledge.version})`,
  );
  return report.failures.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
