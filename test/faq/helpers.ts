import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { type Core, coreFrom, createCore } from "../../src/core/core.js";
import {
  createFaqService,
  createKnowledgeHolder,
  type FaqRequest,
  type FaqService,
  type KnowledgeHolder,
} from "../../src/faq/index.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/index.js";
import { openStore, PERMISSION_BITS, type Store } from "../../src/store/index.js";
import { FakePort } from "./fake-port.js";

const made: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = "policybot-faq-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The shipped knowledge, built once for the whole file (a Core never changes). */
let shipped: Core | undefined;
export function shippedCore(): Core {
  shipped ??= createCore();
  return shipped;
}

/** A throw-away copy of the knowledge folder. */
export function copyKnowledge(): string {
  const dir = path.join(tempDir("policybot-faq-kb-"), "knowledge");
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  return dir;
}

/** Rewrites one file of a knowledge copy; fails loudly if the edit did not apply. */
export function edit(dir: string, rel: string, from: string | RegExp, to: string): void {
  const file = path.join(dir, rel);
  const before = readFileSync(file, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit did not apply to ${rel}: ${String(from)}`);
  writeFileSync(file, after);
}

/** A Core whose English retention answer says something else (its first line of details). */
export function coreWithRetentionChanged(): { dir: string; core: Core } {
  const dir = copyKnowledge();
  edit(
    dir,
    "answers/retention.en.md",
    "**2023 (section 4).**",
    "**2023 (section 4, as first published).**",
  );
  return { dir, core: coreFrom(loadKnowledge(dir)) };
}

export const BITS = PERMISSION_BITS;
const bits = (...names: (keyof typeof BITS)[]) =>
  String(names.reduce((n, name) => n | BITS[name], 0n));
export const perms = bits;

export const MODERATOR = bits("ViewChannel", "SendMessages", "PinMessages");
export const BOT = bits(
  "ViewChannel",
  "SendMessages",
  "EmbedLinks",
  "PinMessages",
  "ReadMessageHistory",
);

export const GUILD = "100000000000000001";
export const CHANNEL = "200000000000000001";
export const OTHER_CHANNEL = "200000000000000002";
export const MOD = "300000000000000001";
export const OWNER = "300000000000000099";

export function request(overrides: Partial<FaqRequest> = {}): FaqRequest {
  return {
    locale: "en",
    guildId: GUILD,
    channelId: CHANNEL,
    userId: MOD,
    memberPermissions: MODERATOR,
    appPermissions: BOT,
    options: {},
    ...overrides,
  };
}

export interface Harness {
  service: FaqService;
  port: FakePort;
  store: Store;
  holder: KnowledgeHolder;
  clock: { now: number };
}

/** A service over a real store in a temp folder, the fake port and a swappable core. */
export function harness(
  options: { core?: Core; load?: () => Core; ownerId?: string | null } = {},
): Harness {
  const clock = { now: Date.UTC(2025, 0, 15, 12) };
  const store = openStore({ dataDir: tempDir(), now: () => clock.now });
  stores.push(store);
  const port = new FakePort();
  const initial = options.core ?? shippedCore();
  const holder = createKnowledgeHolder(initial, options.load ?? (() => initial));
  const service = createFaqService({
    store,
    core: holder.current,
    port,
    ownerId: options.ownerId === undefined ? OWNER : options.ownerId,
    now: () => clock.now,
    reload: holder.reload,
  });
  return { service, port, store, holder, clock };
}
