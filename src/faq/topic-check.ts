import type { Locale } from "../core/types.js";
import { ft } from "./i18n.js";
import { type FaqReply, moderatorReply } from "./reply.js";

export function unknownTopicReply(locale: Locale, raw: string): FaqReply {
  // The value is echoed inside code: strip what could close it, and keep it short.
  const shown = raw.replace(/[`\n\r]/g, "").slice(0, 60) || "—";
  return moderatorReply(
    locale,
    "notice",
    ft(locale, "unknownTopicTitle"),
    ft(locale, "unknownTopic", { topic: shown }),
  );
}
