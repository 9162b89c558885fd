import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "../../src/log/index.js";

describe("redactSecrets", () => {
  it("hands back the very object when it holds no secret (the common case allocates nothing)", () => {
    const bindings = { interactionId: "42", command: "ask", guildId: null, locale: "fr" };
    expect(redactSecrets(bindings)).toBe(bindings);
    const nested = { a: [{ b: 1 }, "x"], c: { d: { e: "f" } } };
    expect(redactSecrets(nested)).toBe(nested);
  });

  it("replaces secret keys at any depth and letter case, and leaves the original untouched", () => {
    const original = {
      token: "t1",
      config: { Token: "t2", keep: 1 },
      requests: [{ headers: { Authorization: "Bot t3" } }, { ok: true }],
      deep: { a: { b: { c: { password: "p" } } } },
    };
    const copy = JSON.parse(JSON.stringify(original));
    const clean = redactSecrets(original);
    expect(clean).toEqual({
      token: REDACTED,
      config: { Token: REDACTED, keep: 1 },
      requests: [{ headers: { Authorization: REDACTED } }, { ok: true }],
      deep: { a: { b: { c: { password: REDACTED } } } },
    });
    expect(original).toEqual(copy);
    // Branches without secrets are shared, not copied.
    expect(clean.requests[1]).toBe(original.requests[1]);
  });

  it("checks what JSON would write for objects with toJSON, and the fields of errors", () => {
    const structure = { toJSON: () => ({ id: "1", token: "interaction-token" }) };
    const error = Object.assign(new Error("boom"), { token: "in-error" });
    const clean = redactSecrets({ interaction: structure, err: error }) as unknown as {
      interaction: Record<string, unknown>;
      err: Record<string, unknown>;
    };
    expect(clean.interaction).toEqual({ id: "1", token: REDACTED });
    expect(clean.err.token).toBe(REDACTED);
    expect(clean.err.message).toBe("boom");
    expect(error.token).toBe("in-error");
    const harmless = new Error("no secret");
    const kept = { err: harmless };
    expect(redactSecrets(kept)).toBe(kept);
  });

  it("survives cycles", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(redactSecrets(a)).toBe(a);
    const b: Record<string, unknown> = { token: "x" };
    b.self = b;
    expect((redactSecrets(b) as Record<string, unknown>).token).toBe(REDACTED);
  });
});
