#!/usr/bin/env node
import { readFileSync, realpathSync } from "node:fs";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { answerQuestion, damagesReply } from "../answer/index.js";
import type { Core } from "../core/core-from.js";
import { type Locale, TOPIC_IDS } from "../core/types.js";
import { KnowledgeError } from "../knowledge/errors.js";
import { evaluate, parseEvalFile } from "../search/index.js";
import { loadCliCore } from "./load-core.js";
import { makeStyle, renderReplyText, type Style } from "./text-render.js";

const USAGE = `Usage:
  policybot ask [--lang fr|en] [--json] [QUESTION]   answer a question (without QUESTION: one per line from stdin)
  policybot topics [--json]                          list the topics the bot answers
  policybot damages POSTS [--region us|eu] [--lang fr|en]
                                                     the scraping damages calculator
  policybot eval FILE.jsonl [--json]                 score the search on labelled questions
Options:
  --knowledge DIR   knowledge folder (default: the one shipped with the bot)`;

/** A mistake in how the command was called: one line on stderr, exit code 2. */
class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

function parseLocale(value: string | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  if (value === "fr" || value === "en") return value;
  throw new UsageError(`--lang must be fr or en, not "${value}"`);
}

async function askCommand(core: Core, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: "string" }, json: { type: "boolean" }, knowledge: { type: "string" } },
  });
  const locale = parseLocale(values.lang);
  const style = makeStyle(io.color && !values.json);
  const answer = (question: string) =>
    printAnswer(core, question, locale, values.json === true, style, io);
  if (positionals.length > 0) {
    answer(positionals.join(" "));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    if (!first && !values.json) io.out(style.dim("─".repeat(40)));
    first = false;
    answer(line);
  }
  return 0;
}

function printAnswer(
  core: Core,
  question: string,
  locale: Locale | undefined,
  json: boolean,
  style: Style,
  io: Io,
) {
  const { reply, result } = answerQuestion(core, question, locale ? { locale } : {});
  if (json) {
    io.out(
      JSON.stringify({
        query: question,
        answered: result?.answered ?? false,
        topic: result?.topic ?? null,
        locale: reply.locale,
        results: (result?.results ?? []).map((hit) => ({
          id: hit.passage.id,
          topic:
            result?.topic && hit.passage.topics.includes(result.topic)
              ? result.topic
              : hit.passage.topics[0],
          score: Math.round(hit.score * 1000) / 1000,
        })),
      }),
    );
    return;
  }
  io.out(renderReplyText(reply, style));
}

function topicsCommand(core: Core, args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: { json: { type: "boolean" }, knowledge: { type: "string" } },
  });
  const style = makeStyle(io.color && !values.json);
  for (const id of TOPIC_IDS) {
    const topic = core.knowledge.topics.get(id);
    if (!topic) continue;
    if (values.json) io.out(JSON.stringify({ id, title: topic.title }));
    else io.out(`${style.bold(id.padEnd(18))} ${topic.title.en} / ${topic.title.fr}`);
  }
  return 0;
}

function damagesCommand(core: Core, args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      region: { type: "string" },
      lang: { type: "string" },
      knowledge: { type: "string" },
    },
  });
  if (positionals.length === 0)
    throw new UsageError("damages needs a number of posts, e.g. policybot damages 3000000");
  const region = values.region ?? "us";
  if (region !== "us" && region !== "eu")
    throw new UsageError(`--region must be us or eu, not "${region}"`);
  const reply = damagesReply(core, parseLocale(values.lang) ?? "en", positionals.join(" "), region);
  if (reply.kind === "error") {
    io.err(`policybot: ${reply.body.replace(/`/g, "")}`);
    return 2;
  }
  io.out(renderReplyText(reply, makeStyle(io.color)));
  return 0;
}

function evalCommand(core: Core, args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, knowledge: { type: "string" } },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('eval needs a JSONL file of {"q","topics"} lines');
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let cases: ReturnType<typeof parseEvalFile>;
  try {
    cases = parseEvalFile(text);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const report = evaluate(core.index, cases);
  if (values.json) {
    io.out(JSON.stringify(report));
    return 0;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  io.out(`in-scope top-1: ${pct(report.top1)} (${report.inScopeCorrect}/${report.inScope})`);
  io.out(
    `out-of-scope abstention: ${pct(report.abstention)} (${report.abstained}/${report.outOfScope})`,
  );
  for (const miss of report.misses) {
    io.out(
      `  miss: ${JSON.stringify(miss.q)} expected ${miss.expected.join("|") || "(abstain)"}, got ${miss.got ?? "(abstain)"} @ ${miss.confidence.toFixed(2)}`,
    );
  }
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const handlers: Record<string, (core: Core, args: string[], io: Io) => number | Promise<number>> =
    {
      ask: askCommand,
      topics: topicsCommand,
      damages: damagesCommand,
      eval: evalCommand,
    };
  const handler = handlers[command];
  try {
    if (!handler)
      throw new UsageError(`unknown command "${command}" (try: ask, topics, damages, eval)`);
    const knowledgeDir = knowledgeOption(rest);
    const core = await loadCliCore(knowledgeDir);
    return await handler(core, rest, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      io.err(`policybot: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof KnowledgeError) {
      io.err(`policybot: invalid knowledge: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** Read before the subcommand parses its own options, since the core is built first. */
function knowledgeOption(args: string[]): string | undefined {
  const i = args.findIndex((a) => a === "--knowledge" || a.startsWith("--knowledge="));
  if (i < 0) return undefined;
  const arg = args[i] ?? "";
  const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[i + 1];
  if (!value) throw new UsageError("--knowledge needs a folder");
  return value;
}

// Run only as the program itself (also through the npm bin symlink), not when a test imports main().
const isEntry =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isEntry) {
  // `policybot ask … | head -1` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(0);
  });
  const code = await main(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
  process.exitCode = code;
}
