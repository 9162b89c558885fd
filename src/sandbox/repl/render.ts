import {
  type APIEmbed,
  type APIMessage,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from "discord-api-types/v10";

/** ANSI only on a terminal; piped output and scripts' logs stay plain text. */
export interface Palette {
  color: boolean;
}

/** A button of the last answer, addressable with `:press N`. */
export interface ShownButton {
  number: number;
  label: string;
  customId?: string;
  url?: string;
  disabled: boolean;
}

export interface RenderedMessage {
  text: string;
  buttons: ShownButton[];
}

const sgr = (p: Palette, open: string, close: string) => (text: string) =>
  p.color && text !== "" ? `\u001b[${open}m${text}\u001b[${close}m` : text;

function styles(p: Palette) {
  return {
    bold: sgr(p, "1", "22"),
    dim: sgr(p, "2", "22"),
    italic: sgr(p, "3", "23"),
    cyan: sgr(p, "36", "39"),
    yellow: sgr(p, "33", "39"),
    red: sgr(p, "31", "39"),
    bar(colour: number | undefined): string {
      if (!p.color) return "┃";
      const c = colour ?? 0x4f545c;
      return `\u001b[38;2;${(c >> 16) & 255};${(c >> 8) & 255};${c & 255}m┃\u001b[39m`;
    },
  };
}

/**
 * Discord Markdown made readable in a terminal: bold kept (as bold on a TTY), links as
 * `label <url>`, backslash escapes removed, quote blocks kept as "> ".
 */
export function terminalMarkdown(text: string, p: Palette): string {
  const s = styles(p);
  return text
    .replace(/\*\*(.+?)\*\*/gs, (_m, inner: string) => s.bold(inner))
    .replace(/\[([^\]]+)\]\(<?(https?:[^)\s>]+)>?\)/g, (_m, label: string, url: string) =>
      label === url ? url : `${label} <${url}>`,
    )
    .replace(/\\([\\*_~`|>#[\]()-])/g, "$1");
}

function embedLines(embed: APIEmbed, p: Palette): string[] {
  const s = styles(p);
  const out: string[] = [];
  const md = (t: string) => terminalMarkdown(t, p);
  if (embed.author?.name) out.push(s.dim(embed.author.name));
  if (embed.title) out.push(s.bold(s.cyan(md(embed.title))));
  if (embed.url) out.push(s.dim(embed.url));
  if (embed.description) out.push("", ...md(embed.description).split("\n"));
  for (const field of embed.fields ?? []) {
    out.push("", s.bold(md(field.name)), ...md(field.value).split("\n"));
  }
  if (embed.footer?.text) out.push("", s.dim(md(embed.footer.text)));
  const bar = s.bar(embed.color);
  return out.map((line) => (line === "" ? bar : `${bar} ${line}`));
}

function buttonsOf(message: APIMessage): ShownButton[] {
  const buttons: ShownButton[] = [];
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) {
      if (c.type !== ComponentType.Button) continue;
      const emoji = "emoji" in c ? c.emoji?.name : undefined;
      const label = [emoji, "label" in c ? c.label : undefined].filter(Boolean).join(" ");
      buttons.push({
        number: buttons.length + 1,
        label: label || "(no label)",
        disabled: c.disabled === true,
        ...(c.style === ButtonStyle.Link ? { url: c.url } : {}),
        ...("custom_id" in c ? { customId: c.custom_id } : {}),
      });
    }
  }
  return buttons;
}

export interface RenderContext {
  palette: Palette;
  /** Who posted it, e.g. "policybot". */
  author: string;
  /** Shown after the author, e.g. "reply to /ask" or "updated in place". */
  note?: string;
  ephemeral?: boolean;
}

/** A bot message as a block of terminal text, with its buttons numbered for `:press`. */
export function renderMessage(message: APIMessage, ctx: RenderContext): RenderedMessage {
  const s = styles(ctx.palette);
  const ephemeral =
    ctx.ephemeral ?? ((message.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;
  const head = [s.bold(ctx.author)];
  if (ctx.note) head.push(s.dim(ctx.note));
  if (ephemeral) head.push(s.yellow("[ephemeral: only you can see this]"));
  const lines = [head.join(" ")];
  if (message.content) lines.push(...terminalMarkdown(message.content, ctx.palette).split("\n"));
  for (const embed of message.embeds ?? []) lines.push(...embedLines(embed, ctx.palette));
  const buttons = buttonsOf(message);
  if (buttons.length > 0) {
    lines.push(
      buttons
        .map((b) => {
          const tag = `[${b.number}] ${b.label}`;
          const extra = b.url ? ` ↗ ${b.url}` : "";
          return b.disabled ? s.dim(`${tag} (disabled)`) : `${s.cyan(tag)}${s.dim(extra)}`;
        })
        .join("   "),
    );
  }
  return { text: lines.join("\n"), buttons };
}
