import type { ButtonInteraction } from "discord.js";
import { makeReply } from "../answer/base.js";
import type { Locale } from "../core/types.js";
import type { Logger } from "../log/index.js";
import { replyWith } from "./callback.js";
import type { ShellContext } from "./context.js";
import { decodeFeedback } from "./feedback-ids.js";
import { feedbackText } from "./feedback-text.js";
import { renderReply } from "./render.js";
import { allowed } from "./replying.js";

/**
 * A 👍 / 👎 press: one vote per answer message and person (the store keeps an HMAC of the user
 * id, never the id), acknowledged privately so the answer itself never changes.
 */
export async function feedbackButton(
  ctx: ShellContext,
  interaction: ButtonInteraction,
  locale: Locale,
  log: Logger,
): Promise<void> {
  const button = decodeFeedback(interaction.customId);
  if (!button) {
    log.warn("feedback button with a malformed custom id");
    await interaction.deferUpdate();
    return;
  }
  if (!(await allowed(ctx, interaction, locale, log))) return;
  const result = ctx.store.feedback.vote({
    messageId: interaction.message.id,
    userId: interaction.user.id,
    vote: button.vote,
    topic: button.topic,
    locale: button.locale,
    guildId: interaction.guildId,
  });
  const text = feedbackText(locale, result.status);
  await replyWith(
    interaction,
    renderReply(
      makeReply(locale, { kind: "info", title: text.title, body: text.body, ephemeral: true }),
    ),
  );
  log.info(
    { vote: button.vote, topic: button.topic, answerLocale: button.locale, status: result.status },
    "feedback",
  );
}
