import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import {
  type Answer,
  answerKey,
  type Knowledge,
  LOCALES,
  type Passage,
  PLATFORMS,
  type Source,
  TOPIC_IDS,
  type Topic,
  type TopicId,
} from "../core/types.js";
import { splitArticle } from "./article.js";
import { KnowledgeError } from "./errors.js";
import { splitFrontMatter } from "./front-matter.js";
import { defaultKnowledgeDir } from "./paths.js";
import {
  ANSWER_LIMITS,
  answerFileSchema,
  articleFileSchema,
  passageFileSchema,
  QUOTE_MAX,
  sourceSchema,
  synonymsSchema,
  topicSchema,
} from "./schema.js";

export { defaultKnowledgeDir } from "./paths.js";

/** Folders whose `*.md` files each hold one passage (front matter + text). */
const PASSAGE_DIRS = ["excerpts", "summaries"] as const;

/**
 * Reads and validates the whole knowledge folder. Synchronous because it runs
 * once at start-up and every caller (bot, CLI, tests) needs it before anything else.
 * Throws KnowledgeError naming the file, record and field at fault.
 */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): Knowledge {
  return new Loader(resolve(dir)).load();
}

class Loader {
  private readonly label: string;
  private readonly read: { rel: string; content: string }[] = [];
  private readonly passages: Passage[] = [];
  private readonly passagesById = new Map<string, Passage>();
  private readonly pendingTranslations: Passage[] = [];

  constructor(private readonly dir: string) {
    this.label = basename(dir);
  }

  load(): Knowledge {
    if (!existsSync(this.dir))
      throw this.error("", "", "", `knowledge folder not found: ${this.dir}`);
    const topics = this.loadTopics();
    const sources = this.loadSources();
    for (const sub of PASSAGE_DIRS) {
      for (const rel of this.listMarkdown(sub)) this.loadPassageFile(rel, sources);
    }
    for (const rel of this.listMarkdown("article")) this.loadArticle(rel, sources);
    for (const p of this.pendingTranslations) {
      if (!p.translationOf || !this.passagesById.has(p.translationOf)) {
        throw this.error(
          p.file,
          p.id,
          "translation_of",
          `unknown passage "${p.translationOf ?? ""}"`,
        );
      }
    }
    const answers = this.loadAnswers();
    const synonyms = this.loadSynonyms();
    return {
      version: this.contentHash(),
      updated: newestDate([...sources.values()]),
      topics,
      sources,
      passages: this.passages,
      passagesById: this.passagesById,
      answers,
      synonyms,
      dir: this.dir,
    };
  }

  private error(rel: string, record: string, field: string, problem: string): KnowledgeError {
    return new KnowledgeError(rel ? `${this.label}/${rel}` : this.label, record, field, problem);
  }

  private readText(rel: string): string {
    const content = readFileSync(join(this.dir, rel), "utf8");
    this.read.push({ rel, content });
    return content;
  }

  private readYamlList(rel: string): unknown[] {
    if (!existsSync(join(this.dir, rel))) throw this.error(rel, "", "", "file is missing");
    let data: unknown;
    try {
      data = parseYaml(this.readText(rel));
    } catch (err) {
      throw this.error(rel, "", "", `not valid YAML: ${(err as Error).message.split("\n")[0]}`);
    }
    if (!Array.isArray(data)) throw this.error(rel, "", "", "must be a YAML list of records");
    return data;
  }

  private listMarkdown(sub: string): string[] {
    const full = join(this.dir, sub);
    if (!existsSync(full)) return [];
    return readdirSync(full)
      .filter((name) => name.endsWith(".md") && !name.startsWith("README"))
      .sort()
      .map((name) => `${sub}/${name}`);
  }

  /** Validates with zod and turns the first issue into a located KnowledgeError. */
  private parse<S extends z.ZodType>(
    schema: S,
    data: unknown,
    rel: string,
    record: string,
  ): z.infer<S> {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const field = issue?.path[0] !== undefined ? String(issue.path[0]) : "";
    const ownId =
      data && typeof data === "object" && "id" in data && typeof data.id === "string"
        ? data.id
        : "";
    const recordId = ownId || record;
    throw this.error(rel, recordId, field, issue?.message ?? "invalid");
  }

  private frontMatter(rel: string): { data: unknown; body: string } {
    const doc = splitFrontMatter(this.readText(rel));
    if ("error" in doc) throw this.error(rel, "", "front matter", doc.error);
    return doc;
  }

  private loadTopics(): Map<TopicId, Topic> {
    const rel = "topics.yaml";
    const topics = new Map<TopicId, Topic>();
    for (const [i, raw] of this.readYamlList(rel).entries()) {
      const t = this.parse(topicSchema, raw, rel, `#${i + 1}`);
      if (topics.has(t.id)) throw this.error(rel, t.id, "id", `duplicate id "${t.id}"`);
      topics.set(t.id, t);
    }
    for (const id of TOPIC_IDS) {
      if (!topics.has(id)) throw this.error(rel, id, "id", `topic "${id}" is missing`);
    }
    return topics;
  }

  private loadSources(): Map<string, Source> {
    const rel = "sources.yaml";
    const sources = new Map<string, Source>();
    for (const [i, raw] of this.readYamlList(rel).entries()) {
      const s = this.parse(sourceSchema, raw, rel, `#${i + 1}`);
      if (sources.has(s.id)) throw this.error(rel, s.id, "id", `duplicate id "${s.id}"`);
      sources.set(s.id, s);
    }
    return sources;
  }

  private addPassage(p: Passage): void {
    if (this.passagesById.has(p.id)) {
      const first = this.passagesById.get(p.id)?.file ?? "";
      throw this.error(
        p.file,
        p.id,
        "id",
        `duplicate id "${p.id}" (also in ${this.label}/${first})`,
      );
    }
    this.passages.push(p);
    this.passagesById.set(p.id, p);
    if (p.kind === "translation") this.pendingTranslations.push(p);
  }

  private loadPassageFile(rel: string, sources: Map<string, Source>): void {
    const { data, body } = this.frontMatter(rel);
    const meta = this.parse(passageFileSchema, data, rel, "");
    const stem = basename(rel, ".md");
    if (meta.id !== stem) {
      throw this.error(rel, meta.id, "id", `id must match the file name ("${stem}")`);
    }
    const source = sources.get(meta.source);
    if (!source) throw this.error(rel, meta.id, "source", `unknown source "${meta.source}"`);
    const text = body.trim();
    if (!text) throw this.error(rel, meta.id, "body", "empty text");
    if (meta.kind === "quote" && meta.lang !== source.lang) {
      throw this.error(
        rel,
        meta.id,
        "lang",
        `a quote is in its source's language (${source.lang})`,
      );
    }
    if ((meta.kind === "translation") !== (meta.translation_of !== undefined)) {
      throw this.error(
        rel,
        meta.id,
        "translation_of",
        "required for a translation, and only for one",
      );
    }
    for (const [field, value] of [
      ["body", text],
      ["fr", meta.fr ?? ""],
    ] as const) {
      if (value.length > QUOTE_MAX) {
        throw this.error(
          rel,
          meta.id,
          field,
          `${value.length} characters; at most ${QUOTE_MAX} so it fits one embed field`,
        );
      }
    }
    const base = { topics: meta.topics, sourceId: meta.source, section: meta.section, file: rel };
    this.addPassage({
      ...base,
      id: meta.id,
      lang: meta.lang,
      kind: meta.kind,
      text,
      ...(meta.translation_of ? { translationOf: meta.translation_of } : {}),
    });
    if (meta.fr !== undefined) {
      if (meta.lang === "fr") throw this.error(rel, meta.id, "fr", "the passage is already French");
      this.addPassage({
        ...base,
        id: `${meta.id}.fr`,
        lang: "fr",
        kind: meta.kind === "quote" ? "translation" : meta.kind,
        text: meta.fr.trim(),
        ...(meta.kind === "quote" ? { translationOf: meta.id } : {}),
      });
    }
  }

  private loadArticle(rel: string, sources: Map<string, Source>): void {
    const { data, body } = this.frontMatter(rel);
    const meta = this.parse(articleFileSchema, data, rel, "");
    const source = sources.get(meta.source);
    if (!source) throw this.error(rel, "", "source", `unknown source "${meta.source}"`);
    if (source.kind !== "article") {
      throw this.error(
        rel,
        "",
        "source",
        `source "${meta.source}" is a ${source.kind}, not an article`,
      );
    }
    const sections = splitArticle(body, meta.sections);
    if ("error" in sections) throw this.error(rel, "", sections.field, sections.error);
    for (const s of sections) {
      this.addPassage({
        id: s.meta.id,
        topics: s.meta.topics,
        sourceId: meta.source,
        section: s.heading,
        lang: meta.lang,
        kind: "quote",
        text: s.text,
        file: rel,
      });
    }
  }

  private loadAnswers(): Map<string, Answer> {
    const answers = new Map<string, Answer>();
    for (const rel of this.listMarkdown("answers")) {
      const { data, body } = this.frontMatter(rel);
      const meta = this.parse(answerFileSchema, data, rel, "");
      const key = answerKey(meta.topic, meta.lang);
      const expected = `${meta.topic}.${meta.lang}.md`;
      if (basename(rel) !== expected) {
        throw this.error(rel, key, "topic", `an answer to ${key} must be in answers/${expected}`);
      }
      const details = body.trim();
      if (!details) throw this.error(rel, key, "body", "empty text (the body holds the details)");
      const bodyLength = meta.short.trim().length + 2 + details.length;
      if (bodyLength > ANSWER_LIMITS.body) {
        throw this.error(
          rel,
          key,
          "body",
          `short + details is ${bodyLength} characters; at most ${ANSWER_LIMITS.body}`,
        );
      }
      for (const id of meta.supports) {
        if (!this.passagesById.has(id))
          throw this.error(rel, key, "supports", `unknown passage "${id}"`);
      }
      if (meta.topic === "opt-out") {
        for (const platform of PLATFORMS) {
          if (!meta.steps?.[platform]) {
            throw this.error(rel, key, "steps", `the opt-out answer needs steps for ${platform}`);
          }
        }
      }
      answers.set(key, {
        topic: meta.topic,
        lang: meta.lang,
        title: meta.title.trim(),
        short: meta.short.trim(),
        details,
        supports: meta.supports,
        related: meta.related.filter((t) => t !== meta.topic),
        ...(meta.press_note ? { pressNote: meta.press_note.trim() } : {}),
        ...(meta.steps ? { steps: meta.steps } : {}),
        file: rel,
      });
    }
    for (const topic of TOPIC_IDS) {
      for (const lang of LOCALES) {
        if (!answers.has(answerKey(topic, lang))) {
          throw this.error(
            `answers/${topic}.${lang}.md`,
            answerKey(topic, lang),
            "",
            `missing: topic "${topic}" has no answer in ${lang}`,
          );
        }
      }
    }
    return answers;
  }

  private loadSynonyms(): string[][] {
    const rel = "synonyms.yaml";
    if (!existsSync(join(this.dir, rel))) return [];
    let data: unknown;
    try {
      data = parseYaml(this.readText(rel));
    } catch (err) {
      throw this.error(rel, "", "", `not valid YAML: ${(err as Error).message.split("\n")[0]}`);
    }
    const result = synonymsSchema.safeParse(data ?? null);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw this.error(
        rel,
        issue?.path.join(".") ?? "",
        "",
        `must be a list of lists of words: ${issue?.message ?? ""}`,
      );
    }
    return result.data;
  }

  private contentHash(): string {
    const hash = createHash("sha256");
    for (const { rel, content } of [...this.read].sort((a, b) => (a.rel < b.rel ? -1 : 1))) {
      hash.update(rel).update("\0").update(content).update("\0");
    }
    return hash.digest("hex").slice(0, 12);
  }
}

/** Newest full date among source versions ("" if none); month-only and undated press never count. */
function newestDate(sources: Source[]): string {
  return (
    sources
      .map((s) => s.version)
      .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
      .sort()
      .at(-1) ?? ""
  );
}
