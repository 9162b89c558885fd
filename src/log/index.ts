export {
  createLogger,
  flushLogger,
  type Logger,
  type LoggerSetup,
  REDACT_PATHS,
  secretScrubber,
} from "./logger.js";
