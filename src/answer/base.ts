import type { Reply } from "../core/reply.js";
import type { Knowledge, Locale } from "../core/types.js";
import { t } from "./i18n.js";

/** A reply with every field present, so callers only say what differs. */
export function makeReply(
  locale: Locale,
  parts: Partial<Reply> & Pick<Reply, "kind" | "title">,
): Reply {
  return {
    body: "",
    fields: [],
    citations: [],
    footer: "",
    related: [],
    buttons: [],
    ephemeral: false,
    topic: null,
    ...parts,
    locale,
  };
}

/** Every answer says it is not legal advice and which knowledge it was written from. */
export function answerFooter(knowledge: Knowledge, locale: Locale): string {
  return `${t(locale, "notLegalAdvice")} · ${t(locale, "version")} ${knowledge.version}`;
}
