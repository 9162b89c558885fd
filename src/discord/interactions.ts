import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { CommandRequest, OptionValue } from "../../commands/index.js";
import {
  decodeRequest,
  errorReply,
  rateLimitedReply,
  replayRequest,
  toLocale,
} from "../answer/index.js";
import type { Reply } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import type { Logger } from "../log/index.js";
import type { ShellContext } from "./context.js";
import { discordErrorCode, isHarmlessDiscordError, newErrorRef } from "./errors.js";
import { type MessagePayload, renderReply } from "./render.js";

/** Async handlers that have not answered by then get deferred; Discord's limit is 3 s. */
const AUTO_DEFER_MS = 2_000;

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

export async function handleInteraction(
  ctx: ShellContext,
  interaction: Interaction,
): Promise<void> {
  const started = ctx.now();
  const locale = toLocale(interaction.locale);
  const log = ctx.logger.child({
    interactionId: interaction.id,
    command:
      interaction.isChatInputCommand() || interaction.isAutocomplete()
        ? interaction.commandName
        : undefined,
    button: interaction.isButton() ? interaction.customId : undefined,
    guildId: interaction.guildId ?? null,
    locale: interaction.locale,
  });
  try {
    if (interaction.isAutocomplete()) return await autocomplete(ctx, interaction, locale, log);
    if (interaction.isChatInputCommand())
      return await command(ctx, interaction, locale, log, started);
    if (interaction.isButton()) return await button(ctx, interaction, locale, log, started);
    log.debug({ type: interaction.type }, "ignored interaction type");
  } catch (error) {
    await failed(interaction, locale, log, error);
  }
}

/** The one error boundary: the user gets a reference, the log gets the same reference. */
async function failed(
  interaction: Interaction,
  locale: Locale,
  log: Logger,
  error: unknown,
): Promise<void> {
  if (isHarmlessDiscordError(error)) {
    log.warn({ code: discordErrorCode(error), err: error }, "discord said the interaction is gone");
    return;
  }
  const ref = newErrorRef();
  log.error({ err: error, ref }, "handler failed");
  if (!interaction.isRepliable()) return;
  const payload = renderReply({ ...errorReply(locale, ref), ephemeral: true });
  try {
    if (interaction.deferred && !interaction.replied)
      await interaction.editReply(withoutFlags(payload));
    else if (interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (second) {
    log.warn(
      { err: second, ref, code: discordErrorCode(second) },
      "could not tell the user about the failure",
    );
  }
}

function withoutFlags(payload: MessagePayload): Omit<MessagePayload, "flags"> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

async function autocomplete(
  ctx: ShellContext,
  interaction: AutocompleteInteraction,
  locale: Locale,
  log: Logger,
): Promise<void> {
  const cmd = ctx.commands.get(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const choices = cmd?.autocomplete
    ? cmd.autocomplete(
        {
          command: interaction.commandName,
          focused: { name: focused.name, value: String(focused.value) },
          locale,
        },
        ctx.core,
      )
    : [];
  await interaction.respond(choices.slice(0, 25));
  log.debug({ choices: choices.length }, "autocomplete");
}

function optionsOf(interaction: ChatInputCommandInteraction): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const option of interaction.options.data) {
    if (option.value !== undefined && option.value !== null) options[option.name] = option.value;
  }
  return options;
}

async function command(
  ctx: ShellContext,
  interaction: ChatInputCommandInteraction,
  locale: Locale,
  log: Logger,
  started: number,
): Promise<void> {
  const cmd = ctx.commands.get(interaction.commandName);
  if (!cmd) {
    // A command registered by an older deploy: the boundary answers with a reference.
    throw new Error(`unknown command /${interaction.commandName}: run deploy-commands`);
  }
  if (!(await allowed(ctx, interaction, locale, log))) return;
  const options = optionsOf(interaction);
  const isPrivate = options.private === true;
  const request: CommandRequest = {
    command: interaction.commandName,
    options,
    locale,
    userId: interaction.user.id,
    guildId: interaction.guildId ?? null,
    bot: { version: ctx.botVersion, uptimeMs: ctx.now() - ctx.startedAt },
  };
  const userText = Object.values(options).filter((v): v is string => typeof v === "string");
  let deferred = false;
  const defer = async () => {
    if (deferred) return;
    deferred = true;
    await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
  };
  if (cmd.defer) await defer();
  const pending = Promise.resolve().then(() => cmd.handle(request, ctx.core));
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
  let reply = await pending;
  if (isPrivate) reply = { ...reply, ephemeral: true };
  const payload = renderReply(reply, { userText });
  // Once deferred, the visibility was fixed by the defer; the answer edits that message.
  if (deferred) await interaction.editReply(withoutFlags(payload));
  else await interaction.reply(payload);
  done(log, reply, started, ctx, { deferred });
}

async function button(
  ctx: ShellContext,
  interaction: ButtonInteraction,
  locale: Locale,
  log: Logger,
  started: number,
): Promise<void> {
  const decoded = decodeRequest(interaction.customId);
  if (!decoded) {
    // Not ours, or from an older version of the bot: acknowledge so the client does not spin.
    log.warn("button with an unknown custom id");
    await interaction.deferUpdate();
    return;
  }
  if (!(await allowed(ctx, interaction, locale, log))) return;
  const reply = replayRequest(ctx.core, decoded.request, decoded.locale, {
    botVersion: ctx.botVersion,
    uptimeMs: ctx.now() - ctx.startedAt,
  });
  const message = interaction.message;
  const asker = message.interactionMetadata?.user?.id ?? message.mentions?.repliedUser?.id ?? null;
  const onlyAskerSees = message.flags.has(MessageFlags.Ephemeral);
  // The asker's own message changes in place; anyone else gets their own private copy, so a
  // public answer never switches language under the person who asked.
  if (onlyAskerSees || asker === interaction.user.id) {
    await interaction.update(withoutFlags(renderReply({ ...reply, ephemeral: false })));
    done(log, reply, started, ctx, { updated: true });
  } else {
    await interaction.reply(renderReply({ ...reply, ephemeral: true }));
    done(log, reply, started, ctx, { updated: false });
  }
}

async function allowed(
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
  await interaction.reply(renderReply({ ...rateLimitedReply(locale, seconds), ephemeral: true }));
  return false;
}

function done(
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
