import type { Reply } from "../../src/core/reply.js";
import { DiscordRefusal, type FaqDiscordPort } from "../../src/faq/index.js";

export interface FakeMessage {
  id: string;
  channelId: string;
  payload: Reply;
  pinned: boolean;
  replyTo?: string;
  edits: number;
}

type Method = "postMessage" | "editMessage" | "fetchMessage" | "pin" | "unpin" | "deleteMessage";

const STATUS: Record<number, number> = {
  10003: 404,
  10008: 404,
  30003: 400,
  50001: 403,
  50013: 403,
};

/**
 * Discord in memory: messages per channel, pins with Discord's per-channel limit, and
 * refusals on demand (`failNext("pin", 30003)`). Every call is logged for assertions.
 */
export class FakePort implements FaqDiscordPort {
  readonly messages = new Map<string, FakeMessage>();
  readonly calls: { method: Method; channelId: string; messageId?: string }[] = [];
  pinLimit = 50;
  #nextId = 1_000_000_000_000_000_000n;
  #failures: { method: Method; code: number; messageId?: string }[] = [];

  /** The next call of `method` (on `messageId`, if given) throws Discord's error `code`. */
  failNext(method: Method, code: number, messageId?: string): this {
    this.#failures.push({ method, code, ...(messageId ? { messageId } : {}) });
    return this;
  }

  /** Someone deletes a message by hand. */
  deleteByHand(messageId: string): void {
    this.messages.delete(messageId);
  }

  pinnedIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && m.pinned);
  }

  /** Fills a channel with pins that are not the bot's FAQ messages. */
  pinOthers(channelId: string, count: number): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.#id();
      this.messages.set(id, { id, channelId, payload: {} as Reply, pinned: true, edits: 0 });
      ids.push(id);
    }
    return ids;
  }

  async postMessage(channelId: string, payload: Reply, options: { replyTo?: string } = {}) {
    this.#enter("postMessage", channelId);
    if (options.replyTo !== undefined && !this.messages.has(options.replyTo)) this.#refuse(10008);
    const id = this.#id();
    this.messages.set(id, {
      id,
      channelId,
      payload,
      pinned: false,
      edits: 0,
      ...(options.replyTo !== undefined ? { replyTo: options.replyTo } : {}),
    });
    return { id };
  }

  async editMessage(channelId: string, messageId: string, payload: Reply) {
    const message = this.#find("editMessage", channelId, messageId);
    message.payload = payload;
    message.edits++;
  }

  async fetchMessage(channelId: string, messageId: string) {
    this.#enter("fetchMessage", channelId, messageId);
    const message = this.messages.get(messageId);
    if (!message || message.channelId !== channelId) return null;
    return { id: message.id, pinned: message.pinned };
  }

  async pin(channelId: string, messageId: string) {
    const message = this.#find("pin", channelId, messageId);
    if (message.pinned) return;
    if (this.pinnedIn(channelId).length >= this.pinLimit) this.#refuse(30003);
    message.pinned = true;
  }

  async unpin(channelId: string, messageId: string) {
    this.#find("unpin", channelId, messageId).pinned = false;
  }

  async deleteMessage(channelId: string, messageId: string) {
    this.#find("deleteMessage", channelId, messageId);
    this.messages.delete(messageId);
  }

  #find(method: Method, channelId: string, messageId: string): FakeMessage {
    this.#enter(method, channelId, messageId);
    const message = this.messages.get(messageId);
    if (!message || message.channelId !== channelId) this.#refuse(10008);
    return message as FakeMessage;
  }

  #enter(method: Method, channelId: string, messageId?: string): void {
    this.calls.push({ method, channelId, ...(messageId ? { messageId } : {}) });
    const i = this.#failures.findIndex(
      (f) => f.method === method && (f.messageId === undefined || f.messageId === messageId),
    );
    if (i >= 0) {
      const [failure] = this.#failures.splice(i, 1);
      this.#refuse(failure?.code ?? 0);
    }
  }

  #refuse(code: number): never {
    throw new DiscordRefusal(code, STATUS[code] ?? 400);
  }

  #id(): string {
    this.#nextId += 1n;
    return String(this.#nextId);
  }
}
