/** Command-line flags of `npm run sandbox`. Pure, so the refusals are testable. */
export interface SandboxArgs {
  script: string | null;
  verbose: boolean;
  logFile: string | null;
  realRateLimit: boolean;
  help: boolean;
}

export const SANDBOX_USAGE = `Usage: npm run sandbox -- [options]

Starts a local Discord emulator and the real bot connected to it (no token, no internet), then a
prompt where you type what a Discord user would.

Options:
  --script FILE   run the lines of FILE (echoing each, then the answer) and exit:
                  0 when every line got an answer, 1 otherwise
  --verbose       show the bot's logs on stderr (level: LOG_LEVEL, default info)
  --log FILE      append the bot's JSON logs to FILE
  --rate-limit    keep the bot's per-user limit (5 answers per 20 s); lifted by default
  --help          this text

Type :help at the prompt for the commands.`;

export function parseArgs(argv: readonly string[]): SandboxArgs | { error: string } {
  const args: SandboxArgs = {
    script: null,
    verbose: false,
    logFile: null,
    realRateLimit: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) return null;
      i++;
      return next;
    };
    switch (flag) {
      case "--script": {
        const file = value();
        if (!file) return { error: "--script needs a file name" };
        args.script = file;
        break;
      }
      case "--log": {
        const file = value();
        if (!file) return { error: "--log needs a file name" };
        args.logFile = file;
        break;
      }
      case "--verbose":
      case "-v":
        args.verbose = true;
        break;
      case "--rate-limit":
        args.realRateLimit = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      default:
        return { error: `unknown option ${arg} (see --help)` };
    }
  }
  return args;
}
