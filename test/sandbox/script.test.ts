import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/** The built entry: `npm test` runs tsc before vitest, so dist/ is there. */
const ROOT = resolve(import.meta.dirname, "../..");
const MAIN = join(ROOT, "dist/src/sandbox/main.js");
const dir = mkdtempSync(join(tmpdir(), "policybot-sandbox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sandbox(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      // No developer's LOG_LEVEL, KNOWLEDGE_DIR or NO_COLOR leaks in.
      { cwd, env: { PATH: process.env.PATH ?? "", HOME: dir, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        done({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

let n = 0;
function script(lines: string[]): string {
  const file = join(dir, `script-${++n}.txt`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** The transcript block that follows `> line`, up to the next echoed line. */
function answerTo(stdout: string, line: string): string {
  const start = stdout.indexOf(`> ${line}\n`);
  expect(start, `"${line}" was not echoed`).toBeGreaterThanOrEqual(0);
  const rest = stdout.slice(start + line.length + 3);
  const next = rest.search(/^> /m);
  return next === -1 ? rest : rest.slice(0, next);
}

describe("npm run sandbox --script", () => {
  it("answers every line, in the chosen language, and exits 0", async () => {
    const file = script([
      "# comments are echoed, not run",
      "/damages posts: 3000000 terms: eu",
      "/damages posts: 3000000",
      ":locale fr",
      "/retention compare: true",
      "/ask question: comment me désinscrire",
      ":press 1",
      "how long does X keep my data?",
      "/help private: true",
    ]);
    const r = await sandbox(["--script", file]);
    expect(r.stderr).toContain("8 lines, all answered.");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("# comments are echoed, not run");
    expect(answerTo(r.stdout, "/damages posts: 3000000 terms: eu")).toMatch(/€45,000/);
    expect(answerTo(r.stdout, "/damages posts: 3000000")).toMatch(/USD 45,000|\$45,000/);
    const fr = answerTo(r.stdout, "/retention compare: true");
    expect(fr).toMatch(/conserv/i);
    expect(fr).toMatch(/2023/);
    const ask = answerTo(r.stdout, "/ask question: comment me désinscrire");
    expect(ask).toMatch(/Paramètres et confidentialité/);
    expect(ask).toMatch(/\[1\] 🇬🇧 English/);
    // The language button gives the same answer in English.
    expect(answerTo(r.stdout, ":press 1")).toMatch(/Settings and privacy/);
    expect(answerTo(r.stdout, "how long does X keep my data?")).toMatch(/in your DMs/);
    expect(answerTo(r.stdout, "/help private: true")).toMatch(/ephemeral/);
    // Not a terminal: no ANSI colour, and no bot logs in the transcript.
    expect(r.stdout).not.toContain("\u001b[");
    expect(r.stdout).not.toMatch(/"level":/);
  }, 40_000);

  it("a bad line gets a friendly message, the run goes on, and the exit code is 1", async () => {
    const file = script([
      "/dance partner: bob",
      "/damages posts: 3 termz: eu",
      ":press 9",
      "/about",
    ]);
    const r = await sandbox(["--script", file]);
    expect(r.code).toBe(1);
    expect(answerTo(r.stdout, "/dance partner: bob")).toMatch(
      /Unknown command \/dance\. Commands: \/ask, .*\/about/,
    );
    expect(answerTo(r.stdout, "/damages posts: 3 termz: eu")).toMatch(/Unknown option "termz"/);
    expect(answerTo(r.stdout, ":press 9")).toMatch(/No answer yet/);
    expect(answerTo(r.stdout, "/about")).toMatch(/policybot reply to \/about/);
    expect(r.stderr).toContain("4 lines, 3 without an answer (line 1, 2, 3).");
    expect(r.stderr).not.toMatch(/\s+at\s.*\.js/);
  }, 40_000);

  it("stops at :quit", async () => {
    const r = await sandbox(["--script", script(["/help", ":quit", "/about"])]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("> /about");
  }, 40_000);

  it("refuses a missing script and unknown flags with exit code 2 and one line", async () => {
    const missing = await sandbox(["--script", join(dir, "nope.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(
      /^sandbox: cannot read the script .*nope\.txt \(ENOENT\)$/,
    );
    const flag = await sandbox(["--loud"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim()).toBe("sandbox: unknown option --loud (see --help)");
  }, 40_000);

  it("--verbose shows the bot's logs on stderr only", async () => {
    const r = await sandbox(["--verbose", "--script", script(["/help"])]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[bot info\] connected to Discord/);
    expect(r.stderr).toMatch(/\[bot info\] answered .*command=help/);
    expect(r.stdout).not.toContain("[bot");
  }, 40_000);
});

describe("sandbox data", () => {
  it("keeps its questions out of the folder it runs in (a real bot's ./data)", async () => {
    const cwd = join(dir, "checkout");
    mkdirSync(cwd);
    const run = await sandbox(
      ["--script", script(["/ask question: how long does x keep my data"])],
      {},
      cwd,
    );
    expect(run.code).toBe(0);
    expect(existsSync(join(cwd, "data"))).toBe(false);
  });
});
