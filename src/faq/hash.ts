import { createHash } from "node:crypto";
import { layoutReply, topicReply } from "../answer/index.js";
import type { Core } from "../core/core.js";
import type { Locale, TopicId } from "../core/types.js";

/**
 * Hash of what a FAQ message shows for (topic, lang): the laid-out embed, without the
 * knowledge version in its footer. The version changes with any knowledge edit; the hash
 * only when this answer's own text, fields or citations change, so an edit to another
 * topic does not mark every pinned FAQ outdated.
 */
export function faqContentHash(core: Core, topic: TopicId, lang: Locale): string {
  // A Core never changes once built, so its hashes can be kept as long as it lives.
  let cache = HASHES.get(core);
  if (!cache) {
    cache = new Map();
    HASHES.set(core, cache);
  }
  const key = `${topic}:${lang}`;
  const known = cache.get(key);
  if (known) return known;
  const hash = computeHash(core, topic, lang);
  cache.set(key, hash);
  return hash;
}

const HASHES = new WeakMap<Core, Map<string, string>>();

function computeHash(core: Core, topic: TopicId, lang: Locale): string {
  const layout = layoutReply(topicReply(core, topic, lang));
  const footer = layout.footer.split(core.knowledge.version).join("");
  const hash = createHash("sha256")
    .update(JSON.stringify({ ...layout, footer }))
    .digest("hex");
  return hash.slice(0, 32);
}

/** The hash, or undefined when the knowledge no longer has this topic (its FAQ is then outdated). */
export function currentFaqHash(core: Core, topic: TopicId, lang: Locale): string | undefined {
  if (!core.knowledge.topics.has(topic)) return undefined;
  try {
    return faqContentHash(core, topic, lang);
  } catch {
    return undefined;
  }
}

/**
 * The store keeps one string per FAQ record. We keep two things in it, `<hash>@<version>`:
 * the content hash (to tell outdated messages) and the knowledge version the message was
 * written from (to show in /faq list). A record written by someone else, without `@`, is
 * read as a hash with an unknown version.
 */
export interface StoredFaqVersion {
  hash: string;
  version: string;
}

export function encodeFaqVersion(hash: string, version: string): string {
  return `${hash}@${version}`;
}

export function decodeFaqVersion(stored: string): StoredFaqVersion {
  const at = stored.lastIndexOf("@");
  if (at < 0) return { hash: stored, version: "?" };
  return { hash: stored.slice(0, at), version: stored.slice(at + 1) || "?" };
}

/** True when the message was written from other content than the current answer. */
export function isOutdated(core: Core, topic: TopicId, lang: Locale, stored: string): boolean {
  return currentFaqHash(core, topic, lang) !== decodeFaqVersion(stored).hash;
}
