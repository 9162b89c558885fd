import type { Core } from "../core/core.js";
import type { Reply } from "../core/reply.js";
import type { Locale, Platform } from "../core/types.js";
import { t } from "./i18n.js";
import { memoReply } from "./memo.js";
import { getAnswer, stepsField, topicReply } from "./topic.js";

/**
 * The opt-out answer; with a platform, that platform's numbered steps lead and the others are
 * left out so the steps are the first thing a phone user reads.
 */
export function optOutReply(core: Core, locale: Locale, platform?: Platform): Reply {
  return memoReply(core, `optout:${locale}:${platform ?? ""}`, () =>
    buildOptOutReply(core, locale, platform),
  );
}

function buildOptOutReply(core: Core, locale: Locale, platform?: Platform): Reply {
  const full = topicReply(core, "opt-out", locale);
  const request = platform
    ? { command: "optout" as const, platform }
    : { command: "optout" as const };
  if (!platform) return { ...full, request };
  const answer = getAnswer(core, "opt-out", locale);
  const steps = stepsField(answer, platform, locale);
  const pressNote = answer.pressNote ?? t(locale, "optOutPressNote");
  return {
    ...full,
    body: steps ? `**${answer.short}**\n\n**${steps.name}**\n${steps.value}` : full.body,
    fields: [{ name: t(locale, "pressNote"), value: pressNote }],
    request,
  };
}
