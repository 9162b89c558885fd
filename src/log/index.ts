export {
  createLogger,
  flushLogger,
  type Logger,
  type LoggerSetup,
  secretScrubber,
} from "./logger.js";
export { REDACTED, redactSecrets, SECRET_KEYS } from "./redact.js";
