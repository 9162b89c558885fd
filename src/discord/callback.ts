import type { RepliableInteraction } from "discord.js";
import {
  type APIEmbed,
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
      components: payload.components,
      allowed_mentions:
        repliedUser === undefined ? allowed : { ...allowed, replied_user: repliedUser },
      ...(payload.flags === undefined ? {} : { flags: payload.flags }),
      // Last, so callbackJson can splice serialized embeds in.
      embeds: payload.embeds,
    },
  };
}

/**
 * Embeds as UTF-8 JSON, by embed object. The renderer hands out one embed object per reply it
 * lays out (see render.ts), and an answer's embed is most of its 6 KB body: serializing it once
 * per topic and language, instead of on every answer, saved 4 % of the bot's CPU in the burst
 * bench. Nothing mutates a rendered embed, so a cached serialization cannot go stale.
 */
const embedBytes = new WeakMap<APIEmbed, Buffer>();

function bytesOf(embed: APIEmbed): Buffer {
  let bytes = embedBytes.get(embed);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(embed), "utf8");
    embedBytes.set(embed, bytes);
  }
  return bytes;
}

/** `callbackBody(payload)` as the JSON bytes Discord receives, with each embed serialized once. */
export function callbackJson(payload: MessagePayload): Buffer {
  const body = callbackBody({ ...payload, embeds: [] });
  const text = JSON.stringify(body);
  // The body ends with `"embeds":[]}}`: the embeds go between the brackets. Should callbackBody
  // ever change shape, plain serialization stays correct.
  if (!text.endsWith(EMPTY_EMBEDS_END)) {
    return Buffer.from(JSON.stringify(callbackBody(payload)), "utf8");
  }
  const split = text.length - 3;
  const parts: Buffer[] = [Buffer.from(text.slice(0, split), "utf8")];
  payload.embeds.forEach((embed, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(bytesOf(embed));
  });
  parts.push(Buffer.from(text.slice(split), "utf8"));
  return Buffer.concat(parts);
}

const COMMA = Buffer.from(",");
const EMPTY_EMBEDS_END = '"embeds":[]}}';

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
      body: callbackJson(payload),
      passThroughBody: true,
      headers: { "Content-Type": "application/json" },
      auth: false,
    },
  );
  interaction.ephemeral = ((payload.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  interaction.replied = true;
}
