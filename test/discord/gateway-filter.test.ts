import type { Client } from "discord.js";
import { describe, expect, it } from "vitest";
import { filterGatewayMessages, type RawMessage } from "../../src/discord/gateway-filter.js";

/** A stand-in for discord.js's WebSocketManager: records the packets it is handed. */
function fakeClient() {
  const handled: { packet: unknown; shard: unknown; self: unknown }[] = [];
  const ws = {
    name: "manager",
    handlePacket(this: unknown, packet: unknown, shard: unknown) {
      handled.push({ packet, shard, self: this });
      return true;
    },
  };
  return { client: { ws } as unknown as Client, ws, handled };
}

const message = (content: string, authorId = "1"): { t: string; d: RawMessage } => ({
  t: "MESSAGE_CREATE",
  d: { content, author: { id: authorId } },
});

describe("filterGatewayMessages", () => {
  it("drops the messages `wanted` refuses and hands the others to discord.js unchanged", () => {
    const { client, ws, handled } = fakeClient();
    expect(filterGatewayMessages(client, (m) => m.content.includes("bot"))).toBe(true);
    const shard = { id: 0 };
    const kept = message("hey bot");
    expect(ws.handlePacket(message("chatter"), shard)).toBe(true);
    expect(ws.handlePacket(kept, shard)).toBe(true);
    expect(handled).toEqual([{ packet: kept, shard, self: ws }]);
  });

  it("never filters other dispatches or a MESSAGE_CREATE it cannot read", () => {
    const { client, ws, handled } = fakeClient();
    filterGatewayMessages(client, () => false);
    const others = [
      { t: "INTERACTION_CREATE", d: { id: "1" } },
      { t: "MESSAGE_CREATE", d: null },
      { t: "MESSAGE_CREATE", d: { content: 3, author: { id: "1" } } },
      { t: "MESSAGE_CREATE", d: { content: "hi" } },
      { t: null, d: null },
    ];
    for (const packet of others) ws.handlePacket(packet, undefined);
    expect(handled.map((h) => h.packet)).toEqual(others);
  });

  it("installs nothing when discord.js has no handlePacket", () => {
    const client = { ws: {} } as unknown as Client;
    expect(filterGatewayMessages(client, () => false)).toBe(false);
    expect((client.ws as unknown as { handlePacket?: unknown }).handlePacket).toBeUndefined();
  });
});
