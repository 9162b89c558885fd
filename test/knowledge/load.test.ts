import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerKey, LOCALES, PLATFORMS, TOPIC_IDS } from "../../src/core/types.js";
import { KnowledgeError } from "../../src/knowledge/errors.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load.js";
import { ANSWER_LIMITS, QUOTE_MAX } from "../../src/knowledge/schema.js";
import { copyKnowledge, edit } from "./helpers.js";

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error("expected loadKnowledge to throw a KnowledgeError");
}

describe("the shipped knowledge", () => {
  const k = loadKnowledge();

  it("is found from the package whether run from src/ or dist/", () => {
    expect(defaultKnowledgeDir()).toMatch(/[\\/]knowledge$/);
    expect(existsSync(join(defaultKnowledgeDir(), "topics.yaml"))).toBe(true);
    expect(k.dir).toBe(defaultKnowledgeDir());
  });

  it("has every topic and an answer per topic and language", () => {
    expect([...k.topics.keys()].sort()).toEqual([...TOPIC_IDS].sort());
    for (const topic of TOPIC_IDS) {
      for (const lang of LOCALES) {
        const answer = k.answers.get(answerKey(topic, lang));
        expect(answer, `${topic}:${lang}`).toBeDefined();
        expect(answer?.lang).toBe(lang);
      }
    }
  });

  it("keeps every answer inside the Discord limits and readable", () => {
    for (const a of k.answers.values()) {
      expect(a.title.length, a.file).toBeLessThanOrEqual(ANSWER_LIMITS.title);
      expect(a.short.length + 2 + a.details.length, a.file).toBeLessThanOrEqual(1500);
      expect((a.pressNote ?? "").length, a.file).toBeLessThanOrEqual(ANSWER_LIMITS.pressNote);
      for (const steps of Object.values(a.steps ?? {})) {
        for (const step of steps ?? []) expect(step.length).toBeLessThanOrEqual(ANSWER_LIMITS.step);
      }
      for (const id of a.supports) expect(k.passagesById.has(id), `${a.file}: ${id}`).toBe(true);
    }
  });

  it("gives opt-out steps for web, iOS and Android in both languages, from the press", () => {
    for (const lang of LOCALES) {
      const a = k.answers.get(answerKey("opt-out", lang));
      for (const p of PLATFORMS) expect(a?.steps?.[p]?.length, `${lang} ${p}`).toBeGreaterThan(0);
      expect(a?.pressNote).toBeTruthy();
    }
    expect(k.answers.get("opt-out:en")?.short).toMatch(/on by default/i);
    expect(k.answers.get("opt-out:fr")?.short).toMatch(/activé par défaut/i);
  });

  it("says the scraping clause does not settle partial millions, in both languages", () => {
    expect(k.answers.get("scraping-damages:en")?.details).toMatch(/pro rata[\s\S]*whole million/);
    expect(k.answers.get("scraping-damages:fr")?.details).toMatch(/prorata[\s\S]*million entier/);
  });

  it("pairs every policy quote with a French translation that points back to it", () => {
    const quotes = k.passages.filter((p) => p.kind === "quote" && p.lang === "en");
    expect(quotes.length).toBeGreaterThanOrEqual(20);
    for (const q of quotes) {
      expect(q.text.length, q.id).toBeLessThanOrEqual(QUOTE_MAX);
      const fr = k.passagesById.get(`${q.id}.fr`);
      expect(fr?.kind, q.id).toBe("translation");
      expect(fr?.translationOf).toBe(q.id);
      expect(fr?.lang).toBe("fr");
    }
  });

  it("indexes the article as French quotes, one per section", () => {
    const article = k.passages.filter((p) => p.sourceId === "article-fr");
    expect(article.map((p) => p.section)).toContain("Une rétention des données plus opaque");
    expect(article.length).toBe(6);
    expect(article.every((p) => p.kind === "quote" && p.lang === "fr")).toBe(true);
  });

  it("dates itself by the newest full source date and hashes its content", () => {
    expect(k.updated).toBe("2026-04-10");
    expect(k.version).toMatch(/^[0-9a-f]{12}$/);
    expect(Array.isArray(k.synonyms)).toBe(true);
  });
});

describe("invalid knowledge is refused with a message a moderator can act on", () => {
  it("names file, record and field for an unknown topic", () => {
    const dir = copyKnowledge();
    edit(dir, "excerpts/pp-2024-download.md", "topics: [account-data]", "topics: [optout]");
    const err = loadError(dir);
    expect(err.message).toBe(
      'knowledge/excerpts/pp-2024-download.md: record "pp-2024-download", field "topics": unknown topic "optout"',
    );
    expect([err.file, err.record, err.field]).toEqual([
      "knowledge/excerpts/pp-2024-download.md",
      "pp-2024-download",
      "topics",
    ]);
  });

  it("refuses a file without front matter", () => {
    const dir = copyKnowledge();
    const file = join(dir, "excerpts/pp-2024-download.md");
    writeFileSync(file, "You can download a copy of your information.\n");
    const err = loadError(dir);
    expect(err.file).toBe("knowledge/excerpts/pp-2024-download.md");
    expect(err.field).toBe("front matter");
    expect(err.message).toMatch(/missing front matter/);
  });

  it("refuses front matter that is not YAML", () => {
    const dir = copyKnowledge();
    edit(dir, "answers/grok.en.md", "topic: grok", "topic: [grok");
    expect(loadError(dir).message).toMatch(
      /grok\.en\.md: field "front matter": front matter is not valid YAML/,
    );
  });

  it("refuses a missing required field", () => {
    const dir = copyKnowledge();
    edit(dir, "excerpts/pp-2024-download.md", /^section: .*\n/m, "");
    const err = loadError(dir);
    expect(err.field).toBe("section");
  });

  it("refuses a duplicate passage id", () => {
    const dir = copyKnowledge();
    const text = readFileSync(join(dir, "excerpts/pp-2024-download.md"), "utf8");
    writeFileSync(join(dir, "summaries/pp-2024-download.md"), text);
    const err = loadError(dir);
    expect(err.field).toBe("id");
    expect(err.message).toMatch(
      /duplicate id "pp-2024-download" \(also in knowledge\/excerpts\/pp-2024-download\.md\)/,
    );
  });

  it("refuses a duplicate id between the article and an excerpt", () => {
    const dir = copyKnowledge();
    edit(dir, "article/article.fr.md", "id: article-fr.retention", "id: pp-2024-retention");
    expect(loadError(dir).message).toMatch(/duplicate id "pp-2024-retention"/);
  });

  it("refuses a duplicate source id", () => {
    const dir = copyKnowledge();
    edit(dir, "sources.yaml", "id: x-terms@2026-04-10", "id: x-terms@2026-01-15");
    const err = loadError(dir);
    expect([err.file, err.record, err.field]).toEqual([
      "knowledge/sources.yaml",
      "x-terms@2026-01-15",
      "id",
    ]);
  });

  it("refuses a passage citing an unknown source", () => {
    const dir = copyKnowledge();
    edit(
      dir,
      "excerpts/pp-2024-download.md",
      "source: x-privacy-policy@2024-11-15",
      "source: x-privacy-policy@2024-11-16",
    );
    expect(loadError(dir).message).toBe(
      'knowledge/excerpts/pp-2024-download.md: record "pp-2024-download", field "source": unknown source "x-privacy-policy@2024-11-16"',
    );
  });

  it("refuses an answer supported by an unknown passage", () => {
    const dir = copyKnowledge();
    edit(
      dir,
      "answers/account-data.en.md",
      "supports: [pp-2024-download,",
      "supports: [pp-2024-downlaod,",
    );
    const err = loadError(dir);
    expect([err.record, err.field]).toEqual(["account-data:en", "supports"]);
    expect(err.message).toMatch(/unknown passage "pp-2024-downlaod"/);
  });

  it("refuses a translation of an unknown passage", () => {
    const dir = copyKnowledge();
    writeFileSync(
      join(dir, "summaries/article-fr.intro.en.md"),
      "---\nid: article-fr.intro.en\nkind: translation\ntranslation_of: article-fr.intr\nsource: article-fr\nsection: Intro\nlang: en\ntopics: [context]\n---\nX is changing its privacy policy.\n",
    );
    const err = loadError(dir);
    expect(err.field).toBe("translation_of");
    expect(err.message).toMatch(/unknown passage "article-fr.intr"/);
  });

  it("refuses an empty text", () => {
    const dir = copyKnowledge();
    const file = join(dir, "excerpts/pp-2024-download.md");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, `${text.slice(0, text.lastIndexOf("---\n") + 4)}\n   \n`);
    const err = loadError(dir);
    expect([err.record, err.field]).toEqual(["pp-2024-download", "body"]);
    expect(err.message).toMatch(/empty text/);
  });

  it("refuses an answer over the Discord limits", () => {
    const long = copyKnowledge();
    writeFileSync(
      join(long, "answers/context.en.md"),
      `${readFileSync(join(long, "answers/context.en.md"), "utf8")}\n${"x".repeat(3800)}\n`,
    );
    expect(loadError(long).message).toMatch(
      /context\.en\.md: record "context:en", field "body": short \+ details is \d+ characters; at most 3800/,
    );

    const title = copyKnowledge();
    edit(title, "answers/context.en.md", /^title: .*$/m, `title: "${"t".repeat(257)}"`);
    expect(loadError(title).field).toBe("title");

    const step = copyKnowledge();
    edit(step, "answers/opt-out.en.md", '- "Switch the toggle off."', `- "${"s".repeat(201)}"`);
    expect(loadError(step).message).toMatch(/field "steps": a step must be at most 200 characters/);

    const note = copyKnowledge();
    edit(note, "answers/context.en.md", /^press_note: .*$/m, `press_note: "${"n".repeat(1001)}"`);
    expect(loadError(note).field).toBe("press_note");
  });

  it("refuses a quote too long for one embed field", () => {
    const dir = copyKnowledge();
    const file = join(dir, "excerpts/pp-2024-download.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}${"word ".repeat(200)}\n`);
    expect(loadError(dir).message).toMatch(/characters; at most 1000/);
  });

  it("refuses a topic without an answer in one language", () => {
    const dir = copyKnowledge();
    rmSync(join(dir, "answers/grok.fr.md"));
    const err = loadError(dir);
    expect(err.file).toBe("knowledge/answers/grok.fr.md");
    expect(err.message).toMatch(/topic "grok" has no answer in fr/);
  });

  it("refuses an opt-out answer without steps for every platform", () => {
    const dir = copyKnowledge();
    edit(dir, "answers/opt-out.fr.md", /^ {2}android:\n(?: {4}- .*\n)+/m, "");
    expect(loadError(dir).message).toMatch(/opt-out answer needs steps for android/);
  });

  it("refuses an answer filed under the wrong name", () => {
    const dir = copyKnowledge();
    edit(dir, "answers/grok.en.md", "lang: en", "lang: fr");
    expect(loadError(dir).message).toMatch(/must be in answers\/grok\.fr\.md/);
  });

  it("refuses topics.yaml without one of the topics", () => {
    const dir = copyKnowledge();
    const file = join(dir, "topics.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, text.indexOf("- id: context")));
    expect(loadError(dir).message).toMatch(
      /topics\.yaml: record "context", field "id": topic "context" is missing/,
    );
  });

  it("refuses an article whose headings drift from its front matter", () => {
    const dir = copyKnowledge();
    edit(
      dir,
      "article/article.fr.md",
      "## Une rétention des données plus opaque",
      "## Une rétention plus opaque",
    );
    expect(loadError(dir).field).toBe("sections");
  });
});

describe("synonyms", () => {
  it("are [] when synonyms.yaml is absent", () => {
    const dir = copyKnowledge();
    rmSync(join(dir, "synonyms.yaml"), { force: true });
    expect(loadKnowledge(dir).synonyms).toEqual([]);
  });

  it("are read as groups of strings, numbers included", () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, "synonyms.yaml"), "- [opt-out, se retirer]\n- [15000, quinze mille]\n");
    expect(loadKnowledge(dir).synonyms).toEqual([
      ["opt-out", "se retirer"],
      ["15000", "quinze mille"],
    ]);
  });

  it("refuses a malformed file", () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, "synonyms.yaml"), "opt-out: se retirer\n");
    expect(loadError(dir).file).toBe("knowledge/synonyms.yaml");
  });
});

it("changes its version when any knowledge file changes", () => {
  const dir = copyKnowledge();
  const before = loadKnowledge(dir).version;
  edit(dir, "answers/context.en.md", "Why X is changing its policy", "Why X changes its policy");
  expect(loadKnowledge(dir).version).not.toBe(before);
});
