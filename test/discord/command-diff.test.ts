import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { diffCommands } from "../../src/discord/command-diff.js";
import { parseDeployArgs } from "../../src/discord/deploy-commands.js";

const wanted = commands.map((c) => c.definition);

/** What Discord sends back for a registered command: ids and defaults added. */
function asRegistered(def: (typeof wanted)[number], i: number): Record<string, unknown> {
  return {
    ...def,
    id: String(1000 + i),
    application_id: "1",
    version: "1",
    default_member_permissions: null,
    nsfw: false,
    options: (def.options ?? []).map((o) => ({ required: false, ...o })),
  };
}

describe("diffCommands", () => {
  it("finds nothing to change when Discord has the same commands", () => {
    const diff = diffCommands(wanted.map(asRegistered), wanted);
    expect(diff).toMatchObject({ added: [], changed: [], removed: [] });
    expect(diff.unchanged).toHaveLength(wanted.length);
  });

  it("reports added, changed and removed commands", () => {
    const current = wanted.slice(1).map(asRegistered);
    current[0] = { ...current[0], description: "old text" };
    current.push({ name: "oldcmd", description: "gone", type: 1, id: "9" });
    const diff = diffCommands(current, wanted);
    expect(diff.added).toEqual([wanted[0]?.name]);
    expect(diff.changed).toEqual([wanted[1]?.name]);
    expect(diff.removed).toEqual(["oldcmd"]);
  });
});

describe("parseDeployArgs", () => {
  it("reads --guild and --dev, refuses the rest", () => {
    expect(parseDeployArgs([], null)).toEqual({ guildId: null });
    expect(parseDeployArgs(["--guild", "123456789012345678"], null)).toEqual({
      guildId: "123456789012345678",
    });
    expect(parseDeployArgs(["--dev"], "223456789012345678")).toEqual({
      guildId: "223456789012345678",
    });
    expect(typeof parseDeployArgs(["--dev"], null)).toBe("string");
    expect(typeof parseDeployArgs(["--guild", "abc"], null)).toBe("string");
    expect(typeof parseDeployArgs(["--global"], null)).toBe("string");
  });
});
