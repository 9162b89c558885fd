import { createInterface } from "node:readline";
import type { Sandbox } from "./session.js";

export interface LoopResult {
  /** Lines that were commands, DMs or directives (not blank, not comments). */
  lines: number;
  /** 1-based line numbers that were refused or got no answer. */
  failed: number[];
}

const isContent = (line: string) => {
  const t = line.trim();
  return t !== "" && !t.startsWith("#");
};

/**
 * Runs lines one after the other, echoing each (`> line`) before its answer, as a script's
 * transcript. Comments are echoed as they are, so a script reads like a story.
 */
export async function runLines(
  sandbox: Sandbox,
  lines: AsyncIterable<string> | Iterable<string>,
  write: (text: string) => void,
): Promise<LoopResult> {
  const result: LoopResult = { lines: 0, failed: [] };
  let number = 0;
  for await (const line of lines) {
    number++;
    if (!isContent(line)) {
      if (line.trim() !== "") write(`${line.trim()}\n`);
      continue;
    }
    result.lines++;
    write(`> ${line.trim()}\n`);
    const outcome = await sandbox.run(line);
    if (outcome.text) write(`${outcome.text}\n`);
    write("\n");
    if (!outcome.ok) result.failed.push(number);
    if (outcome.quit) break;
  }
  return result;
}

export function summary(result: LoopResult): string {
  if (result.failed.length === 0) return `${result.lines} lines, all answered.`;
  return `${result.lines} lines, ${result.failed.length} without an answer (line ${result.failed.join(", ")}).`;
}

/** The prompt a person types into; resolves when they quit or press Ctrl-D. */
export async function interactive(sandbox: Sandbox): Promise<void> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    historySize: 500,
  });
  const prompt = () => {
    rl.setPrompt(`[${sandbox.locale}] › `);
    rl.prompt();
  };
  // Ctrl-C at the prompt leaves like Ctrl-D, through the same clean shutdown.
  rl.on("SIGINT", () => rl.close());
  prompt();
  for await (const line of rl) {
    const outcome = await sandbox.run(line);
    if (outcome.text) process.stdout.write(`${outcome.text}\n\n`);
    if (outcome.quit) break;
    prompt();
  }
  rl.close();
}
