import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/index.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe("logger", () => {
  const token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789";

  it("never writes the token, at any level, in any field or message", () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: "trace", secrets: [token], destination: stream });
    log.trace({ token }, "trace");
    log.debug({ config: { token } }, `debug ${token}`);
    log.info({ headers: { authorization: `Bot ${token}` } }, "info");
    log.warn({ url: `https://x/${token}/y` }, "warn");
    log.error({ err: new Error(`401 with ${token}`) }, "error");
    log.child({ nested: { deep: token } }).fatal("fatal");
    log.child({ request: { headers: { authorization: token } } }).info("child binding");
    log.info({ a: { b: { c: { interaction: { token } } } } }, "deep");
    log.info({ err: Object.assign(new Error("boom"), { token }) }, "error field");
    log.info({ list: [{ token }] }, "array");
    const out = lines.join("");
    expect(lines.length).toBe(10);
    expect(out).not.toContain(token);
    expect(out).toContain("[redacted]");
  });

  it("hides secret fields it was not told about (interaction tokens) in objects and bindings", () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: "info", destination: stream });
    const secret = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5";
    log.child({ request: { token: secret } }).info({ a: { b: { c: { token: secret } } } }, "x");
    log.warn({ err: Object.assign(new Error("boom"), { authorization: secret }) }, "y");
    const out = lines.join("");
    expect(lines.length).toBe(2);
    expect(out).not.toContain(secret);
    expect(JSON.parse(lines[1] ?? "{}").err).toMatchObject({ message: "boom", type: "Error" });
  });

  it("writes JSON lines with the child's bindings", () => {
    const { lines, stream } = capture();
    const log = createLogger({ level: "info", destination: stream });
    log.child({ interactionId: "42", command: "ask" }).info({ latencyMs: 3 }, "answered");
    const line = JSON.parse(lines[0] ?? "{}");
    expect(line).toMatchObject({
      interactionId: "42",
      command: "ask",
      latencyMs: 3,
      msg: "answered",
    });
  });
});
