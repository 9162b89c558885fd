import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), color: false });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("policybot CLI", () => {
  it("ask --json prints one object with the documented keys", async () => {
    const { code, out } = await run([
      "ask",
      "--json",
      "how",
      "long",
      "does",
      "X",
      "keep",
      "my",
      "data",
    ]);
    expect(code).toBe(0);
    const line = JSON.parse(out);
    expect(Object.keys(line).sort()).toEqual(["answered", "locale", "query", "results", "topic"]);
    expect(line).toMatchObject({
      query: "how long does X keep my data",
      answered: true,
      topic: "retention",
      locale: "en",
    });
    expect(line.results.length).toBeGreaterThan(0);
    for (const r of line.results) expect(Object.keys(r).sort()).toEqual(["id", "score", "topic"]);
  });

  it("ask --json says topic null when it abstains", async () => {
    const { out } = await run(["ask", "--json", "--lang", "fr", "recette de la pâte à crêpes"]);
    expect(JSON.parse(out)).toMatchObject({
      answered: false,
      topic: null,
      locale: "fr",
      results: [],
    });
  });

  it("ask prints a readable answer with its sources and no colour when not on a terminal", async () => {
    const { code, out } = await run(["ask", "--lang", "en", "what are the scraping damages"]);
    expect(code).toBe(0);
    expect(out).not.toContain("\u001b[");
    expect(out).toMatch(/15,000/);
    expect(out).toMatch(/Terms of Service/i);
  });

  it("damages computes both readings, and refuses bad input with exit 2 and one line", async () => {
    const ok = await run(["damages", "2500000"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("$37,500");
    expect(ok.out).toContain("$45,000");
    const eu = await run(["damages", "3000000", "--region", "eu", "--lang", "fr"]);
    expect(eu.out).toMatch(/45\s000\s€/);
    // A whole number of millions: one amount, not two readings that agree.
    expect(eu.out).not.toContain("•");
    for (const bad of [
      ["damages", "-3"],
      ["damages", "lots"],
      ["damages", "3000000", "--region", "mars"],
      ["damages"],
    ]) {
      const r = await run(bad);
      expect(r.code).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
    }
  });

  it("topics lists every topic id", async () => {
    const { out } = await run(["topics"]);
    for (const id of [
      "opt-out",
      "third-party-ai",
      "grok",
      "retention",
      "scraping-damages",
      "account-data",
      "context",
    ]) {
      expect(out).toContain(id);
    }
  });

  it("eval prints in-scope accuracy and abstention", async () => {
    const dir = mkdtempSync(join(tmpdir(), "policybot-eval-"));
    const file = join(dir, "q.jsonl");
    writeFileSync(
      file,
      '{"q":"how long does x keep my data","topics":["retention"]}\n{"q":"what is the capital of peru","topics":[]}\n',
    );
    const { code, out } = await run(["eval", file]);
    expect(code).toBe(0);
    expect(out).toMatch(/in-scope top-1: \d+\.\d%/);
    expect(out).toMatch(/out-of-scope abstention: \d+\.\d%/);
  });

  it.each([
    [["frobnicate"]],
    [["ask", "--lang", "de", "hi"]],
    [["ask", "--bogus"]],
    [["eval", "/nonexistent.jsonl"]],
  ])("usage error %j exits 2 with one line", async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^policybot: /);
    expect(r.err.split("\n")).toHaveLength(1);
  });

  const built = resolve("dist/src/cli/main.js");
  it.skipIf(!existsSync(built))("reads one question a line from stdin", () => {
    const r = spawnSync(process.execPath, [built, "ask", "--json"], {
      input: "how do I download my archive\n\nquel temps fera-t-il demain\n",
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].topic).toBe("account-data");
    expect(lines[1].answered).toBe(false);
  });
});

describe("policybot CLI and closed pipes", () => {
  const built = resolve("dist/src/cli/main.js");
  it.skipIf(!existsSync(built))("exits quietly when its reader stops reading (| head)", () => {
    // Enough answers that the pipe is closed while the CLI is still writing.
    const script = `yes "how long does x keep my data" | head -n 3000 | "${process.execPath}" "${built}" ask | head -c 1 >/dev/null; echo "\${PIPESTATUS[2]}"`;
    const r = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("0");
    expect(r.stderr).not.toContain("EPIPE");
  });
});
