import { z } from "zod";

/** Discord ids are 64-bit integers written in decimal. */
const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");

const booleanText = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** An empty value in .env (`KEY=`) means "not set", as people expect. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * Every environment key the bot reads. `.env.example` documents each one; keep them in step
 * (a test compares the two).
 */
export const envSchema = z.object({
  DISCORD_TOKEN: z
    .string({ message: "is missing (the bot token from the Developer Portal)" })
    .min(1, "is empty (the bot token from the Developer Portal)")
    .regex(/^\S+$/, "must not contain spaces"),
  DISCORD_APPLICATION_ID: z.string({ message: "is missing (the application id)" }).pipe(snowflake),
  DEV_GUILD_ID: optional(snowflake),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` })),
  ANSWER_MENTIONS: optional(booleanText),
  DISCORD_API_BASE: optional(
    z.url({ message: "must be a URL such as https://discord.com/api", protocol: /^https?$/ }),
  ),
  NODE_ENV: optional(z.string()),
  // Read by the moderator features (FAQ store, retention of records, owner-only commands).
  DATA_DIR: optional(z.string().min(1)),
  RETENTION_DAYS: optional(
    z.coerce
      .number({ message: "must be a whole number of days" })
      .int("must be a whole number of days")
      .min(1, "must be at least 1")
      .max(3650, "must be at most 3650"),
  ),
  OWNER_ID: optional(snowflake),
  KNOWLEDGE_DIR: optional(z.string().min(1)),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  token: string;
  applicationId: string;
  devGuildId: string | null;
  logLevel: (typeof LOG_LEVELS)[number];
  answerMentions: boolean;
  /** Base of the REST API without the version, e.g. `https://discord.com/api`. */
  apiBase: string | null;
  development: boolean;
  dataDir: string;
  retentionDays: number;
  ownerId: string | null;
  knowledgeDir: string | null;
}

export function toConfig(env: Env): Config {
  return {
    token: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    devGuildId: env.DEV_GUILD_ID ?? null,
    logLevel: env.LOG_LEVEL ?? "info",
    answerMentions: env.ANSWER_MENTIONS ?? true,
    apiBase: env.DISCORD_API_BASE ? env.DISCORD_API_BASE.replace(/\/+$/, "") : null,
    development: env.NODE_ENV === "development",
    dataDir: env.DATA_DIR ?? "data",
    retentionDays: env.RETENTION_DAYS ?? 90,
    ownerId: env.OWNER_ID ?? null,
    knowledgeDir: env.KNOWLEDGE_DIR ?? null,
  };
}
