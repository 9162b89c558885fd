import { pathToFileURL } from "node:url";
import { REST } from "discord.js";
import { Routes } from "discord-api-types/v10";
import { deployDefinitions } from "../../commands/index.js";
import { loadConfig } from "../config/index.js";
import { type CommandDefinition, type CommandDiff, diffCommands } from "./command-diff.js";

export interface DeployOptions {
  token: string;
  applicationId: string;
  /** Guild commands update at once (for testing); global ones are what users get. */
  guildId: string | null;
  apiBase: string | null;
  definitions?: CommandDefinition[];
}

/** Compares with what Discord has, then replaces the whole set in one bulk overwrite. */
export async function deployCommands(options: DeployOptions): Promise<CommandDiff> {
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const definitions = options.definitions ?? deployDefinitions();
  const current = (await rest.get(route)) as Record<string, unknown>[];
  const diff = diffCommands(current, definitions);
  await rest.put(route, { body: definitions });
  return diff;
}

export function describeDiff(diff: CommandDiff, target: string): string {
  const list = (names: string[]) => (names.length ? names.map((n) => `/${n}`).join(", ") : "none");
  return [
    `Deployed ${diff.added.length + diff.changed.length + diff.unchanged.length} commands to ${target}.`,
    `  added:     ${list(diff.added)}`,
    `  changed:   ${list(diff.changed)}`,
    `  removed:   ${list(diff.removed)}`,
    `  unchanged: ${list(diff.unchanged)}`,
  ].join("\n");
}

export function parseDeployArgs(
  argv: string[],
  devGuildId: string | null,
): { guildId: string | null } | string {
  let guildId: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--guild") {
      const value = argv[++i];
      if (!value || !/^\d{17,20}$/.test(value))
        return "--guild needs a server id (17 to 20 digits)";
      guildId = value;
    } else if (arg?.startsWith("--guild=")) {
      const value = arg.slice("--guild=".length);
      if (!/^\d{17,20}$/.test(value)) return "--guild needs a server id (17 to 20 digits)";
      guildId = value;
    } else if (arg === "--dev") {
      if (!devGuildId) return "--dev needs DEV_GUILD_ID in .env";
      guildId = devGuildId;
    } else {
      return `unknown argument ${arg}; usage: deploy-commands [--guild ID | --dev]`;
    }
  }
  return { guildId };
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const { config } = loaded;
  const args = parseDeployArgs(process.argv.slice(2), config.devGuildId);
  if (typeof args === "string") {
    process.stderr.write(`deploy-commands: ${args}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const diff = await deployCommands({
      token: config.token,
      applicationId: config.applicationId,
      guildId: args.guildId,
      apiBase: config.apiBase,
    });
    process.stdout.write(
      `${describeDiff(diff, args.guildId ? `server ${args.guildId}` : "all servers (global)")}\n`,
    );
  } catch (error) {
    const status = (error as { status?: number }).status;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `deploy-commands failed${status ? ` (HTTP ${status})` : ""}: ${message.split("\n")[0]}\n`,
    );
    process.exitCode = 1;
  }
}

// Run only as a script, so tests can import deployCommands.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
