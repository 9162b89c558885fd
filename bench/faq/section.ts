import { cpus, loadavg } from "node:os";
import { firstLoggedError, ms, percentile } from "../measure.js";
import type { Section, Table } from "../section.js";
import { outdateEveryAnswer, postFaqs, reloadAsOwner, timeRefresh } from "./refresh.js";
import { startFaqBench } from "./setup.js";
import { askThenVote } from "./writes.js";

/** Sizes of the runs (from the issue: a server with 200 FAQ messages; a 1,000-interaction burst). */
export const FAQ_BENCH = {
  faqMessages: 200,
  /** 7 topics × 2 languages per channel: 15 channels hold 200 (the pin limit is 50). */
  channels: 15,
  burst: 1_000,
  /** How long to wait for each burst interaction's callback before counting it lost. */
  settleMs: 60_000,
  /** The issue asks for the figure only; 5 ms is the brief's yardstick, not a requirement. */
  writeP99Ms: 5,
} as const;

const stat = (sorted: number[], p: number) => `${ms(percentile(sorted, p))} ms`;

export async function runFaqBench(): Promise<Table[]> {
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");
  const bench = await startFaqBench(FAQ_BENCH.channels);
  try {
    const setupStarted = performance.now();
    const posted = await postFaqs(bench, FAQ_BENCH.faqMessages);
    const postS = (performance.now() - setupStarted) / 1000;
    const files = outdateEveryAnswer(bench.knowledgeDir, 2);
    await reloadAsOwner(bench);
    const outdated = await timeRefresh(bench);
    const current = await timeRefresh(bench);

    bench.timings.reset();
    const { asks, votes } = await askThenVote(bench, FAQ_BENCH.burst, FAQ_BENCH.settleMs);
    // The bot writes questions in batches (one transaction per burst of events): each batch is
    // one write that blocks the event loop, so it is what the latency counts.
    const records = [
      ...bench.timings.of("question.record"),
      ...bench.timings.of("question.recordMany"),
    ].sort((a, b) => a - b);
    const votesMs = bench.timings.of("feedback.vote").sort((a, b) => a - b);
    const writes = [...records, ...votesMs].sort((a, b) => a - b);
    const p99 = percentile(writes, 99);
    const error = firstLoggedError(bench.logLines);
    const machine = `machine: ${cpus().length} CPUs, load average ${load} (1/5/15 min) at start; shared with other engineers, so figures vary between runs`;

    return [
      {
        title: `/faq refresh on a server with ${posted} FAQ messages (${FAQ_BENCH.channels} channels)`,
        columns: ["measure", "value"],
        rows: [
          ["FAQ messages posted with /faq post", posted],
          ["time to post them (sequential /faq post)", `${postS.toFixed(1)} s`],
          ["answers/*.md edited, then /faq reload by the owner", files],
          ["refresh, every answer outdated: end to end", `${ms(outdated.ms)} ms`],
          ["  messages edited (PATCH accepted by the emulator)", outdated.edited],
          ["  'Updated in place' count in the reply", outdated.reportedUpdated ?? 0],
          ["  per edited message", `${ms(outdated.ms / Math.max(1, outdated.edited))} ms`],
          ["  REST requests the bot made", outdated.requests],
          ["refresh again, nothing outdated: end to end", `${ms(current.ms)} ms`],
          ["  messages edited", current.edited],
          ["  REST requests the bot made", current.requests],
        ],
        notes: [
          `end to end = INTERACTION_CREATE sent → the moderator's deferred reply edited with the report, as the emulator saw it; expected ${posted} edits, then 0`,
          "refresh first reconciles: it fetches every recorded FAQ message, one after the other (is it still there, still pinned?), then edits each outdated one, also one after the other; the REST request counts show what reached the emulator",
          `the pace is discord.js's global REST budget (globalRequestsPerSecond 50, as Discord's global limit): ${outdated.requests} requests in ${(outdated.ms / 1000).toFixed(1)} s, ${ms(outdated.ms / Math.max(1, outdated.requests))} ms each, where a plain fetch to the emulator took ~2 ms when measured by hand; Discord's per-route limits are not emulated, so a real server may be slower still`,
          "the bot runs in this process (startBot), with its emulator; knowledge is a temp copy of knowledge/, DATA_DIR a temp folder; the per-user rate limit is raised (10,000 per 20 s) so one moderator can post 200 FAQs in a row",
          machine,
          ...(error ? [`the bot's first error: ${error}`] : []),
        ],
      },
      {
        title: `Store write latency under a burst: ${asks.sent} /ask at once, then ${votes.sent} 👍 presses (distinct users)`,
        columns: ["measure", "value", "target", "result"],
        rows: [
          ["writes timed (question batches + feedback.vote)", writes.length, "", ""],
          [`  question writes (batches holding ${asks.sent} questions)`, records.length, "", ""],
          ["  feedback.vote", votesMs.length, String(votes.sent), ""],
          ["p50", stat(writes, 50), "", ""],
          [
            "p99",
            `${ms(p99)} ms`,
            `< ${FAQ_BENCH.writeP99Ms} ms`,
            p99 < FAQ_BENCH.writeP99Ms ? "met" : "MISSED",
          ],
          ["max", `${ms(writes.at(-1) ?? Number.NaN)} ms`, "", ""],
          ["question batch p50 / p99", `${stat(records, 50)} / ${stat(records, 99)}`, "", ""],
          ["feedback.vote p50 / p99", `${stat(votesMs, 50)} / ${stat(votesMs, 99)}`, "", ""],
          ["/ask answered (callback seen)", `${asks.answered} of ${asks.sent}`, "", ""],
          [
            "replies without 👍 (not an answer): asker votes on another answer",
            asks.withoutButton,
            "",
            "",
          ],
          ["👍 acknowledged", `${votes.answered} of ${votes.sent}`, "", ""],
          [
            "answered later than 3 s after the burst began (asks / votes)",
            `${asks.late} / ${votes.late}`,
            "",
            "",
          ],
          ["burst wall time (asks / votes)", `${ms(asks.wallMs)} / ${ms(votes.wallMs)} ms`, "", ""],
        ],
        notes: [
          "durations from the store's onTiming hook (openStore({ onTiming })): the synchronous better-sqlite3 call only, not the interaction around it",
          "the bot runs IN THIS PROCESS here (startBot with the store passed in), because the timing hook must be read; the emulator and the sender share its event loop",
          "the issue asks only for the figure; 5 ms is a yardstick, not a requirement given",
          "the emulator's 3 s interaction deadline is lifted for this run so every write is measured; 'later than 3 s' counts the answers Discord would have refused (404 10062), which then record nothing",
          `callbacks the emulator refused: ${bench.clock.refusedText()}`,
        ],
      },
    ];
  } finally {
    await bench.close();
  }
}

export const faqSection: Section = {
  name: "faq (moderators' features, bot in-process through the local emulator)",
  run: runFaqBench,
};
