import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { APIInteraction, APIMessage } from "discord-api-types/v10";
import { parseEvalFile } from "../../src/search/index.js";
import type { FaqBench } from "./setup.js";

const DISCORD_DEADLINE_MS = 3_000;
const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

/** Varied real questions (the held-out eval set, French and English), cycled. */
function questions(): string[] {
  const file = resolve(ROOT, "test/search/fixtures/heldout.jsonl");
  const list = parseEvalFile(readFileSync(file, "utf8")).map((c) => c.q.slice(0, 500));
  if (list.length === 0) throw new Error(`bench: no questions in ${file}`);
  return list;
}

/** A different user per interaction: the per-user rate limit must not refuse the burst. */
function user(n: number) {
  return { id: (400_000_000_000_000_000n + BigInt(n)).toString(), username: `voter${n}` };
}

function thumbsUpId(message: APIMessage | null): string | null {
  const rows = (message?.components ?? []) as { components?: { custom_id?: string }[] }[];
  for (const row of rows) {
    for (const b of row.components ?? []) if (b.custom_id?.startsWith("fb:up:")) return b.custom_id;
  }
  return null;
}

export interface BurstResult {
  sent: number;
  answered: number;
  /** Replies that carried no 👍 button (not an answer: no match, refusal, error). */
  withoutButton: number;
  /** Callbacks later than Discord's 3 s deadline after the burst began (Discord would refuse them). */
  late: number;
  wallMs: number;
}

/** Sends all payloads at once, then waits for each callback (the clock reads the emulator's log). */
async function burst(bench: FaqBench, payloads: APIInteraction[], settleMs: number) {
  const started = performance.now();
  const injected = payloads.map((p) => bench.emulator.inject(p));
  const seen = await Promise.all(payloads.map((p) => bench.clock.wait(p.id, settleMs)));
  const late = seen.filter((s) => s && s.at - started > DISCORD_DEADLINE_MS).length;
  return { injected, seen, late, wallMs: performance.now() - started };
}

/** 1,000 /ask from distinct users, then a 👍 from each on the answer they got. */
export async function askThenVote(
  bench: FaqBench,
  count: number,
  settleMs: number,
): Promise<{ asks: BurstResult; votes: BurstResult }> {
  const list = questions();
  const channelId = bench.channelIds[0] as string;
  const asks = Array.from({ length: count }, (_, i) =>
    bench.emulator.chatInput({
      name: "ask",
      options: { question: list[i % list.length] ?? "grok" },
      locale: (i % 2 === 0 ? "en-US" : "fr") as never,
      guildId: bench.guildId,
      channelId,
      user: user(i),
    }),
  );
  const asked = await burst(bench, asks, settleMs);
  // Replies that are not answers (no match) carry no 👍: their askers vote on someone else's
  // answer instead, so there are still `count` votes, each a distinct (user, message) pair.
  const targets = asked.injected.map((handle) => {
    const message = handle.view().message;
    const customId = thumbsUpId(message);
    return message && customId ? { message, customId } : null;
  });
  const withButton = targets.filter((t) => t !== null);
  if (withButton.length === 0) throw new Error("bench: no /ask answer carried a 👍 button");
  const withoutButton = targets.length - withButton.length;
  const presses: APIInteraction[] = targets.map((own, i) => {
    const target = own ?? withButton[i % withButton.length];
    if (!target) throw new Error("bench: no answer to vote on");
    return bench.emulator.button({ ...target, user: user(i) });
  });
  const voted = await burst(bench, presses, settleMs);
  return {
    asks: {
      sent: asks.length,
      answered: asked.seen.filter(Boolean).length,
      withoutButton,
      late: asked.late,
      wallMs: asked.wallMs,
    },
    votes: {
      sent: presses.length,
      answered: voted.seen.filter(Boolean).length,
      withoutButton: 0,
      late: voted.late,
      wallMs: voted.wallMs,
    },
  };
}
