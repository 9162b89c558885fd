import type { Core } from "../core/core.js";
import type { Reply } from "../core/reply.js";
import { type Locale, type Platform, TOPIC_IDS } from "../core/types.js";
import { type SearchResult, search } from "../search/index.js";
import { answerFooter, makeReply } from "./base.js";
import { t } from "./i18n.js";
import { optOutReply } from "./optout.js";
import { topicReply } from "./topic.js";

/** Longer questions are cut: nobody asks a 10 kB question, and search cost grows with length. */
export const MAX_QUESTION_CHARS = 500;

export interface AskOutcome {
  reply: Reply;
  /** null when the question was empty and nothing was searched. */
  result: SearchResult | null;
}

export function answerQuestion(
  core: Core,
  question: unknown,
  options: { locale?: Locale } = {},
): AskOutcome {
  const text = typeof question === "string" ? question.replace(/\p{Cc}+/gu, " ").trim() : "";
  if (text === "") {
    const locale = options.locale ?? "en";
    const example = core.knowledge.topics.get("opt-out")?.suggested[locale][0] ?? "";
    return {
      reply: makeReply(locale, {
        kind: "notice",
        title: t(locale, "noAnswerTitle"),
        body: t(locale, "emptyQuestion", { example }),
        ephemeral: true,
      }),
      result: null,
    };
  }
  const cut = text.length > MAX_QUESTION_CHARS;
  const asked = cut ? text.slice(0, MAX_QUESTION_CHARS) : text;
  const result = search(core.index, asked, options.locale ? { locale: options.locale } : {});
  const locale = options.locale ?? result.locale;
  let reply: Reply;
  if (result.answered && result.topic) {
    const topic = result.topic;
    // The best matching passage is worth citing even when the written answer does not list it.
    const extra = result.results.filter((hit) => hit.passage.topics.includes(topic)).slice(0, 1);
    const platform = topic === "opt-out" ? platformMentioned(asked) : undefined;
    reply = platform
      ? optOutReply(core, locale, platform)
      : topicReply(
          core,
          topic,
          locale,
          extra.map((hit) => hit.passage.id),
        );
  } else {
    reply = noAnswerReply(core, locale);
  }
  if (cut)
    reply = {
      ...reply,
      body: `*${t(locale, "questionTooLong", { max: MAX_QUESTION_CHARS })}*\n\n${reply.body}`,
    };
  return { reply, result };
}

const PLATFORM_WORDS: [Platform, RegExp][] = [
  ["ios", /\b(ios|iphone|ipad)\b/i],
  ["android", /\bandroid\b/i],
  ["web", /\b(web|browser|navigateur|ordinateur|computer|desktop|pc|mac)\b/i],
];

/** "on my iPhone" should lead with the iOS steps rather than all three platforms. */
export function platformMentioned(question: string): Platform | undefined {
  const found = PLATFORM_WORDS.filter(([, pattern]) => pattern.test(question));
  return found.length === 1 ? found[0]?.[0] : undefined;
}

/** Instead of guessing, say so and show what can be answered, one button per topic. */
export function noAnswerReply(core: Core, locale: Locale): Reply {
  const { knowledge } = core;
  const lines = TOPIC_IDS.map((id) => {
    const topic = knowledge.topics.get(id);
    const example = topic?.suggested[locale][0];
    const quoted = example ? (locale === "fr" ? ` — « ${example} »` : ` — "${example}"`) : "";
    return `• **${topic?.title[locale] ?? id}**${quoted}`;
  });
  return makeReply(locale, {
    kind: "no-answer",
    title: t(locale, "noAnswerTitle"),
    body: `${t(locale, "noAnswerBody")}\n\n${lines.join("\n")}\n\n${t(locale, "noAnswerTry")}`,
    footer: answerFooter(knowledge, locale),
    buttons: TOPIC_IDS.map((id) => ({
      label: knowledge.topics.get(id)?.title[locale] ?? id,
      action: { type: "topic" as const, topic: id },
    })),
  });
}
