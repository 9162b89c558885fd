import type { Database, Statement, Transaction } from "better-sqlite3";
import type { Locale, TopicId } from "../core/types.js";
import { StoreError, wrapSqliteError } from "./errors.js";
import {
  requireBoolean,
  requireHash,
  requireId,
  requireLocale,
  requireObject,
  requireTime,
  requireTopic,
} from "./input.js";
import { type TimingHook, timed } from "./timing.js";

/** One FAQ answer the bot posted (and usually pinned) in a channel. */
export interface FaqRecord {
  guildId: string;
  channelId: string;
  messageId: string;
  topic: TopicId;
  lang: Locale;
  /** Knowledge version or content hash of the answer as posted; compare with `outdated`. */
  contentHash: string;
  /** The moderator who ran /faq post (an action record, not a question). */
  postedBy: string;
  /** Milliseconds since the epoch. */
  postedAt: number;
  pinned: boolean;
}

export interface UpsertFaqInput {
  guildId: string;
  channelId: string;
  messageId: string;
  topic: TopicId;
  lang: Locale;
  contentHash: string;
  postedBy: string;
  /** Defaults to now. */
  postedAt?: number;
  /** Defaults to true (the bot pins what it posts). */
  pinned?: boolean;
}

/**
 * `replaced` is true when a record already existed for (guild, channel,
 * topic, lang); `previous` is that record, so the caller can delete or unpin
 * `previous.messageId` (which equals the new id when a message was edited in place).
 */
export type UpsertFaqResult =
  | { replaced: false; record: FaqRecord }
  | { replaced: true; record: FaqRecord; previous: FaqRecord };

interface FaqRow {
  guild_id: string;
  channel_id: string;
  message_id: string;
  topic: string;
  lang: string;
  content_hash: string;
  posted_by: string;
  posted_at: number;
  pinned: number;
}

const COLUMNS =
  "guild_id, channel_id, message_id, topic, lang, content_hash, posted_by, posted_at, pinned";

function toRecord(row: FaqRow): FaqRecord {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    messageId: row.message_id,
    // Written only through requireTopic/requireLocale; a topic later removed from the
    // knowledge still comes back as its old id (see `outdated`).
    topic: row.topic as TopicId,
    lang: row.lang as Locale,
    contentHash: row.content_hash,
    postedBy: row.posted_by,
    postedAt: row.posted_at,
    pinned: row.pinned === 1,
  };
}

/**
 * FAQ messages: at most one per (guild, channel, topic, lang). Every write is
 * one prepared statement or one short transaction.
 */
export class FaqStore {
  readonly #file: string;
  readonly #onTiming: TimingHook | undefined;
  readonly #now: () => number;
  readonly #byKey: Statement<[string, string, string, string], FaqRow>;
  readonly #byChannelTopic: Statement<[string, string, string], FaqRow>;
  readonly #byMessage: Statement<[string], FaqRow>;
  readonly #byGuild: Statement<[string], FaqRow>;
  readonly #byGuildChannel: Statement<[string, string], FaqRow>;
  readonly #all: Statement<[], FaqRow>;
  readonly #insert: Statement<
    [string, string, string, string, string, string, string, number, number]
  >;
  readonly #update: Statement<
    [string, string, string, number, number, string, string, string, string]
  >;
  readonly #delete: Statement<[string], FaqRow>;
  readonly #setPinned: Statement<[number, string]>;
  readonly #upsertTx: Transaction<(input: Required<UpsertFaqInput>) => UpsertFaqResult>;

  constructor(db: Database, file: string, onTiming?: TimingHook, now: () => number = Date.now) {
    this.#file = file;
    this.#onTiming = onTiming;
    this.#now = now;
    const select = `SELECT ${COLUMNS} FROM faq_messages`;
    this.#byKey = db.prepare(
      `${select} WHERE guild_id = ? AND channel_id = ? AND topic = ? AND lang = ?`,
    );
    this.#byChannelTopic = db.prepare(
      `${select} WHERE channel_id = ? AND topic = ? AND lang = ? LIMIT 1`,
    );
    this.#byMessage = db.prepare(`${select} WHERE message_id = ?`);
    this.#byGuild = db.prepare(`${select} WHERE guild_id = ? ORDER BY channel_id, topic, lang`);
    this.#byGuildChannel = db.prepare(
      `${select} WHERE guild_id = ? AND channel_id = ? ORDER BY topic, lang`,
    );
    this.#all = db.prepare(`${select} ORDER BY guild_id, channel_id, topic, lang`);
    this.#insert = db.prepare(
      `INSERT INTO faq_messages (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#update = db.prepare(
      `UPDATE faq_messages SET message_id = ?, content_hash = ?, posted_by = ?, posted_at = ?,
         pinned = ? WHERE guild_id = ? AND channel_id = ? AND topic = ? AND lang = ?`,
    );
    this.#delete = db.prepare(`DELETE FROM faq_messages WHERE message_id = ? RETURNING ${COLUMNS}`);
    this.#setPinned = db.prepare("UPDATE faq_messages SET pinned = ? WHERE message_id = ?");

    this.#upsertTx = db.transaction((input: Required<UpsertFaqInput>): UpsertFaqResult => {
      const owner = this.#byMessage.get(input.messageId);
      if (
        owner &&
        (owner.guild_id !== input.guildId ||
          owner.channel_id !== input.channelId ||
          owner.topic !== input.topic ||
          owner.lang !== input.lang)
      ) {
        throw new StoreError(
          "invalid-input",
          `Message ${input.messageId} is already recorded as the FAQ for ${owner.topic}/${owner.lang} ` +
            `in channel ${owner.channel_id}; one message cannot hold two FAQ entries.`,
        );
      }
      const existing = this.#byKey.get(input.guildId, input.channelId, input.topic, input.lang);
      const record: FaqRecord = { ...input };
      const pinned = input.pinned ? 1 : 0;
      if (!existing) {
        this.#insert.run(
          input.guildId,
          input.channelId,
          input.messageId,
          input.topic,
          input.lang,
          input.contentHash,
          input.postedBy,
          input.postedAt,
          pinned,
        );
        return { replaced: false, record };
      }
      this.#update.run(
        input.messageId,
        input.contentHash,
        input.postedBy,
        input.postedAt,
        pinned,
        input.guildId,
        input.channelId,
        input.topic,
        input.lang,
      );
      return { replaced: true, record, previous: toRecord(existing) };
    });
  }

  /** Records the FAQ message for (guild, channel, topic, lang), replacing any older one. */
  upsert(input: UpsertFaqInput): UpsertFaqResult {
    requireObject(input, "FAQ record");
    const clean: Required<UpsertFaqInput> = {
      guildId: requireId(input.guildId, "guildId"),
      channelId: requireId(input.channelId, "channelId"),
      messageId: requireId(input.messageId, "messageId"),
      topic: requireTopic(input.topic),
      lang: requireLocale(input.lang, "lang"),
      contentHash: requireHash(input.contentHash),
      postedBy: requireId(input.postedBy, "postedBy"),
      postedAt: requireTime(input.postedAt, "postedAt", this.#now),
      pinned: input.pinned === undefined ? true : requireBoolean(input.pinned, "pinned"),
    };
    return timed(this.#onTiming, "faq.upsert", () =>
      this.#run("Recording a FAQ message", () => this.#upsertTx.immediate(clean)),
    );
  }

  /** FAQ records of a guild (optionally one channel), ordered by channel, topic, lang. */
  listByGuild(guildId: string, channelId?: string): FaqRecord[] {
    const guild = requireId(guildId, "guildId");
    const rows =
      channelId === undefined
        ? this.#run("Listing FAQ messages", () => this.#byGuild.all(guild))
        : this.#run("Listing FAQ messages", () =>
            this.#byGuildChannel.all(guild, requireId(channelId, "channelId")),
          );
    return rows.map(toRecord);
  }

  /** The FAQ record for a topic and language in a channel (channel ids are unique across guilds). */
  get(channelId: string, topic: TopicId, lang: Locale): FaqRecord | undefined {
    const row = this.#run("Reading a FAQ message", () =>
      this.#byChannelTopic.get(
        requireId(channelId, "channelId"),
        requireTopic(topic),
        requireLocale(lang, "lang"),
      ),
    );
    return row ? toRecord(row) : undefined;
  }

  getByMessageId(messageId: string): FaqRecord | undefined {
    const row = this.#run("Reading a FAQ message", () =>
      this.#byMessage.get(requireId(messageId, "messageId")),
    );
    return row ? toRecord(row) : undefined;
  }

  /**
   * Forgets a FAQ message (e.g. deleted by hand: Discord error 10008 Unknown
   * Message). Returns the removed record, or undefined if none had that id.
   */
  deleteByMessageId(messageId: string): FaqRecord | undefined {
    const id = requireId(messageId, "messageId");
    return timed(this.#onTiming, "faq.delete", () =>
      this.#run("Deleting a FAQ message", () => {
        const row = this.#delete.get(id);
        return row ? toRecord(row) : undefined;
      }),
    );
  }

  /** Marks a FAQ message as no longer pinned (unpinned by hand, or pin failed). True if found. */
  markUnpinned(messageId: string): boolean {
    return this.#setPinnedFlag(messageId, false);
  }

  /** Marks a FAQ message as pinned again. True if found. */
  markPinned(messageId: string): boolean {
    return this.#setPinnedFlag(messageId, true);
  }

  /**
   * FAQ records whose stored hash differs from the current answer's hash.
   * `currentHashFor` returns undefined for a topic/lang the knowledge no
   * longer has; such records count as outdated too.
   */
  outdated(
    currentHashFor: (topic: TopicId, lang: Locale) => string | undefined,
    guildId?: string,
  ): FaqRecord[] {
    const rows =
      guildId === undefined
        ? this.#run("Listing FAQ messages", () => this.#all.all())
        : this.#run("Listing FAQ messages", () => this.#byGuild.all(requireId(guildId, "guildId")));
    return rows.map(toRecord).filter((r) => currentHashFor(r.topic, r.lang) !== r.contentHash);
  }

  #setPinnedFlag(messageId: string, pinned: boolean): boolean {
    const id = requireId(messageId, "messageId");
    return timed(this.#onTiming, "faq.setPinned", () =>
      this.#run(
        "Updating a FAQ message",
        () => this.#setPinned.run(pinned ? 1 : 0, id).changes > 0,
      ),
    );
  }

  #run<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw wrapSqliteError(err, this.#file, what);
    }
  }
}
