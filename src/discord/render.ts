import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from "discord-api-types/v10";
import { encodeRequest, layoutReply, otherLocale, t } from "../answer/index.js";
import { DISCORD_LIMITS, type Reply, type ReplyKind } from "../core/reply.js";
import type { Locale } from "../core/types.js";
import { codeSafe, escapeUserText, neutralizeMentions, sliceSafe } from "./escape.js";
import { encodeFeedback } from "./feedback-ids.js";

/**
 * The one place a Reply becomes a Discord message. Every limit is enforced here, so no command
 * can produce a payload Discord would reject.
 */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: []; repliedUser?: boolean };
  flags?: number;
}

export interface RenderOptions {
  /** Text the user typed, which the reply may echo: shown escaped wherever it appears. */
  userText?: string[];
  /** Replying to a message: do not ping its author. */
  asMessageReply?: boolean;
}

const COLORS: Record<ReplyKind, number> = {
  answer: 0x1d9bf0,
  "no-answer": 0x8899a6,
  info: 0x5865f2,
  error: 0xed4245,
  notice: 0xfee75c,
};

const SWITCH_EMOJI: Record<Locale, string> = { en: "🇬🇧", fr: "🇫🇷" };

const ELLIPSIS = "…";
const EMPTY = "\u200b";

/**
 * Shortens Markdown to `max` characters: prefers a line or word boundary near the end, never
 * splits a surrogate pair, and closes a code block it cut open.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max <= 8) return sliceSafe(text, max);
  const reserve = 5; // ellipsis plus a closing fence on its own line
  let cut = sliceSafe(text, max - reserve - 3);
  const boundary = Math.max(cut.lastIndexOf("\n"), cut.lastIndexOf(" "));
  if (boundary > cut.length - 80 && boundary > 0) cut = cut.slice(0, boundary);
  cut = cut.trimEnd() + ELLIPSIS;
  const fences = cut.match(/```/g)?.length ?? 0;
  if (fences % 2 === 1) cut += "\n```";
  return sliceSafe(cut, max);
}

function nonEmpty(text: string): string {
  return text.trim().length > 0 ? text : EMPTY;
}

/**
 * Replaces each echo of the user's text by an inert version. Short or symbol-only inputs are
 * skipped: replacing "**" everywhere would break our own formatting, and they cannot hide much.
 */
function escapeEchoes(text: string, userText: string[]): string {
  let out = text;
  for (const raw of userText) {
    const echo = raw.trim();
    if (echo.length < 3 || !/[\p{L}\p{N}]/u.test(echo) || !out.includes(echo)) continue;
    out = out.split(`\`${echo}\``).join(`\`${codeSafe(echo, echo.length)}\``);
    out = out.split(echo).join(escapeUserText(echo, echo.length));
  }
  // Whatever else the text holds, it must not look like a mass mention.
  return out.replace(/@(everyone|here)/gi, "@\u200b$1");
}

function embedSize(embed: APIEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  size += embed.footer?.text.length ?? 0;
  size += embed.author?.name.length ?? 0;
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}

/** Lone surrogates (from a cut elsewhere) make invalid UTF-8; Discord rejects them. */
function wellFormed(text: string): string {
  // Native, and free when the text is already well formed (nearly always).
  return text.toWellFormed();
}

/** User text the reply echoes, made inert before the layout measures anything. */
function sanitize(reply: Reply, userText: string[]): Reply {
  const clean = (text: string) => wellFormed(escapeEchoes(text, userText));
  return {
    ...reply,
    title: clean(reply.title).replace(/\s+/g, " ").trim(),
    body: clean(reply.body),
    footer: clean(reply.footer),
    fields: reply.fields.map((f) => ({ ...f, name: clean(f.name), value: clean(f.value) })),
    citations: reply.citations.map((c) => ({
      ...c,
      source: wellFormed(c.source),
      section: wellFormed(c.section),
      ...(c.text !== undefined ? { text: wellFormed(c.text) } : {}),
      ...(c.translation !== undefined ? { translation: wellFormed(c.translation) } : {}),
    })),
  };
}

/**
 * The answer layer lays the reply out (which citations fit, in what order); this is the last
 * guard: whatever the layout produced, every Discord limit holds after it.
 */
function buildEmbed(reply: Reply): APIEmbed {
  const laid = layoutReply(reply);
  // The layout may cut inside an emoji; a lone surrogate becomes U+FFFD (same length).
  const layout = {
    title: wellFormed(laid.title),
    description: wellFormed(laid.description),
    footer: wellFormed(laid.footer),
    fields: laid.fields.map((f) => ({
      ...f,
      name: wellFormed(f.name),
      value: wellFormed(f.value),
    })),
  };
  const title = truncate(layout.title, DISCORD_LIMITS.embedTitle);
  const footer = truncate(layout.footer, DISCORD_LIMITS.footer);
  const fields: APIEmbedField[] = layout.fields.slice(0, DISCORD_LIMITS.fields).map((f) => ({
    name: truncate(nonEmpty(f.name), DISCORD_LIMITS.fieldName),
    value: truncate(nonEmpty(f.value), DISCORD_LIMITS.fieldValue),
    ...(f.inline ? { inline: true } : {}),
  }));
  // The body is the answer: it keeps some room before trailing fields are dropped.
  const minBody = Math.min(layout.description.length, 1000);
  const fixed = () =>
    title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  while (fields.length > 0 && fixed() + minBody > DISCORD_LIMITS.embedTotal) fields.pop();
  const room = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - fixed());
  const description = truncate(layout.description, Math.max(0, room));

  const embed: APIEmbed = { color: COLORS[reply.kind] ?? COLORS.info };
  if (title) embed.title = title;
  if (description.trim()) embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  if (footer.trim()) embed.footer = { text: footer };
  // An embed needs some text; a reply with none still says something.
  if (!embed.title && !embed.description && !embed.fields) embed.description = EMPTY;
  return embed;
}

type Button = APIButtonComponent;

function buttonsFor(reply: Reply): Button[] {
  const buttons: Button[] = [];
  const seen = new Set<string>();
  const add = (button: Button, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    buttons.push(button);
  };
  const label = (text: string) =>
    truncate(nonEmpty(text.replace(/\s+/g, " ")), DISCORD_LIMITS.buttonLabel);

  if (reply.request) {
    const other = otherLocale(reply.locale);
    const customId = encodeRequest(reply.request, other);
    if (customId.length <= 100) {
      add(
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: customId,
          label: t(reply.locale, "switchLanguage"),
          emoji: { name: SWITCH_EMOJI[other] },
        },
        customId,
      );
    }
  }
  for (const button of reply.buttons) {
    const action = button.action;
    if (action.type === "link") {
      // Discord accepts only http(s) links of at most 512 characters.
      if (!/^https?:\/\//.test(action.url) || action.url.length > 512) continue;
      add(
        {
          type: ComponentType.Button,
          style: ButtonStyle.Link,
          url: action.url,
          label: label(button.label),
        },
        action.url,
      );
    } else if (action.type === "topic" || action.type === "source") {
      const customId = encodeRequest({ command: action.type, topic: action.topic }, reply.locale);
      if (customId.length > 100) continue;
      add(
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          custom_id: customId,
          label: label(button.label),
        },
        customId,
      );
    } else if (action.type === "switch-locale" && reply.request) {
      // Already offered by the language button above.
    }
    // Feedback buttons get their own row (feedbackRow), whether asked for or not.
  }
  // One row stays free for the feedback buttons.
  return buttons.slice(0, DISCORD_LIMITS.buttonsPerRow * 4);
}

const VOTE_EMOJI = { up: "👍", down: "👎" } as const;

/**
 * 👍 / 👎 on every answer (and on any reply that asks for them with a feedback button). Their
 * custom ids carry the topic and language, so a vote needs no state on our side.
 */
function feedbackRow(reply: Reply): APIActionRowComponent<APIButtonComponent> | null {
  const asked = reply.buttons.some((b) => b.action.type === "feedback");
  if (reply.kind !== "answer" && !asked) return null;
  const votes = ["up", "down"] as const;
  return {
    type: ComponentType.ActionRow,
    components: votes.map((vote) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: encodeFeedback({ vote, topic: reply.topic, locale: reply.locale }),
      emoji: { name: VOTE_EMOJI[vote] },
    })),
  };
}

function rows(buttons: Button[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    out.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow),
    });
  }
  return out;
}

/**
 * Embeds of replies that echo nothing the user typed, by reply object: the answer layer hands
 * out the same Reply for the same topic and language, so a busy server lays each answer out once.
 * Nothing downstream mutates an embed (discord.js only serializes it).
 */
const embedCache = new WeakMap<Reply, APIEmbed>();

/** Every text of a reply, joined by a separator user text cannot hold (see `echoes`). */
const replyTexts = new WeakMap<Reply, string>();
const SEPARATOR = "\u0000";

function textOf(reply: Reply): string {
  let text = replyTexts.get(reply);
  if (text === undefined) {
    text = [
      reply.title,
      reply.body,
      reply.footer,
      ...reply.fields.flatMap((f) => [f.name, f.value]),
      ...reply.citations.flatMap((c) => [c.source, c.section, c.text ?? "", c.translation ?? ""]),
    ].join(SEPARATOR);
    replyTexts.set(reply, text);
  }
  return text;
}

/** Whether the reply shows `echo` inside one of its texts (an echo with NUL is never found). */
function echoes(reply: Reply, echo: string): boolean {
  return !echo.includes(SEPARATOR) && textOf(reply).includes(echo);
}

function embedFor(reply: Reply, userText: string[]): APIEmbed {
  const echoed = userText.filter((raw) => {
    const echo = raw.trim();
    return echo.length >= 3 && echoes(reply, echo);
  });
  if (echoed.length > 0) return buildEmbed(sanitize(reply, echoed));
  let embed = embedCache.get(reply);
  if (!embed) {
    embed = buildEmbed(sanitize(reply, []));
    embedCache.set(reply, embed);
  }
  return embed;
}

export function renderReply(reply: Reply, options: RenderOptions = {}): MessagePayload {
  const payload: MessagePayload = {
    embeds: [embedFor(reply, options.userText ?? [])],
    components: [...rows(buttonsFor(reply)), ...[feedbackRow(reply)].filter((r) => r !== null)],
    allowedMentions: options.asMessageReply ? { parse: [], repliedUser: false } : { parse: [] },
  };
  if (reply.ephemeral) payload.flags = MessageFlags.Ephemeral;
  return payload;
}

/** Plain text (for logs, or where embeds are not possible), within the 2,000-character limit. */
export function renderText(reply: Reply): string {
  const text = [reply.title && `**${reply.title}**`, reply.body].filter(Boolean).join("\n");
  return truncate(neutralizeMentions(text), DISCORD_LIMITS.content);
}

export { embedSize };
