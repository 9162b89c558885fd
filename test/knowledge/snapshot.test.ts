import { cpSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { defaultKnowledgeDir } from "../../src/knowledge/paths.js";
import { readKnowledgeSnapshot, writeKnowledgeSnapshot } from "../../src/knowledge/snapshot.js";

const work = mkdtempSync(join(tmpdir(), "policybot-snapshot-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("knowledge snapshot", () => {
  const dir = join(work, "knowledge");
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  const file = join(work, "snapshot.json");

  it("gives back exactly what the validating load gives", () => {
    const full = loadKnowledge(dir);
    writeKnowledgeSnapshot(file, full);
    expect(readKnowledgeSnapshot(file, dir)).toEqual(full);
  });

  it("is refused once any knowledge file changes, so an edit is never hidden", () => {
    writeKnowledgeSnapshot(file, loadKnowledge(dir));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, "topics.yaml"), later, later);
    expect(readKnowledgeSnapshot(file, dir)).toBeNull();
  });

  it("is refused when missing or unreadable", () => {
    expect(readKnowledgeSnapshot(join(work, "missing.json"), dir)).toBeNull();
    expect(readKnowledgeSnapshot(join(dir, "topics.yaml"), dir)).toBeNull();
  });
});
