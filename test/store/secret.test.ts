import { createHmac } from "node:crypto";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { HmacSecret, loadOrCreateSecret, SECRET_BYTES } from "../../src/store/secret.js";
import { tempDir } from "./helpers.js";

describe("secret.key", () => {
  it("is made once with 32 random bytes and mode 0600, then reused", () => {
    const dir = tempDir();
    const first = loadOrCreateSecret(dir);
    expect(first.created).toBe(true);
    expect(first.file).toBe(path.join(dir, "secret.key"));
    const bytes = readFileSync(first.file);
    expect(bytes.length).toBe(SECRET_BYTES);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);

    const second = loadOrCreateSecret(dir);
    expect(second.created).toBe(false);
    expect(readFileSync(second.file).equals(bytes)).toBe(true);
    expect(second.secret.hmacHex("42")).toBe(first.secret.hmacHex("42"));
    expect(first.secret.hmacHex("42")).toBe(createHmac("sha256", bytes).update("42").digest("hex"));
  });

  it("differs between two data folders", () => {
    const a = loadOrCreateSecret(tempDir()).secret.hmacHex("42");
    const b = loadOrCreateSecret(tempDir()).secret.hmacHex("42");
    expect(a).not.toBe(b);
  });

  it("a key of the wrong length is refused, not replaced", () => {
    const dir = tempDir();
    const file = path.join(dir, "secret.key");
    writeFileSync(file, "short", { mode: 0o600 });
    let caught: unknown;
    try {
      loadOrCreateSecret(dir);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreError);
    expect((caught as StoreError).code).toBe("secret");
    expect((caught as StoreError).message).toContain(file);
    expect(readFileSync(file, "utf8")).toBe("short");
  });

  it("a key readable by others has its mode tightened and is still used", () => {
    const dir = tempDir();
    const { file, secret } = loadOrCreateSecret(dir);
    chmodSync(file, 0o644);
    const warnings: object[] = [];
    const again = loadOrCreateSecret(dir, { info: () => {}, warn: (obj) => warnings.push(obj) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(again.secret.hmacHex("x")).toBe(secret.hmacHex("x"));
    expect(warnings).toHaveLength(1);
  });

  it("never shows its bytes in logs, JSON or inspect", () => {
    const dir = tempDir();
    const { file, secret } = loadOrCreateSecret(dir);
    const hex = readFileSync(file).toString("hex");
    const shown = [JSON.stringify({ secret }), inspect(secret), String(secret), `${secret}`];
    for (const text of shown) {
      expect(text).toContain("[redacted]");
      expect(text).not.toContain(hex);
    }
    expect(Object.keys(secret)).toEqual([]);
  });

  it("rejects an in-memory key of the wrong size", () => {
    expect(() => new HmacSecret(Buffer.alloc(16))).toThrow(StoreError);
  });
});
