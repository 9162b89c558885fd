import {
  ApplicationCommandOptionType,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type MessageContextMenuCommandInteraction,
} from "discord.js";
import type { Reply } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import {
  FAQ_DEFERRED_SUBCOMMANDS,
  type FaqOptionValue,
  type FaqReply,
  type FaqRequest,
  faqButtonRows,
} from "../faq/index.js";
import type { Logger } from "../log/index.js";
import type { ShellContext } from "./context.js";
import { type MessagePayload, renderReply } from "./render.js";
import { allowed, answerCommand, logAnswered, withoutFlags } from "./replying.js";

/** A FAQ reply with its `faq:` buttons (the renderer does not know them). */
export function renderFaq(reply: FaqReply): MessagePayload {
  const payload = renderReply(reply);
  payload.components.push(...faqButtonRows(reply));
  return payload;
}

type GuildInteraction =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | MessageContextMenuCommandInteraction;

/** The plain data every FAQ handler reads, taken from the interaction. */
export function faqRequestOf(
  interaction: GuildInteraction,
  locale: Locale,
  options: Record<string, FaqOptionValue> = {},
): FaqRequest {
  return {
    locale,
    guildId: interaction.guildId ?? null,
    channelId: interaction.channelId ?? "",
    userId: interaction.user.id,
    memberPermissions: interaction.memberPermissions?.bitfield.toString() ?? "0",
    appPermissions: interaction.appPermissions?.bitfield.toString() ?? "0",
    options,
  };
}

/** The options of the invoked subcommand (or of the command when it has none), by name. */
function subcommandOptions(
  interaction: ChatInputCommandInteraction,
): Record<string, FaqOptionValue> {
  let options: readonly CommandInteractionOption[] = interaction.options.data;
  const nested = (o: CommandInteractionOption) =>
    o.type === ApplicationCommandOptionType.Subcommand ||
    o.type === ApplicationCommandOptionType.SubcommandGroup;
  for (let level = 0; level < 2; level++) {
    const sub = options.find(nested);
    if (!sub) break;
    options = sub.options ?? [];
  }
  const values: Record<string, FaqOptionValue> = {};
  for (const option of options) {
    const value = option.value;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      values[option.name] = value;
    }
  }
  return values;
}

/** /faq <subcommand>: private to the moderator, deferred for those that call Discord. */
export async function faqCommand(
  ctx: ShellContext,
  interaction: ChatInputCommandInteraction,
  locale: Locale,
  log: Logger,
  started: number,
): Promise<void> {
  if (!(await allowed(ctx, interaction, locale, log))) return;
  const subcommand = interaction.options.getSubcommand(false) ?? "";
  const request = faqRequestOf(interaction, locale, subcommandOptions(interaction));
  const { reply, deferred } = await answerCommand(
    interaction,
    { deferFirst: FAQ_DEFERRED_SUBCOMMANDS.has(subcommand), ephemeral: true },
    () => ctx.faq.run(subcommand, request),
    (r) => renderFaq({ ...r, ephemeral: true }),
  );
  logAnswered(log, reply, started, ctx, { subcommand, deferred });
}

/** "Answer with policybot": the answer goes in the channel; the user gets a private note. */
export async function answerMessageCommand(
  ctx: ShellContext,
  interaction: MessageContextMenuCommandInteraction,
  locale: Locale,
  log: Logger,
  started: number,
): Promise<void> {
  if (!(await allowed(ctx, interaction, locale, log))) return;
  const base = faqRequestOf(interaction, locale);
  const target = interaction.targetMessage;
  const { reply } = await answerCommand(
    interaction,
    { deferFirst: true, ephemeral: true },
    () =>
      ctx.faq.answerMessage({
        locale: base.locale,
        guildId: base.guildId,
        channelId: base.channelId,
        userId: base.userId,
        appPermissions: base.appPermissions,
        target: { id: target.id, content: target.content ?? "" },
      }),
    (r: Reply) => renderFaq({ ...r, ephemeral: true }),
  );
  logAnswered(log, reply, started, ctx, { contextMenu: true, targetId: target.id });
}

/** A `faq:` button (replace the oldest FAQ pin): its result replaces the moderator's note. */
export async function faqButton(
  ctx: ShellContext,
  interaction: ButtonInteraction,
  locale: Locale,
  log: Logger,
  started: number,
): Promise<void> {
  if (!(await allowed(ctx, interaction, locale, log))) return;
  const reply = await ctx.faq.button(faqRequestOf(interaction, locale), interaction.customId);
  await interaction.update(withoutFlags(renderFaq(reply)));
  logAnswered(log, reply, started, ctx, { updated: true });
}
