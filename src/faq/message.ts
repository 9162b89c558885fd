import { topicReply } from "../answer/index.js";
import type { Core } from "../core/core.js";
import type { Reply } from "../core/reply.js";
import type { Locale, TopicId } from "../core/types.js";
import { encodeFaqVersion, faqContentHash } from "./hash.js";

/**
 * The public FAQ message for a topic: the same answer /ask gives, with its citations and the
 * knowledge version in the footer, shown to everyone. Its language and sources buttons give
 * a private copy to whoever presses them, so the pinned message never changes under others.
 */
export function faqMessage(core: Core, topic: TopicId, lang: Locale): Reply {
  return { ...topicReply(core, topic, lang), ephemeral: false };
}

/** The string recorded with a FAQ message: what it shows and which knowledge it came from. */
export function faqStoredVersion(core: Core, topic: TopicId, lang: Locale): string {
  return encodeFaqVersion(faqContentHash(core, topic, lang), core.knowledge.version);
}

export function topicTitle(core: Core, topic: TopicId, locale: Locale): string {
  return core.knowledge.topics.get(topic)?.title[locale] ?? topic;
}
