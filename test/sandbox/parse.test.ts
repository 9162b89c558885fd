import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseArgs } from "../../src/sandbox/repl/args.js";
import { compactLine } from "../../src/sandbox/repl/logs.js";
import { parseLine, type SandboxLine, usage } from "../../src/sandbox/repl/parse.js";
import { terminalMarkdown } from "../../src/sandbox/repl/render.js";

const defs = commands.map((c) => c.definition);
const parse = (line: string) => parseLine(line, defs);

function message(line: SandboxLine): string {
  expect(line.kind).toBe("invalid");
  return line.kind === "invalid" ? line.message : "";
}

describe("slash commands", () => {
  it("reads name: value pairs and keeps spaces and accents in values", () => {
    expect(parse("/ask question: comment me désinscrire")).toEqual({
      kind: "command",
      name: "ask",
      options: { question: "comment me désinscrire" },
    });
    expect(parse("/damages posts: 3000000 terms: eu")).toEqual({
      kind: "command",
      name: "damages",
      options: { posts: "3000000", terms: "eu" },
    });
  });

  it("converts values to the option's type", () => {
    expect(parse("/retention compare: true")).toMatchObject({ options: { compare: true } });
    expect(parse("/retention compare: non")).toMatchObject({ options: { compare: false } });
    expect(parse("/help private: yes")).toMatchObject({ options: { private: true } });
    // A text option stays text, even when it looks like a number.
    expect(parse("/damages posts: 2.5M")).toMatchObject({ options: { posts: "2.5M" } });
  });

  it("accepts a choice by value, label or French label, and sends the value", () => {
    expect(parse("/optout platform: ios")).toMatchObject({ options: { platform: "ios" } });
    expect(parse("/optout platform: iOS")).toMatchObject({ options: { platform: "ios" } });
    expect(parse("/damages posts: 1 terms: EU, EFTA and UK (EUR)")).toMatchObject({
      options: { terms: "eu" },
    });
    expect(parse("/source topic: Grok et le régulateur irlandais")).toMatchObject({
      options: { topic: "grok" },
    });
  });

  it("knows the French command and option names", () => {
    expect(parse("/aide")).toEqual({ kind: "command", name: "help", options: {} });
    expect(parse("/dommages posts: 10 conditions: us")).toEqual({
      kind: "command",
      name: "damages",
      options: { posts: "10", terms: "us" },
    });
    expect(parse("/refuser-ia plateforme: web privé: oui")).toMatchObject({
      name: "optout",
      options: { platform: "web", private: true },
    });
  });

  it("lets a question contain colons, links and times", () => {
    expect(parse("/ask question: what does §3.2 say: word for word?")).toMatchObject({
      options: { question: "what does §3.2 say: word for word?" },
    });
    expect(parse("/ask question: is https://x.com/en/privacy the policy at 10:30")).toMatchObject({
      options: { question: "is https://x.com/en/privacy the policy at 10:30" },
    });
    expect(parse("/ask question: grok? private: true")).toMatchObject({
      options: { question: "grok?", private: true },
    });
  });

  it("fills the one required option from bare text", () => {
    expect(parse("/ask comment refuser")).toMatchObject({
      options: { question: "comment refuser" },
    });
    expect(parse("/damages 3000000")).toMatchObject({ options: { posts: "3000000" } });
  });

  it("strips quotes around a value", () => {
    expect(parse('/ask question: "a: b"')).toMatchObject({ options: { question: "a: b" } });
  });

  it("answers unknown commands with the list of commands", () => {
    const text = message(parse("/foo bar: 1"));
    expect(text).toContain("Unknown command /foo");
    for (const d of defs) expect(text).toContain(`/${d.name}`);
    expect(message(parse("/"))).toContain("/ask");
  });

  it("answers unknown options with the command's options and usage", () => {
    const text = message(parse("/damages posts: 3 termz: eu"));
    expect(text).toContain('Unknown option "termz"');
    expect(text).toContain("posts, terms, private");
    expect(text).toContain("Usage: /damages posts: <text> [terms: us|eu] [private: true|false]");
    expect(message(parse("/help colour: red"))).toContain("Options: private");
  });

  it("refuses bad values, missing and repeated options, with the reason", () => {
    expect(message(parse("/optout platform: windows"))).toMatch(/not a choice.*web, ios, android/);
    expect(message(parse("/retention compare: maybe"))).toContain("true or false");
    expect(message(parse("/damages terms: eu"))).toContain("/damages needs posts");
    expect(message(parse("/source"))).toContain("needs topic");
    expect(message(parse("/ask question: a question: b"))).toContain("given twice");
    expect(message(parse("/ask question:"))).toContain("needs a value");
    expect(message(parse(`/ask question: ${"é".repeat(501)}`))).toContain("at most 500");
    expect(message(parse("/optout web"))).toContain("name: value");
  });

  it("writes a usage line from the definition", () => {
    const ask = defs.find((d) => d.name === "ask");
    expect(ask && usage(ask)).toBe("/ask question: <text> [private: true|false]");
  });
});

describe("directives and messages", () => {
  it("reads :locale with Discord's names, case-insensitively", () => {
    expect(parse(":locale fr")).toEqual({ kind: "locale", locale: "fr" });
    expect(parse(":locale en-us")).toEqual({ kind: "locale", locale: "en-US" });
    expect(parse(":locale en")).toEqual({ kind: "locale", locale: "en-US" });
    expect(parse(":locale pt_BR")).toEqual({ kind: "locale", locale: "pt-BR" });
    expect(parse(":locale")).toEqual({ kind: "locale", locale: null });
    expect(message(parse(":locale klingon"))).toMatch(/Unknown Discord locale.*fr, en-US/);
  });

  it("reads :press, :help, :quit and refuses anything else", () => {
    expect(parse(":press 2")).toEqual({ kind: "press", button: 2 });
    expect(message(parse(":press"))).toContain(":press N");
    expect(message(parse(":press 0"))).toContain(":press N");
    expect(message(parse(":press two"))).toContain(":press N");
    expect(parse(":help")).toEqual({ kind: "help" });
    expect(parse(":quit")).toEqual({ kind: "quit" });
    expect(parse(":exit")).toEqual({ kind: "quit" });
    expect(message(parse(":dance"))).toContain(":locale");
  });

  it("treats other text as a DM, and blank lines and comments as nothing", () => {
    expect(parse("  how long does X keep my data?  ")).toEqual({
      kind: "dm",
      content: "how long does X keep my data?",
    });
    expect(parse("@everyone **bold** <@123> 🎉")).toEqual({
      kind: "dm",
      content: "@everyone **bold** <@123> 🎉",
    });
    expect(parse("")).toEqual({ kind: "empty" });
    expect(parse("   \r")).toEqual({ kind: "empty" });
    expect(parse("# a comment")).toEqual({ kind: "empty" });
    expect(message(parse("x".repeat(2001)))).toContain("2,000");
  });

  it("never throws, whatever is typed", () => {
    const nasty = [
      "/",
      "/ ",
      "/ask ::::",
      "/ask question",
      "/damages posts: : :",
      ":",
      ": :",
      "/\u0000",
      "/ask question: \ud800",
      `/ask ${"question: ".repeat(1000)}`,
      "/".repeat(10_000),
    ];
    for (const line of nasty) expect(() => parse(line)).not.toThrow();
  });
});

describe("flags, logs and markdown", () => {
  it("parses the sandbox's flags and refuses unknown ones", () => {
    expect(parseArgs(["--script", "a.txt", "--verbose"])).toMatchObject({
      script: "a.txt",
      verbose: true,
    });
    expect(parseArgs(["--log=bot.log", "--rate-limit"])).toMatchObject({
      logFile: "bot.log",
      realRateLimit: true,
    });
    expect(parseArgs(["--script"])).toEqual({ error: "--script needs a file name" });
    expect(parseArgs(["--loud"])).toMatchObject({ error: expect.stringContaining("--loud") });
  });

  it("turns a pino line into one short line", () => {
    const line = compactLine(
      JSON.stringify({
        level: 30,
        time: 1,
        pid: 2,
        name: "policybot",
        msg: "answered",
        latencyMs: 3,
      }),
    );
    expect(line).toBe("[bot info] answered latencyMs=3");
    expect(compactLine("not json\n")).toBe("[bot] not json");
  });

  it("renders Discord Markdown plainly without a TTY", () => {
    const plain = { color: false };
    expect(terminalMarkdown("**Bold** [X](https://x.com) \\*not\\*", plain)).toBe(
      "Bold X <https://x.com> *not*",
    );
    expect(terminalMarkdown("**b**", { color: true })).toBe("\u001b[1mb\u001b[22m");
  });
});
