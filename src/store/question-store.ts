import type { Database, Statement, Transaction } from "better-sqlite3";
import type { Locale, TopicId } from "../core/types.js";
import { StoreError, wrapSqliteError } from "./errors.js";
import {
  MAX_QUESTION_LENGTH,
  requireBoolean,
  requireLocale,
  requireObject,
  requireScope,
  requireTime,
  requireTopicOrNull,
} from "./input.js";
import { type TimingHook, timed } from "./timing.js";

export interface QuestionInput {
  /** What was asked. Mentions, long numeric ids and e-mail addresses are removed before storing. */
  text: string;
  /** Topic the answer was about; null when no topic matched. */
  topic: TopicId | null;
  locale: Locale;
  /** False when the bot replied with "no answer" (these feed the unanswered list in stats). */
  answered: boolean;
  /** Defaults to now. */
  at?: number;
  /** The server it was asked in; omitted or null for a direct message. Stats are per server. */
  guildId?: string | null;
}

export interface RecordedQuestion {
  id: number;
  /** The text as stored (scrubbed, at most MAX_QUESTION_LENGTH chars). */
  text: string;
  /** The grouping key used by stats. */
  normalized: string;
}

/*
 * Privacy: a question is stored without who asked it, where, or in reply to
 * what. People still paste identifiers into questions, so Discord mentions,
 * bare snowflakes (17-20 digits) and e-mail addresses are replaced by neutral
 * placeholders before anything is written.
 */
const USER_MENTION = /<@!?\d+>/g;
const ROLE_MENTION = /<@&\d+>/g;
const SNOWFLAKE = /\b\d{17,20}\b/g;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/g;

/** Removes identifiers a person may have typed into a question. */
export function scrubQuestion(text: string): string {
  return text
    .replace(USER_MENTION, "@user")
    .replace(ROLE_MENTION, "@role")
    .replace(EMAIL, "[email]")
    .replace(SNOWFLAKE, "[id]");
}

/** The grouping key for "most frequent unanswered": NFC, lower case, trimmed, whitespace folded. */
export function normalizeQuestion(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Cuts at a code point boundary so a trailing emoji is never split into a lone surrogate. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** A queue this long is written at once, without waiting for a quiet turn of the event loop. */
export const QUESTION_BATCH = 256;

/** Told when a queued batch could not be written (the questions are dropped: stats are a nicety). */
export type QueuedWriteFailure = (error: StoreError, questions: number) => void;

const IGNORE_FAILURE: QueuedWriteFailure = () => {};

/** Questions people asked, kept only for stats and purged after the retention period. */
export class QuestionStore {
  readonly #file: string;
  readonly #onTiming: TimingHook | undefined;
  readonly #now: () => number;
  readonly #insert: Statement<[string, string, TopicId | null, Locale, number, number, string]>;

  readonly #insertMany: Transaction<(rows: QuestionRow[]) => number>;
  #queue: QuestionRow[] = [];
  #seen = 0;
  readonly #onQueuedFailure: QueuedWriteFailure;

  constructor(
    db: Database,
    file: string,
    onTiming?: TimingHook,
    now: () => number = Date.now,
    onQueuedFailure: QueuedWriteFailure = IGNORE_FAILURE,
  ) {
    this.#onQueuedFailure = onQueuedFailure;
    this.#file = file;
    this.#onTiming = onTiming;
    this.#now = now;
    this.#insert = db.prepare(
      `INSERT INTO questions (text, normalized, topic, locale, answered, at, scope)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertMany = db.transaction((rows: QuestionRow[]) => {
      for (const row of rows) this.#write(row);
      return rows.length;
    });
  }

  /**
   * Records one question. Returns null (nothing written) when the text is
   * empty or only whitespace; throws StoreError("invalid-input") on wrong types.
   */
  record(input: QuestionInput): RecordedQuestion | null {
    const row = this.#row(input);
    if (!row) return null;
    return timed(this.#onTiming, "question.record", () => {
      try {
        return this.#write(row);
      } catch (err) {
        throw wrapSqliteError(err, this.#file, "Recording a question");
      }
    });
  }

  /**
   * Records several questions in one transaction: one commit instead of one per question, for a
   * bot answering a burst. Invalid inputs throw before anything is written; empty texts are
   * skipped. Returns how many were written.
   */
  recordMany(inputs: readonly QuestionInput[]): number {
    const rows = inputs.map((input) => this.#row(input)).filter((r) => r !== null);
    if (rows.length === 0) return 0;
    return timed(this.#onTiming, "question.recordMany", () => {
      try {
        return this.#writeMany(rows);
      } catch (err) {
        throw wrapSqliteError(err, this.#file, "Recording questions");
      }
    });
  }

  /**
   * Queues a question and writes it with the others once the event loop has gone a turn without
   * a new one (or the batch is full): one commit for a burst instead of one per question. A
   * commit of 5 rows costs about 25-55 µs a row, one of 50 or more about 10 µs. Validates now
   * (StoreError "invalid-input" on wrong types); `stats()` and `close()` write the queue first,
   * so nothing is read stale or lost. A lone question is written two turns later. A batch that
   * cannot be written goes to the store's failure hook (openStore: its logger), never thrown
   * from the event loop.
   */
  recordSoon(input: QuestionInput): void {
    const row = this.#row(input);
    if (!row) return;
    this.#queue.push(row);
    if (this.#queue.length === 1) setImmediate(() => this.#flushWhenQuiet());
  }

  /** Writes the queued questions now; a failure goes to the failure hook, not to the caller. */
  flush(): void {
    const rows = this.#queue;
    if (rows.length === 0) return;
    this.#queue = [];
    this.#seen = 0;
    try {
      timed(this.#onTiming, "question.recordMany", () => this.#writeMany(rows));
    } catch (err) {
      this.#onQueuedFailure(wrapSqliteError(err, this.#file, "Recording questions"), rows.length);
    }
  }

  #flushWhenQuiet(): void {
    const size = this.#queue.length;
    if (size === 0) return;
    if (size > this.#seen && size < QUESTION_BATCH) {
      this.#seen = size;
      setImmediate(() => this.#flushWhenQuiet());
      return;
    }
    this.flush();
  }

  #writeMany(rows: QuestionRow[]): number {
    return this.#insertMany.immediate(rows);
  }

  #write(row: QuestionRow): RecordedQuestion {
    const { text, normalized, topic, locale, answered, at, scope } = row;
    const info = this.#insert.run(text, normalized, topic, locale, answered ? 1 : 0, at, scope);
    return { id: Number(info.lastInsertRowid), text, normalized };
  }

  /** Validates and scrubs one input; null when there is nothing to keep. */
  #row(input: QuestionInput): QuestionRow | null {
    requireObject(input, "question");
    if (typeof input.text !== "string") {
      throw new StoreError("invalid-input", "question text must be a string.");
    }
    const topic = requireTopicOrNull(input.topic);
    const locale = requireLocale(input.locale);
    const answered = requireBoolean(input.answered, "answered");
    const at = requireTime(input.at, "at", this.#now);
    const scope = requireScope(input.guildId);
    // Cut before scrubbing too: the regexes then never run over megabytes of pasted text.
    const folded = truncate(input.text, MAX_QUESTION_LENGTH * 4)
      .replace(/\s+/gu, " ")
      .trim();
    const text = truncate(scrubQuestion(folded), MAX_QUESTION_LENGTH);
    const normalized = normalizeQuestion(text);
    if (normalized.length === 0) return null;
    return { text, normalized, topic, locale, answered, at, scope };
  }
}

interface QuestionRow {
  text: string;
  normalized: string;
  topic: TopicId | null;
  locale: Locale;
  answered: boolean;
  at: number;
  scope: string;
}
