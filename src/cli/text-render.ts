import { citationFields } from "../answer/layout.js";
import type { Reply } from "../core/reply.js";

/** ANSI styles only on a terminal: piped output stays plain text. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
}

export function makeStyle(color: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { bold: wrap(1, 22), dim: wrap(2, 22), accent: wrap(36, 39) };
}

/** Discord Markdown to terminal text: bold kept as bold, links as `text <url>`. */
function markdown(text: string, style: Style): string {
  return text
    .replace(/\*\*(.+?)\*\*/gs, (_m, inner: string) => style.bold(inner))
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, (_m, label: string, url: string) =>
      label === url ? url : `${label} <${url}>`,
    );
}

/** The whole reply, citations in full: a terminal has no 6,000-character limit. */
export function renderReplyText(reply: Reply, style: Style): string {
  const out: string[] = [style.accent(style.bold(reply.title)), ""];
  if (reply.body) out.push(markdown(reply.body, style), "");
  for (const field of reply.fields) {
    out.push(style.bold(field.name), markdown(field.value, style), "");
  }
  for (const citation of reply.citations) {
    for (const field of citationFields(citation, reply.locale)) {
      out.push(style.dim(field.name), markdown(field.value, style), "");
    }
  }
  if (reply.footer) out.push(style.dim(reply.footer));
  return out.join("\n").trimEnd();
}
