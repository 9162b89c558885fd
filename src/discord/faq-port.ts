import { type Client, DiscordAPIError, type Message } from "discord.js";
import type { Reply } from "../core/reply.js";
import { DISCORD_CODES, DiscordRefusal, type FaqDiscordPort } from "../faq/index.js";
import { type MessagePayload, renderReply } from "./render.js";

/** The part of a text channel the FAQ feature uses. */
interface FaqChannel {
  send(options: object): Promise<Message>;
  messages: {
    edit(id: string, options: object): Promise<Message>;
    fetch(options: { message: string; force: boolean }): Promise<Message>;
    pin(id: string): Promise<void>;
    unpin(id: string): Promise<void>;
    delete(id: string): Promise<void>;
  };
}

function withoutFlags(payload: MessagePayload): Omit<MessagePayload, "flags"> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

/** Discord's answer as the FAQ service understands it; anything else is unexpected. */
async function refusing<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DiscordAPIError && typeof error.code === "number") {
      throw new DiscordRefusal(error.code, error.status, error.message);
    }
    throw error;
  }
}

/**
 * FaqDiscordPort over discord.js: every Reply goes through the shell's renderer, so FAQ messages
 * obey the same limits (and carry the same buttons) as any answer.
 */
export function createDiscordFaqPort(client: Client): FaqDiscordPort {
  const channel = (channelId: string): Promise<FaqChannel> =>
    refusing(async () => {
      const found = await client.channels.fetch(channelId);
      if (!found?.isTextBased() || !("messages" in found) || !("send" in found)) {
        throw new DiscordRefusal(DISCORD_CODES.unknownChannel, 404, "Unknown Channel");
      }
      return found as unknown as FaqChannel;
    });
  const render = (reply: Reply, asMessageReply = false) =>
    renderReply({ ...reply, ephemeral: false }, { asMessageReply });

  return {
    async postMessage(channelId, reply, options = {}) {
      const target = await channel(channelId);
      const replyTo = options.replyTo;
      const sent = await refusing(() =>
        target.send({
          ...render(reply, !!replyTo),
          ...(replyTo && { reply: { messageReference: replyTo, failIfNotExists: true } }),
        }),
      );
      return { id: sent.id };
    },
    async editMessage(channelId, messageId, reply) {
      const target = await channel(channelId);
      await refusing(() => target.messages.edit(messageId, withoutFlags(render(reply))));
    },
    async fetchMessage(channelId, messageId) {
      const target = await channel(channelId);
      try {
        const message = await refusing(() =>
          target.messages.fetch({ message: messageId, force: true }),
        );
        return { id: message.id, pinned: message.pinned };
      } catch (error) {
        if (error instanceof DiscordRefusal && error.code === DISCORD_CODES.unknownMessage) {
          return null;
        }
        throw error;
      }
    },
    async pin(channelId, messageId) {
      const target = await channel(channelId);
      await refusing(() => target.messages.pin(messageId));
    },
    async unpin(channelId, messageId) {
      const target = await channel(channelId);
      await refusing(() => target.messages.unpin(messageId));
    },
    async deleteMessage(channelId, messageId) {
      const target = await channel(channelId);
      await refusing(() => target.messages.delete(messageId));
    },
  };
}
