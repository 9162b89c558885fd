import { type FSWatcher, readdirSync, watch } from "node:fs";
import { join } from "node:path";
import type { Core } from "../core/core.js";
import { LOCALES, TOPIC_IDS, type TopicId } from "../core/types.js";
import { KnowledgeError } from "../knowledge/errors.js";
import { currentFaqHash } from "./hash.js";

/** Where invalid knowledge is wrong, as KnowledgeError says it, for the moderator to fix. */
export interface ReloadError {
  /** e.g. `knowledge/answers/opt-out.en.md`; "" when the failure is not about one file. */
  file: string;
  record: string;
  field: string;
  problem: string;
  message: string;
}

export type ReloadOutcome =
  | { ok: true; previousVersion: string; version: string; changedTopics: TopicId[] }
  | { ok: false; error: ReloadError; version: string };

export interface KnowledgeHolder {
  /** The core in service: read it per request, never keep it. */
  current(): Core;
  /**
   * Loads the knowledge again. Valid: swaps it in and says which topics' answers changed.
   * Invalid: the old core stays in service and the error says which file and field.
   */
  reload(): ReloadOutcome;
}

export function createKnowledgeHolder(initial: Core, load: () => Core): KnowledgeHolder {
  let core = initial;
  return {
    current: () => core,
    reload(): ReloadOutcome {
      let next: Core;
      try {
        next = load();
      } catch (error) {
        return { ok: false, error: toReloadError(error), version: core.knowledge.version };
      }
      const previous = core;
      core = next;
      return {
        ok: true,
        previousVersion: previous.knowledge.version,
        version: next.knowledge.version,
        changedTopics: changedTopics(previous, next),
      };
    },
  };
}

/** Topics whose FAQ message would look different in either language. */
export function changedTopics(before: Core, after: Core): TopicId[] {
  return TOPIC_IDS.filter((topic) =>
    LOCALES.some(
      (lang) => currentFaqHash(before, topic, lang) !== currentFaqHash(after, topic, lang),
    ),
  );
}

function toReloadError(error: unknown): ReloadError {
  if (error instanceof KnowledgeError) {
    return {
      file: error.file,
      record: error.record,
      field: error.field,
      problem: error.problem,
      message: error.message,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { file: "", record: "", field: "", problem: message, message };
}

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs (editors write in bursts). */
  debounceMs?: number;
  /** A watcher failed (folder removed, say); watching stops for that folder. */
  onError?: (error: Error) => void;
}

/**
 * Calls `onChange` once after each burst of changes under `dir`. Uses one recursive watcher
 * where the platform has it, else one watcher per folder (folders added later are not seen
 * then). Returns a function that stops watching.
 */
export function watchKnowledge(
  dir: string,
  onChange: () => void,
  options: WatchOptions = {},
): () => void {
  const debounceMs = Math.max(0, options.debounceMs ?? 300);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  const listen = (folder: string, recursive: boolean) => {
    const watcher = watch(folder, { recursive, persistent: false }, changed);
    watcher.on("error", (error) => options.onError?.(error));
    watchers.push(watcher);
  };
  try {
    listen(dir, true);
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_FEATURE_UNAVAILABLE_ON_PLATFORM") throw error;
    for (const folder of folders(dir)) listen(folder, false);
  }
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

function folders(dir: string): string[] {
  const found = [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...folders(join(dir, entry.name)));
  }
  return found;
}
