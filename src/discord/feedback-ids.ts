import { isTopicId, LOCALES, type Locale, type TopicId } from "../core/types.js";
import type { Vote } from "../store/index.js";

/**
 * Custom ids of the 👍 / 👎 buttons: `fb:<vote>:<topic or ->:<locale>`, e.g. `fb:up:opt-out:fr`
 * (at most 29 characters). The answer's topic and language travel in the id, so a press needs
 * nothing but the interaction: the message id comes from `interaction.message.id`.
 */
const PREFIX = "fb:";
const NO_TOPIC = "-";

export interface FeedbackButton {
  vote: Vote;
  topic: TopicId | null;
  locale: Locale;
}

export function isFeedbackButton(customId: unknown): boolean {
  return typeof customId === "string" && customId.startsWith(PREFIX);
}

export function encodeFeedback(button: FeedbackButton): string {
  return `${PREFIX}${button.vote}:${button.topic ?? NO_TOPIC}:${button.locale}`;
}

/** null for anything encodeFeedback did not make (forged or from another version). */
export function decodeFeedback(customId: unknown): FeedbackButton | null {
  if (typeof customId !== "string" || customId.length > 100 || !customId.startsWith(PREFIX)) {
    return null;
  }
  const parts = customId.slice(PREFIX.length).split(":");
  if (parts.length !== 3) return null;
  const [vote, topic, locale] = parts as [string, string, string];
  if (vote !== "up" && vote !== "down") return null;
  if (topic !== NO_TOPIC && !isTopicId(topic)) return null;
  if (!(LOCALES as readonly string[]).includes(locale)) return null;
  return {
    vote,
    topic: topic === NO_TOPIC ? null : (topic as TopicId),
    locale: locale as Locale,
  };
}
