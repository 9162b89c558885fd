import type { Core } from "../core/core-from.js";
import type { Reply } from "../core/reply.js";

/**
 * Replies that depend only on the knowledge and their arguments, built once per core: the same
 * Reply object comes back for the same topic and language, so the Discord shell can reuse its
 * rendering too. A reloaded knowledge is a new core, so nothing stale is ever served.
 * Replies are treated as immutable everywhere (callers spread them to change anything).
 */
const replies = new WeakMap<Core, Map<string, Reply>>();

export function memoReply(core: Core, key: string, build: () => Reply): Reply {
  let cache = replies.get(core);
  if (!cache) {
    cache = new Map();
    replies.set(core, cache);
  }
  let reply = cache.get(key);
  if (!reply) {
    reply = build();
    cache.set(key, reply);
  }
  return reply;
}
