import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema, parseConfig } from "../../src/config/index.js";

const good = { DISCORD_TOKEN: "abc.def.ghi", DISCORD_APPLICATION_ID: "123456789012345678" };

describe("parseConfig", () => {
  it("accepts the minimum and fills defaults", () => {
    const result = parseConfig(good);
    expect(result.ok && result.config).toMatchObject({
      token: "abc.def.ghi",
      applicationId: "123456789012345678",
      devGuildId: null,
      logLevel: "info",
      answerMentions: true,
      apiBase: null,
    });
  });

  it("names each missing or malformed key in one line", () => {
    const result = parseConfig({ DISCORD_APPLICATION_ID: "abc", ANSWER_MENTIONS: "perhaps" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.keys.sort()).toEqual([
      "ANSWER_MENTIONS",
      "DISCORD_APPLICATION_ID",
      "DISCORD_TOKEN",
    ]);
    expect(result.error.message).not.toContain("\n");
    expect(result.error.message).toMatch(/DISCORD_TOKEN is missing/);
  });

  it("reads booleans, levels and the API base", () => {
    const result = parseConfig({
      ...good,
      ANSWER_MENTIONS: "false",
      LOG_LEVEL: "debug",
      DISCORD_API_BASE: "http://127.0.0.1:5000/api/",
      RETENTION_DAYS: "30",
      DEV_GUILD_ID: "",
    });
    expect(result.ok && result.config).toMatchObject({
      answerMentions: false,
      logLevel: "debug",
      apiBase: "http://127.0.0.1:5000/api",
      retentionDays: 30,
      devGuildId: null,
    });
  });

  it("never puts the token in an error message", () => {
    const result = parseConfig({
      DISCORD_TOKEN: "secret token with spaces",
      DISCORD_APPLICATION_ID: "1",
    });
    expect(!result.ok && result.error.message).not.toContain("secret");
  });

  it(".env.example documents every key the schema reads", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    for (const key of Object.keys(envSchema.shape))
      expect(example, key).toMatch(new RegExp(`^#? ?${key}=`, "m"));
  });
});
