import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from "discord.js";
import { rateLimitedReply } from "../answer/index.js";
import type { Reply } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import type { Logger } from "../log/index.js";
import { replyWith } from "./callback.js";
import type { ShellContext } from "./context.js";
import type { MessagePayload } from "./render.js";
import { renderReply } from "./render.js";

/** Async handlers that have not answered by then get deferred; Discord's limit is 3 s. */
export const AUTO_DEFER_MS = 2_000;

export type Repliable =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | MessageContextMenuCommandInteraction;

export function withoutFlags(payload: MessagePayload): Omit<MessagePayload, "flags"> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

/** Takes one token from the asker's rate limit; when empty, says so privately and returns false. */
export async function allowed(
  ctx: ShellContext,
  interaction: Repliable,
  locale: Locale,
  log: Logger,
): Promise<boolean> {
  const decision = ctx.limiter.take(interaction.user.id);
  if (decision.allowed) return true;
  log.info({ retryAfterMs: decision.retryAfterMs, notify: decision.notify }, "rate limited");
  // An interaction must be answered; the notice is ephemeral, so repeating it bothers no one else.
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  await replyWith(
    interaction,
    renderReply({ ...rateLimitedReply(locale, seconds), ephemeral: true }),
  );
  return false;
}

/**
 * Runs `work` and answers the interaction with what it renders. Deferred at once when `deferFirst`,
 * else only if the work takes longer than AUTO_DEFER_MS; once deferred, the visibility chosen at
 * the deferral holds and the answer edits that message.
 */
export async function answerCommand(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  options: { deferFirst: boolean; ephemeral: boolean },
  work: () => Reply | Promise<Reply>,
  render: (reply: Reply) => MessagePayload,
): Promise<{ reply: Reply; deferred: boolean }> {
  let deferred = false;
  const defer = async () => {
    if (deferred) return;
    deferred = true;
    await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  };
  if (options.deferFirst) await defer();
  const outcome = work();
  // Synchronous work (every search) cannot be interrupted by a timer anyway: no race to set up.
  const reply = outcome instanceof Promise ? await raceDeadline(outcome, defer) : outcome;
  const payload = render(reply);
  if (deferred) await interaction.editReply(withoutFlags(payload));
  else await replyWith(interaction, payload);
  return { reply, deferred };
}

/** Waits for `pending`, deferring the interaction if it is not settled within AUTO_DEFER_MS. */
async function raceDeadline(pending: Promise<Reply>, defer: () => Promise<void>): Promise<Reply> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, AUTO_DEFER_MS);
  });
  const first = await Promise.race([
    pending.then(() => "done" as const),
    late.then(() => "late" as const),
  ]);
  clearTimeout(timer);
  if (first === "late") await defer();
  return pending;
}

export function logAnswered(
  log: Logger,
  reply: Reply,
  started: number,
  ctx: ShellContext,
  extra: Record<string, unknown>,
): void {
  log.info(
    {
      topic: reply.topic,
      kind: reply.kind,
      answerLocale: reply.locale,
      latencyMs: ctx.now() - started,
      ...extra,
    },
    "answered",
  );
}
