import { readFileSync } from "node:fs";
import { loadConfig } from "../config/index.js";
import { createLogger, flushLogger } from "../log/index.js";

/**
 * Exit codes: 0 clean stop, 1 runtime failure, 2 configuration error (fix .env) or a database
 * that cannot be used (the file is named and left untouched).
 */
function packageVersion(): string {
  try {
    const url = new URL("../../../package.json", import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const config = loaded.config;
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.token],
    pretty: config.development,
  });
  // The database first: a damaged one stops the bot before anything else is loaded.
  const { isStoreError, openStore } = await import("../store/index.js");
  let store: ReturnType<typeof openStore>;
  try {
    store = openStore({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger });
  } catch (error) {
    if (!isStoreError(error)) throw error;
    // One line naming the file; the file itself is never touched.
    process.stderr.write(`${error.message.replace(/\s*\n\s*/g, " ")}\n`);
    await flushLogger(logger);
    process.exitCode = 2;
    return;
  }
  // Loaded only once the configuration is valid, so a config error is reported at once.
  const [{ loadCore }, { startBot }] = await Promise.all([
    import("../core/core.js"),
    import("./bot.js"),
  ]);
  let core: ReturnType<typeof loadCore>;
  try {
    core = loadCore(config.knowledgeDir ?? undefined);
  } catch (error) {
    logger.fatal({ err: error }, "could not load the knowledge files");
    store.close();
    await flushLogger(logger);
    process.exitCode = 1;
    return;
  }
  const bot = await startBot(config, { core, store, logger, botVersion: packageVersion() }).catch(
    async (error: unknown) => {
      logger.fatal({ err: error }, "could not connect to Discord (check DISCORD_TOKEN)");
      store.close();
      await flushLogger(logger);
      process.exitCode = 1;
      return null;
    },
  );
  if (!bot) return;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "signal received, finishing answers in flight");
    bot.stop().then(
      () => {
        store.close();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "unclean shutdown");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
}

void main();
