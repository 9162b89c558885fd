import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES, TOPIC_IDS } from "../../src/core/types.js";
import type { InteractionView } from "../../src/sandbox/emulator/index.js";
import { APP_PERMISSIONS, type FaqBench, MOD_PERMISSIONS, OWNER } from "./setup.js";

/** Channel message edits (PATCH /channels/:id/messages/:mid), i.e. FAQ messages rewritten. */
const MESSAGE_EDIT = /^\/channels\/\d+\/messages\/\d+$/;

export function faqCommand(
  bench: FaqBench,
  subcommand: string,
  channelId: string,
  options: Record<string, string> = {},
) {
  return bench.emulator.chatInput({
    name: "faq",
    subcommand,
    options,
    guildId: bench.guildId,
    channelId,
    user: OWNER,
    memberPermissions: MOD_PERMISSIONS,
    appPermissions: APP_PERMISSIONS,
    locale: "en-US" as never,
  });
}

/** Posts every topic in every language in each channel until `count` FAQ messages exist. */
export async function postFaqs(bench: FaqBench, count: number): Promise<number> {
  let posted = 0;
  const failures: string[] = [];
  for (const channelId of bench.channelIds) {
    for (const topic of TOPIC_IDS) {
      for (const language of LOCALES) {
        if (posted + failures.length >= count) break;
        const view = await bench.emulator.interact(
          faqCommand(bench, "post", channelId, { topic, language }),
          10_000,
        );
        if (view.text.includes("FAQ posted")) posted++;
        else failures.push(`${topic}/${language}: ${view.text.slice(0, 200)}`);
      }
    }
  }
  if (failures.length > 0) {
    throw new Error(`bench: ${failures.length} /faq post refused, first: ${failures[0]}`);
  }
  return posted;
}

/** Makes every answer outdated: one more sentence at the end of each answers/*.md body. */
export function outdateEveryAnswer(knowledgeDir: string, revision: number): number {
  const dir = join(knowledgeDir, "answers");
  const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
  for (const file of files) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    const sentence = file.endsWith(".fr.md")
      ? `Révision ${revision} de ce texte (mesure de performance).`
      : `Revision ${revision} of this text (performance measurement).`;
    writeFileSync(path, `${text.trimEnd()}\n\n${sentence}\n`);
  }
  return files.length;
}

export async function reloadAsOwner(bench: FaqBench): Promise<InteractionView> {
  const channelId = bench.channelIds[0] as string;
  const view = await bench.emulator.interact(faqCommand(bench, "reload", channelId), 10_000);
  if (!view.text.includes("Knowledge reloaded")) {
    throw new Error(`bench: /faq reload refused: ${view.text.slice(0, 500)}`);
  }
  return view;
}

export interface RefreshRun {
  ms: number;
  /** FAQ messages the bot edited during the refresh (PATCH requests the emulator accepted). */
  edited: number;
  /** The count the bot's own reply gives under "Updated" (null when it lists none). */
  reportedUpdated: number | null;
  /** Every REST request the bot made during the refresh (fetches, edits, the reply). */
  requests: number;
  text: string;
}

/** /faq refresh from INTERACTION_CREATE to the moderator's final (edited) reply. */
export async function timeRefresh(bench: FaqBench): Promise<RefreshRun> {
  const channelId = bench.channelIds[0] as string;
  bench.emulator.clearRequests();
  const payload = faqCommand(bench, "refresh", channelId);
  const started = performance.now();
  const view = await bench.emulator.interact(payload, 60_000);
  const ms = performance.now() - started;
  const edited = bench.emulator.requests.filter(
    (r) => r.method === "PATCH" && MESSAGE_EDIT.test(r.route) && (r.status ?? 0) < 300,
  ).length;
  const updated = /Updated[^(\n]*\((\d+)\)/.exec(view.text)?.[1];
  return {
    ms,
    edited,
    reportedUpdated: updated ? Number(updated) : null,
    requests: bench.emulator.requests.length,
    text: view.text,
  };
}
