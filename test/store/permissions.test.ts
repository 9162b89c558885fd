import { PermissionFlagsBits } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  canModerateFaq,
  FAQ_POST_PERMISSIONS,
  missingPermissions,
  PERMISSION_BITS,
  parsePermissions,
  permissionLabels,
} from "../../src/store/permissions.js";

const B = PERMISSION_BITS;

describe("permission bits", () => {
  it("match discord-api-types' PermissionFlagsBits", () => {
    for (const [name, bit] of Object.entries(PERMISSION_BITS)) {
      expect(bit, name).toBe(PermissionFlagsBits[name as keyof typeof PermissionFlagsBits]);
    }
    expect(B.PinMessages).toBe(1n << 51n);
    expect(B.ViewChannel).toBe(1024n);
    expect(B.SendMessages).toBe(2048n);
    expect(B.ManageMessages).toBe(8192n);
    expect(B.EmbedLinks).toBe(16384n);
  });
});

describe("parsePermissions", () => {
  it("reads Discord's decimal strings and bigints, failing closed on anything else", () => {
    expect(parsePermissions(String(B.PinMessages | B.ViewChannel))).toBe(
      B.PinMessages | B.ViewChannel,
    );
    expect(parsePermissions(" 1024 ")).toBe(1024n);
    expect(parsePermissions(2048n)).toBe(2048n);
    for (const bad of [
      "",
      "abc",
      "-1",
      "0x400",
      "1.5",
      "1e3",
      "9".repeat(30),
      -1n,
      1n << 70n,
      null,
      undefined,
      {},
      Number.NaN,
    ]) {
      expect(parsePermissions(bad)).toBe(0n);
    }
  });
});

describe("missingPermissions", () => {
  it("lists what is missing, in the order asked, with readable labels", () => {
    const granted = B.ViewChannel | B.SendMessages;
    const missing = missingPermissions(granted, FAQ_POST_PERMISSIONS);
    expect(missing).toEqual(["EmbedLinks", "PinMessages"]);
    expect(permissionLabels(missing)).toEqual(["Embed Links", "Pin Messages"]);
    expect(
      missingPermissions(String(granted | B.EmbedLinks | B.PinMessages), FAQ_POST_PERMISSIONS),
    ).toEqual([]);
  });

  it("treats Administrator as everything and garbage as nothing", () => {
    expect(missingPermissions(B.Administrator, FAQ_POST_PERMISSIONS)).toEqual([]);
    expect(missingPermissions("garbage", ["ViewChannel", "ViewChannel"])).toEqual(["ViewChannel"]);
    expect(missingPermissions(0n, [])).toEqual([]);
    expect(missingPermissions(0n, ["NotAPermission" as "ViewChannel"])).toEqual([]);
  });
});

describe("canModerateFaq", () => {
  it("needs Pin Messages or Manage Messages (Administrator grants all)", () => {
    expect(canModerateFaq(B.PinMessages)).toBe(true);
    expect(canModerateFaq(String(B.ManageMessages))).toBe(true);
    expect(canModerateFaq(B.Administrator)).toBe(true);
    expect(canModerateFaq(B.ViewChannel | B.SendMessages | B.EmbedLinks)).toBe(false);
    expect(canModerateFaq("0")).toBe(false);
    expect(canModerateFaq(null)).toBe(false);
    expect(canModerateFaq(undefined)).toBe(false);
  });
});
