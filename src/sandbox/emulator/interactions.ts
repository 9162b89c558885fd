import {
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  InteractionType,
} from "discord-api-types/v10";
import type { World } from "./world.js";

/** What the emulator remembers of one injected interaction and how the bot answered it. */
export interface InteractionRecord {
  payload: APIInteraction;
  injectedAt: number;
  callbackType: InteractionResponseType | null;
  ephemeral: boolean;
  /** The reply message (type 4/5), or for a component the message it sits on (type 6/7). */
  originalId: string | null;
  originalDeleted: boolean;
  /** True once @original was edited after a deferral. */
  originalEdited: boolean;
  followUpIds: string[];
  choices: APIApplicationCommandOptionChoice[] | null;
  modal: APIModalInteractionResponseCallbackData | null;
}

/** The bot's answer to an interaction as the user sees it at one moment. */
export interface InteractionView {
  interactionId: string;
  /** How the bot acknowledged it; null while unanswered. */
  callbackType: InteractionResponseType | null;
  /** Acknowledged with type 5 or 6 ("thinking…" / silent) and not yet edited. */
  pending: boolean;
  ephemeral: boolean;
  /**
   * The reply with later edits applied (type 4/5), or the updated message a component sits on
   * (type 6/7). Null before a reply and after the bot deleted it.
   */
  message: APIMessage | null;
  /** True when the bot deleted its reply. */
  deleted: boolean;
  /** Follow-up messages, oldest first, with their edits. */
  followUps: APIMessage[];
  /** Autocomplete choices (type 8). */
  choices: APIApplicationCommandOptionChoice[] | null;
  /** The modal the bot opened (type 9). */
  modal: APIModalInteractionResponseCallbackData | null;
  /**
   * Every visible text of `message` and the follow-ups (content, embed titles, descriptions,
   * field names and values, footers, button labels), joined by newlines: handy for assertions.
   */
  text: string;
}

/** All visible text of a message, one piece per line. */
export function messageText(message: APIMessage): string {
  const parts: string[] = [];
  if (message.content) parts.push(message.content);
  for (const e of message.embeds) {
    if (e.author?.name) parts.push(e.author.name);
    if (e.title) parts.push(e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
    if (e.footer?.text) parts.push(e.footer.text);
  }
  const walk = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components as { label?: unknown; content?: unknown; components?: unknown }[]) {
      if (typeof c.label === "string") parts.push(c.label);
      if (typeof c.content === "string") parts.push(c.content);
      walk(c.components);
    }
  };
  walk(message.components);
  return parts.join("\n");
}

export function viewOf(world: World, record: InteractionRecord): InteractionView {
  const message =
    record.originalId && !record.originalDeleted
      ? (world.messages.get(record.originalId) ?? null)
      : null;
  const followUps = record.followUpIds
    .map((id) => world.messages.get(id))
    .filter((m): m is APIMessage => m !== undefined);
  const deferred =
    record.callbackType === InteractionResponseType.DeferredChannelMessageWithSource ||
    record.callbackType === InteractionResponseType.DeferredMessageUpdate;
  return {
    interactionId: record.payload.id,
    callbackType: record.callbackType,
    pending:
      deferred && !record.originalEdited && !record.originalDeleted && followUps.length === 0,
    ephemeral: record.ephemeral,
    message,
    deleted: record.originalDeleted,
    followUps,
    choices: record.choices,
    modal: record.modal,
    text: [message, ...followUps]
      .filter((m): m is APIMessage => m !== null)
      .map(messageText)
      .filter((t) => t.length > 0)
      .join("\n"),
  };
}

/** True once the user would see something: a reply, an update, choices, a modal, or an edit after "thinking…". */
export function isAnswered(view: InteractionView): boolean {
  return view.callbackType !== null && !view.pending;
}

export function isApplicationCommand(payload: APIInteraction): boolean {
  return payload.type === InteractionType.ApplicationCommand;
}
