import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { defaultKnowledgeDir } from "../../src/knowledge/load.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away copy of the shipped knowledge folder, named `knowledge` like the real one. */
export function copyKnowledge(): string {
  const root = mkdtempSync(join(tmpdir(), "policybot-kb-"));
  made.push(root);
  const dir = join(root, "knowledge");
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  return dir;
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "policybot-kb-"));
  made.push(dir);
  return dir;
}

/** Rewrites one file of a knowledge copy; fails loudly if the edit did not apply. */
export function edit(dir: string, rel: string, from: string | RegExp, to: string): void {
  const path = join(dir, rel);
  const before = readFileSync(path, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit did not apply to ${rel}: ${String(from)}`);
  writeFileSync(path, after);
}

/** The shared verbatim captures beside the checkout, when this machine has them. */
export const SHARED_SOURCES = join(defaultKnowledgeDir(), "..", "..", "shared", "sources");
