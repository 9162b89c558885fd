import type { RepliableInteraction } from "discord.js";
import {
  type APIInteractionResponseChannelMessageWithSource,
  InteractionResponseType,
  MessageFlags,
  Routes,
} from "discord-api-types/v10";
import type { MessagePayload } from "./render.js";

/** Thrown like discord.js's InteractionAlreadyReplied: answering twice is a bug in our code. */
export class AlreadyAnsweredError extends Error {
  constructor(interactionId: string) {
    super(`interaction ${interactionId} was already answered or deferred`);
    this.name = "AlreadyAnsweredError";
  }
}

/** The interaction callback body for a rendered reply, in Discord's own field names. */
export function callbackBody(
  payload: MessagePayload,
): APIInteractionResponseChannelMessageWithSource {
  const { repliedUser, ...allowed } = payload.allowedMentions;
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: {
      ...(payload.content === undefined ? {} : { content: payload.content }),
      embeds: payload.embeds,
      components: payload.components,
      allowed_mentions:
        repliedUser === undefined ? allowed : { ...allowed, replied_user: repliedUser },
      ...(payload.flags === undefined ? {} : { flags: payload.flags }),
    },
  };
}

/**
 * Answers an interaction with a message: what `interaction.reply(payload)` does, minus its
 * MessagePayload. Ours is API JSON already, and discord.js's MessagePayload `require()`s four
 * modules on every reply from its getters (module resolution per answer: 4 % of the bot's CPU in
 * the burst bench). The same REST client sends it, so rate limits and retries are unchanged, and
 * the interaction's `replied` and `ephemeral` end as discord.js would set them, so later
 * `followUp`/`editReply` calls and the error boundary behave the same.
 */
export async function replyWith(
  interaction: RepliableInteraction,
  payload: MessagePayload,
): Promise<void> {
  if (interaction.deferred || interaction.replied) throw new AlreadyAnsweredError(interaction.id);
  await interaction.client.rest.post(
    Routes.interactionCallback(interaction.id, interaction.token),
    {
      body: callbackBody(payload),
      auth: false,
    },
  );
  interaction.ephemeral = ((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  interaction.replied = true;
}
