import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Knowledge, Passage, Source } from "../../src/core/types.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load.js";
import { markdownToPlain } from "../../src/knowledge/plain-text.js";
import { verifyQuotes } from "../../src/knowledge/verify-quotes.js";
import { copyKnowledge, edit, SHARED_SOURCES, tempDir } from "./helpers.js";

const haveSources = existsSync(SHARED_SOURCES);
const noSources = `skipped: no captures at ${SHARED_SOURCES}`;

function source(id: string, kind: Source["kind"]): Source {
  return {
    id,
    title: id,
    publisher: "X Corp.",
    kind,
    url: "https://x.com/en/privacy",
    version: "2024-11-15",
    lang: "en",
  };
}

function passage(
  id: string,
  sourceId: string,
  text: string,
  kind: Passage["kind"] = "quote",
): Passage {
  return {
    id,
    topics: ["retention"],
    sourceId,
    section: "4",
    lang: "en",
    kind,
    text,
    file: `excerpts/${id}.md`,
  };
}

/** A hand-made knowledge base over a hand-made capture: no dependency on the shared folder. */
function fixture(passages: Passage[]): { knowledge: Knowledge; sourcesDir: string } {
  const sourcesDir = join(tempDir(), "sources");
  mkdirSync(join(sourcesDir, "x-privacy-policy"), { recursive: true });
  writeFileSync(
    join(sourcesDir, "x-privacy-policy", "2024-11-15.md"),
    '4\\. How Long We Keep Information\n--------\n\n**With partners.** Depending on your [settings](https://x.com/settings/account "s"),  \nwe keep\u00a0things.\n\n* We keep cookies for up to 13 months.\n',
  );
  const sources = new Map<string, Source>([
    ["x-privacy-policy@2024-11-15", source("x-privacy-policy@2024-11-15", "privacy-policy")],
    ["9to5mac", source("9to5mac", "press")],
  ]);
  const knowledge: Knowledge = {
    version: "test",
    updated: "2024-11-15",
    topics: new Map(),
    sources,
    passages,
    passagesById: new Map(passages.map((p) => [p.id, p])),
    answers: new Map(),
    synonyms: [],
    dir: "/nowhere",
  };
  return { knowledge, sourcesDir };
}

describe("verifyQuotes on a small capture", () => {
  const pp = "x-privacy-policy@2024-11-15";

  it("accepts the plain text of the page, whatever the line breaks", () => {
    const { knowledge, sourcesDir } = fixture([
      passage("a", pp, "With partners. Depending on your settings,\nwe keep things."),
      passage("b", pp, "4. How Long We Keep Information"),
      passage("c", pp, "We keep cookies for up to 13 months."),
      passage("summary", "9to5mac", "Our words.", "summary"),
    ]);
    expect(verifyQuotes(knowledge, sourcesDir)).toEqual({ checked: 3, failures: [] });
  });

  it("names a quote that is not in the capture and where it departs", () => {
    const { knowledge, sourcesDir } = fixture([
      passage("a", pp, "With partners. Depending on your choices, we keep things."),
    ]);
    const { failures } = verifyQuotes(knowledge, sourcesDir);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ passageId: "a", file: "excerpts/a.md", sourceId: pp });
    expect(failures[0]?.reason).toMatch(/not found verbatim .*differs at "choices,"/);
  });

  it("refuses Markdown inside a quote", () => {
    const { knowledge, sourcesDir } = fixture([
      passage("a", pp, "**With partners.** Depending on your settings"),
    ]);
    expect(verifyQuotes(knowledge, sourcesDir).failures[0]?.reason).toMatch(/bold markers/);
  });

  it("refuses a quote of a press source, which has no capture", () => {
    const { knowledge, sourcesDir } = fixture([passage("p", "9to5mac", "Anything")]);
    expect(verifyQuotes(knowledge, sourcesDir).failures[0]?.reason).toMatch(
      /press sources have no capture/,
    );
  });

  it("reports a missing capture instead of crashing", () => {
    const { knowledge, sourcesDir } = fixture([passage("a", pp, "With partners.")]);
    knowledge.sources.set(pp, {
      ...source(pp, "privacy-policy"),
      id: "x-privacy-policy@2030-01-01",
    });
    const { failures } = verifyQuotes(knowledge, join(sourcesDir, "elsewhere"));
    expect(failures[0]?.reason).toMatch(/no capture at/);
  });
});

it("renders Markdown links, bold, escapes and bullets to the text a reader sees", () => {
  expect(
    markdownToPlain(
      '3\\. Sharing\n**[Learn](#c "t")** and [](https://a.b)[here](https://x.com/a_(b)).\n* item',
    ),
  ).toBe("3. Sharing\nLearn and here.\nitem");
});

describe("the shipped knowledge against the shared captures", () => {
  it.skipIf(!haveSources)(
    `verifies every quote verbatim${haveSources ? "" : ` (${noSources})`}`,
    () => {
      const report = verifyQuotes(loadKnowledge(), SHARED_SOURCES);
      expect(report.failures).toEqual([]);
      expect(report.checked).toBeGreaterThanOrEqual(25);
    },
  );

  it.skipIf(!haveSources)(`names a tampered quote${haveSources ? "" : ` (${noSources})`}`, () => {
    const dir = copyKnowledge();
    edit(
      dir,
      "excerpts/terms-2024-liquidated-damages.md",
      "$15,000 USD per 1,000,000 posts.",
      "$1,500 USD per 1,000,000 posts.",
    );
    const { failures } = verifyQuotes(loadKnowledge(dir), SHARED_SOURCES);
    expect(failures.map((f) => f.passageId)).toEqual(["terms-2024-liquidated-damages"]);
  });

  it.skipIf(!haveSources)(
    `notices an article no longer indexed whole${haveSources ? "" : ` (${noSources})`}`,
    () => {
      const dir = copyKnowledge();
      const file = join(dir, "article/article.fr.md");
      // Dropping the last paragraph leaves every passage verbatim, but the article incomplete.
      const text = readFileSync(file, "utf8");
      writeFileSync(file, text.replace(/\nIl reste à voir.*\n?$/, "\n"));
      const { failures } = verifyQuotes(loadKnowledge(dir), SHARED_SOURCES);
      expect(failures).toHaveLength(1);
      expect(failures[0]?.reason).toMatch(/not indexed whole/);
    },
  );

  it.skipIf(!haveSources)(
    `fails a press passage turned into a quote${haveSources ? "" : ` (${noSources})`}`,
    () => {
      const dir = copyKnowledge();
      edit(dir, "summaries/dpc-inquiry-2025.md", "kind: summary", "kind: quote");
      const { failures } = verifyQuotes(loadKnowledge(dir), SHARED_SOURCES);
      expect(failures.map((f) => f.passageId)).toEqual(["dpc-inquiry-2025"]);
    },
  );
});

describe("the verify-quotes command", () => {
  const cli = join(defaultKnowledgeDir(), "..", "dist", "src", "cli", "verify-quotes.js");
  const built = existsSync(cli);
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  const why = built ? "" : " (skipped: run `npx tsc -p .` first)";

  it.skipIf(!built)(`exits 2 with one usage line on bad arguments${why}`, () => {
    const r = run("--nope");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(run().status).toBe(2);
  });

  it.skipIf(!built || !haveSources)(
    `exits 0 on the shipped knowledge, 1 on a tampered copy${why}`,
    () => {
      const ok = run("--sources", SHARED_SOURCES);
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/^OK: \d+ quotes checked/m);
      const dir = copyKnowledge();
      edit(dir, "excerpts/pp-2024-download.md", "such as your posts", "such as your photos");
      const bad = run("--sources", SHARED_SOURCES, "--knowledge", dir);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/FAIL pp-2024-download \(excerpts\/pp-2024-download\.md/);
      expect(bad.stdout).toMatch(/^FAILED: /m);
    },
    // Two cold processes, each validating the whole knowledge: slow when the suite runs in parallel.
    60_000,
  );
});
