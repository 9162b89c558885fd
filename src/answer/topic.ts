import type { Core } from "../core/core.js";
import type { Reply, ReplyField } from "../core/reply.js";
import {
  type Answer,
  answerKey,
  type Locale,
  PLATFORMS,
  type Platform,
  type TopicId,
} from "../core/types.js";
import { answerFooter, makeReply } from "./base.js";
import { citablePassages, citePassage } from "./citations.js";
import { compareText } from "./format.js";
import { t } from "./i18n.js";
import { memoReply } from "./memo.js";

export function getAnswer(core: Core, topic: TopicId, locale: Locale): Answer {
  const answer =
    core.knowledge.answers.get(answerKey(topic, locale)) ??
    core.knowledge.answers.get(answerKey(topic, locale === "fr" ? "en" : "fr"));
  // The loader refuses knowledge with a topic missing an answer, so this is a programming error.
  if (!answer) throw new Error(`No answer for topic "${topic}" in the loaded knowledge`);
  return answer;
}

const PLATFORM_LABEL = {
  web: "platformWeb",
  ios: "platformIos",
  android: "platformAndroid",
} as const;

export function stepsField(answer: Answer, platform: Platform, locale: Locale): ReplyField | null {
  const steps = answer.steps?.[platform];
  if (!steps || steps.length === 0) return null;
  return {
    name: `${t(locale, "steps")} · ${t(locale, PLATFORM_LABEL[platform])}`,
    value: steps.map((step, i) => `${i + 1}. ${step}`).join("\n"),
  };
}

/** Our written answer to a topic, with the passages that support it. */
export function topicReply(
  core: Core,
  topic: TopicId,
  locale: Locale,
  extraPassageIds: string[] = [],
): Reply {
  return memoReply(core, `topic:${topic}:${locale}:${extraPassageIds.join(",")}`, () =>
    buildTopicReply(core, topic, locale, extraPassageIds),
  );
}

function buildTopicReply(
  core: Core,
  topic: TopicId,
  locale: Locale,
  extraPassageIds: string[],
): Reply {
  const answer = getAnswer(core, topic, locale);
  const fields: ReplyField[] = [];
  for (const platform of PLATFORMS) {
    const field = stepsField(answer, platform, locale);
    if (field) fields.push({ ...field, inline: false });
  }
  if (answer.pressNote) fields.push({ name: t(locale, "pressNote"), value: answer.pressNote });
  const passages = citablePassages(
    core.knowledge,
    [...answer.supports, ...extraPassageIds],
    locale,
  );
  return makeReply(locale, {
    kind: "answer",
    title: answer.title,
    body: `**${answer.short}**\n\n${answer.details}`.trim(),
    fields,
    citations: passages.map((p) => citePassage(core.knowledge, p, locale)),
    footer: answerFooter(core.knowledge, locale),
    related: answer.related,
    buttons: [{ label: t(locale, "viewSources"), action: { type: "source", topic } }],
    topic,
    request: { command: "topic", topic },
  });
}

/** Every verbatim text on a topic, the answer's own supports first, then by source and version. */
export function sourceReply(core: Core, topic: TopicId, locale: Locale): Reply {
  return memoReply(core, `source:${topic}:${locale}`, () => buildSourceReply(core, topic, locale));
}

function buildSourceReply(core: Core, topic: TopicId, locale: Locale): Reply {
  const { knowledge } = core;
  const answer = getAnswer(core, topic, locale);
  const quotes = knowledge.passages
    .filter((p) => p.kind === "quote" && p.topics.includes(topic))
    .sort((a, b) => {
      const va = knowledge.sources.get(a.sourceId)?.version ?? "";
      const vb = knowledge.sources.get(b.sourceId)?.version ?? "";
      return compareText(a.sourceId, b.sourceId) || compareText(va, vb);
    });
  const ordered = citablePassages(
    knowledge,
    [
      ...answer.supports.filter((id) => knowledge.passagesById.get(id)?.kind === "quote"),
      ...quotes.map((p) => p.id),
    ],
    locale,
  );
  return makeReply(locale, {
    kind: "info",
    title: t(locale, "sourceTitle", { topic: knowledge.topics.get(topic)?.title[locale] ?? topic }),
    body: t(locale, "sourceIntro"),
    citations: ordered.map((p) => citePassage(knowledge, p, locale)),
    footer: answerFooter(knowledge, locale),
    related: [topic],
    topic,
    request: { command: "source", topic },
  });
}
