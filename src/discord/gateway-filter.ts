import type { Client } from "discord.js";
import type { GatewayMessageCreateDispatchData } from "discord-api-types/v10";

/** The part of a MESSAGE_CREATE payload the bot decides on. */
export type RawMessage = Pick<GatewayMessageCreateDispatchData, "content" | "guild_id"> & {
  author: { id: string; bot?: boolean };
};

/** A dispatch as @discordjs/ws hands it to discord.js. */
interface Packet {
  t?: string | null;
  d?: unknown;
}

interface PacketHandler {
  handlePacket(packet: Packet, shard: unknown): boolean;
}

/**
 * Drops the MESSAGE_CREATE dispatches `wanted` refuses before discord.js turns them into Message
 * objects. With the GuildMessages intent (needed for mentions) the gateway sends every message of
 * every channel the bot can see, its own answers included; building a Message for each one, only
 * for our listener to ignore it, was about 3 % of the bot's CPU in a burst of answers, and in a
 * busy server nearly every message is one nobody asked the bot.
 *
 * It wraps discord.js's private `WebSocketManager#handlePacket` (discord.js 14). Where that is
 * missing, nothing is installed and `false` comes back: the messageCreate listener still ignores
 * the same messages, later and at more cost.
 */
export function filterGatewayMessages(
  client: Client,
  wanted: (message: RawMessage) => boolean,
): boolean {
  const manager = client.ws as unknown as Partial<PacketHandler>;
  const original = manager.handlePacket;
  if (typeof original !== "function") return false;
  manager.handlePacket = function (this: PacketHandler, packet, shard) {
    if (packet?.t === "MESSAGE_CREATE" && isRawMessage(packet.d) && !wanted(packet.d)) {
      // discord.js would report the packet handled; nothing else waits on it.
      return true;
    }
    return original.call(this, packet, shard);
  };
  return true;
}

function isRawMessage(d: unknown): d is RawMessage {
  if (typeof d !== "object" || d === null) return false;
  const { author, content } = d as { author?: unknown; content?: unknown };
  return (
    typeof content === "string" &&
    typeof author === "object" &&
    author !== null &&
    typeof (author as { id?: unknown }).id === "string"
  );
}
