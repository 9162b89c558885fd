import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs, SANDBOX_USAGE } from "./repl/args.js";
import { sandboxLogs } from "./repl/logs.js";
import { interactive, runLines, summary } from "./repl/loop.js";
import { SANDBOX_TOKEN, Sandbox } from "./repl/session.js";

/**
 * `npm run sandbox`: the real bot against a local Discord emulator, driven from a prompt or a
 * script. Exit codes: 0 fine, 1 a script line got no answer (or the bot could not start),
 * 2 bad command-line flags or an unreadable script.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ("error" in args) {
    process.stderr.write(`sandbox: ${args.error}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${SANDBOX_USAGE}\n`);
    return 0;
  }
  let script: string[] | null = null;
  if (args.script) {
    try {
      script = readFileSync(args.script, "utf8").split(/\r?\n/);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      process.stderr.write(`sandbox: cannot read the script ${args.script} (${reason})\n`);
      return 2;
    }
  }

  const logs = sandboxLogs({
    verbose: args.verbose,
    logFile: args.logFile,
    envLevel: process.env.LOG_LEVEL,
    secrets: [SANDBOX_TOKEN],
  });
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  let sandbox: Sandbox;
  try {
    sandbox = await Sandbox.start({
      palette: { color },
      logger: logs.logger,
      realRateLimit: args.realRateLimit,
      ...(process.env.KNOWLEDGE_DIR ? { knowledgeDir: process.env.KNOWLEDGE_DIR } : {}),
    });
  } catch (error) {
    process.stderr.write(
      `sandbox: could not start the bot: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    await logs.close();
    return 1;
  }
  const shutdown = async (code: number): Promise<number> => {
    await sandbox.stop();
    await logs.close();
    return code;
  };
  process.once("SIGTERM", () => {
    void shutdown(0).then((code) => process.exit(code));
  });

  const write = (text: string) => process.stdout.write(text);
  const ready = `policybot sandbox: bot connected to the local emulator (${sandbox.emulator.apiBase}) in ${Math.round(sandbox.startedInMs)} ms.`;
  if (script) {
    process.stderr.write(`${ready}\n`);
    const result = await runLines(sandbox, script, write);
    process.stderr.write(`${summary(result)}\n`);
    return shutdown(result.failed.length === 0 ? 0 : 1);
  }
  if (!process.stdin.isTTY) {
    // Piped input (`… | npm run sandbox`) is a script read from stdin.
    process.stderr.write(`${ready}\n`);
    const result = await runLines(sandbox, createInterface({ input: process.stdin }), write);
    process.stderr.write(`${summary(result)}\n`);
    return shutdown(result.failed.length === 0 ? 0 : 1);
  }
  write(`${ready}\nType /help, a question (a DM to the bot), or :help. Ctrl-D leaves.\n\n`);
  await interactive(sandbox);
  return shutdown(0);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`sandbox: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
