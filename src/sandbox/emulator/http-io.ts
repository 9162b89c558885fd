import type { IncomingMessage, ServerResponse } from "node:http";
import { DiscordHttpError } from "./errors.js";

/** Largest body the emulator reads (Discord's own upload limit is of this order). */
const MAX_BODY_BYTES = 26 * 1024 * 1024;

export interface ParsedBody {
  body: unknown;
  files: string[];
}

/** Reads the whole body. Plain stream events: an async iterator per request cost more than the JSON parse. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData);
        // Keep draining so the client sees our answer rather than a reset socket.
        req.resume();
        reject(new DiscordHttpError(413, { code: 40005, message: "Request entity too large" }));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => {
      if (size <= MAX_BODY_BYTES)
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    req.once("error", reject);
  });
}

/**
 * Parses JSON, or multipart/form-data's `payload_json` part plus the file names. Like Discord, a
 * body sent without either content type is not read at all (Discord then answers as if it were
 * empty, e.g. 50006 "Cannot send an empty message"), so a client that forgets the header fails
 * here as it would there.
 */
export function parseBody(contentType: string | undefined, raw: Buffer): ParsedBody {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return parseMultipart(contentType ?? "", raw);
  if (!type.startsWith("application/json")) return { body: undefined, files: [] };
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    throw new DiscordHttpError(400, {
      code: 50109,
      message: "The request body contains invalid JSON.",
    });
  }
}

function parseMultipart(contentType: string, raw: Buffer): ParsedBody {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new DiscordHttpError(400, { code: 50035, message: "Invalid Form Body" });
  // latin1 maps bytes 1:1, so binary file parts survive the split untouched.
  const parts = raw.toString("latin1").split(`--${boundary}`);
  let body: unknown;
  const files: string[] = [];
  for (const part of parts) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const content = part.slice(headerEnd + 4).replace(/\r\n$/, "");
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename !== undefined) {
      files.push(Buffer.from(filename, "latin1").toString("utf8"));
    } else if (name === "payload_json") {
      try {
        body = JSON.parse(Buffer.from(content, "latin1").toString("utf8"));
      } catch {
        throw new DiscordHttpError(400, {
          code: 50109,
          message: "The request body contains invalid JSON.",
        });
      }
    }
  }
  return { body, files };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status === 200 && body === undefined ? 204 : status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}
