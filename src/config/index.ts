export { ConfigError, type ConfigResult, loadConfig, parseConfig } from "./load.js";
export { type Config, type Env, envSchema, LOG_LEVELS, toConfig } from "./schema.js";
