import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from "discord.js";
import type { CommandRequest, OptionValue } from "../../commands/index.js";
import { ANSWER_MESSAGE_COMMAND_NAME, faqDefinition } from "../../commands/index.js";
import { decodeRequest, errorReply, replayRequest, toLocale } from "../answer/index.js";
import type { Locale } from "../core/types.js";
import { isFaqButton } from "../faq/index.js";
import type { Logger } from "../log/index.js";
import { replyWith } from "./callback.js";
import type { ShellContext } from "./context.js";
import { discordErrorCode, isHarmlessDiscordError, newErrorRef } from "./errors.js";
import { feedbackButton } from "./feedback.js";
import { isFeedbackButton } from "./feedback-ids.js";
import { answerMessageCommand, faqButton, faqCommand } from "./moderation.js";
import { recordQuestion } from "./questions.js";
import { renderReply } from "./render.js";
import { allowed, answerCommand, logAnswered as done, withoutFlags } from "./replying.js";

export async function handleInteraction(
  ctx: ShellContext,
  interaction: Interaction,
): Promise<void> {
  const started = ctx.now();
  const locale = toLocale(interaction.locale);
  const log = ctx.logger.child({
    interactionId: interaction.id,
    command:
      interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    button: interaction.isButton() ? interaction.customId : undefined,
    guildId: interaction.guildId ?? null,
    locale: interaction.locale,
  });
  try {
    if (interaction.isAutocomplete()) return await autocomplete(ctx, interaction, locale, log);
    if (interaction.isChatInputCommand()) {
      if (interaction.commandName === faqDefinition.name)
        return await faqCommand(ctx, interaction, locale, log, started);
      return await command(ctx, interaction, locale, log, started);
    }
    if (interaction.isMessageContextMenuCommand()) {
      if (interaction.commandName === ANSWER_MESSAGE_COMMAND_NAME)
        return await answerMessageCommand(ctx, interaction, locale, log, started);
      throw new Error(`unknown command ${interaction.commandName}: run deploy-commands`);
    }
    if (interaction.isButton()) {
      // Checked before decodeRequest: these ids belong to other features.
      if (isFaqButton(interaction.customId))
        return await faqButton(ctx, interaction, locale, log, started);
      if (isFeedbackButton(interaction.customId))
        return await feedbackButton(ctx, interaction, locale, log);
      return await button(ctx, interaction, locale, log, started);
    }
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
    else await replyWith(interaction, payload);
  } catch (second) {
    log.warn(
      { err: second, ref, code: discordErrorCode(second) },
      "could not tell the user about the failure",
    );
  }
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
        ctx.knowledge.current(),
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
  const core = ctx.knowledge.current();
  const { reply, deferred } = await answerCommand(
    interaction,
    { deferFirst: cmd.defer === true, ephemeral: isPrivate },
    () => cmd.handle(request, core),
    (r) => renderReply(isPrivate ? { ...r, ephemeral: true } : r, { userText }),
  );
  // /ask is the one command that takes a free question; the others name their topic.
  const question = options.question;
  if (interaction.commandName === "ask" && typeof question === "string") {
    recordQuestion(ctx, log, question, reply, interaction.guildId);
  }
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
  const reply = replayRequest(ctx.knowledge.current(), decoded.request, decoded.locale, {
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
    await replyWith(interaction, renderReply({ ...reply, ephemeral: true }));
    done(log, reply, started, ctx, { updated: false });
  }
}
