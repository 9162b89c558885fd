import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";
import { REDACTED, redactSecrets } from "./redact.js";

export type { Logger } from "pino";

export interface LoggerSetup {
  level?: string;
  /** Values that must never reach the output, whatever field or message they hide in. */
  secrets?: string[];
  /** Human-readable output through pino-pretty (only for NODE_ENV=development). */
  pretty?: boolean;
  /** Where JSON lines go; stdout when absent. Tests pass a capturing stream. */
  destination?: DestinationStream;
  name?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A secret can hide in an error message or a URL that no secret key covers (discord.js puts the
 * token in an Authorization header; a careless error could quote it), so the final line is
 * scrubbed too, for every secret of 8 characters or more.
 */
export function secretScrubber(secrets: string[]): ((line: string) => string) | null {
  const usable = secrets.filter((s) => s.length >= 8);
  if (usable.length === 0) return null;
  const pattern = new RegExp(usable.map(escapeRegExp).join("|"), "g");
  return (line) => line.replace(pattern, REDACTED);
}

export function createLogger(setup: LoggerSetup = {}): Logger {
  const scrub = secretScrubber(setup.secrets ?? []);
  const options: LoggerOptions = {
    level: setup.level ?? "info",
    base: { name: setup.name ?? "policybot" },
    // Bindings and every logged object lose their secret fields before they are serialized.
    formatters: { log: redactSecrets, bindings: redactSecrets },
    serializers: { err: pino.stdSerializers.err },
    ...(scrub ? { hooks: { streamWrite: scrub } } : {}),
  };
  const logger = setup.destination
    ? pino(options, setup.destination)
    : setup.pretty
      ? pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true } } })
      : pino(options);
  return redactingChildren(logger);
}

/**
 * pino runs `formatters.bindings` on the root's bindings only, so a child's bindings are cleaned
 * here. Children are created from their parent's prototype and inherit this `child`.
 */
function redactingChildren(logger: Logger): Logger {
  const child = logger.child;
  logger.child = function (this: Logger, bindings, options) {
    return child.call(this, redactSecrets(bindings), options);
  } as Logger["child"];
  return logger;
}

/** Writes out anything pino buffered; call before exiting. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    try {
      logger.flush((err) => {
        void err;
        resolve();
      });
    } catch {
      resolve();
    }
  });
}
