import { type Citation, DISCORD_LIMITS, type Reply, type ReplyField } from "../core/reply.js";
import { formatDate, t } from "./i18n.js";

/**
 * A reply laid out as one Discord embed, within every limit. The Discord shell and the tests
 * both use this, so "fits in Discord" is decided in one place, without discord.js.
 */
export interface EmbedLayout {
  title: string;
  description: string;
  fields: ReplyField[];
  footer: string;
  /** Citations that did not fit (the full list stays available through /source). */
  omittedCitations: number;
}

const ELLIPSIS = "…";

/** Cut at a word boundary when one is near, and say it was cut; never inside an emoji's pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let room = max - ELLIPSIS.length;
  const last = text.charCodeAt(room - 1);
  if (last >= 0xd800 && last <= 0xdbff) room--;
  const cut = text.slice(0, room);
  const space = cut.lastIndexOf(" ");
  return `${space > room * 0.8 ? cut.slice(0, space) : cut}${ELLIPSIS}`;
}

export function citationFields(citation: Citation, locale: Reply["locale"]): ReplyField[] {
  const label =
    citation.kind === "quote"
      ? t(locale, citation.authoritative ? "quoteLabel" : "quoteVerbatimLabel")
      : citation.kind === "translation"
        ? t(locale, "translationLabel")
        : t(locale, "summaryLabel");
  const version =
    citation.version && citation.version !== "undated"
      ? ` (${formatDate(citation.version, locale)})`
      : "";
  const name = truncate(`${citation.source}${version}`, DISCORD_LIMITS.fieldName);
  const link = citation.url
    ? `[${citation.section || citation.source}](${citation.url})`
    : citation.section;
  const where = `${label} · ${link}`;
  const room = DISCORD_LIMITS.fieldValue - where.length - 2;
  const body = citation.text ? quoteBlock(truncate(citation.text, room - 2)) : "";
  const fields: ReplyField[] = [{ name, value: body ? `${body}\n${where}` : where }];
  if (citation.translation) {
    fields.push({
      name: truncate(
        `${t(locale, "translationLabel")} · ${citation.source}`,
        DISCORD_LIMITS.fieldName,
      ),
      value: quoteBlock(truncate(citation.translation, DISCORD_LIMITS.fieldValue - 4)),
    });
  }
  return fields;
}

function quoteBlock(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

function fieldSize(field: ReplyField): number {
  return field.name.length + field.value.length;
}

function clampField(field: ReplyField): ReplyField {
  return {
    ...field,
    name: truncate(field.name || "\u200b", DISCORD_LIMITS.fieldName),
    value: truncate(field.value || "\u200b", DISCORD_LIMITS.fieldValue),
  };
}

export function layoutReply(reply: Reply): EmbedLayout {
  const title = truncate(reply.title, DISCORD_LIMITS.embedTitle);
  const footer = truncate(reply.footer, DISCORD_LIMITS.footer);
  // Leave room for the content fields and at least one citation before giving the rest to the body.
  const fields: ReplyField[] = reply.fields.slice(0, DISCORD_LIMITS.fields).map(clampField);
  const fixed = title.length + footer.length + fields.reduce((n, f) => n + fieldSize(f), 0);
  const descriptionRoom = Math.max(
    200,
    Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - fixed - 1200),
  );
  const description = truncate(reply.body, descriptionRoom);
  let total = fixed + description.length;
  // Content fields come first; drop from the end if the body left no room (never exceed 6,000).
  while (total > DISCORD_LIMITS.embedTotal && fields.length > 0) {
    const dropped = fields.pop();
    if (dropped) total -= fieldSize(dropped);
  }
  let omitted = 0;
  for (const citation of reply.citations) {
    const group = citationFields(citation, reply.locale).map(clampField);
    const size = group.reduce((n, f) => n + fieldSize(f), 0);
    // Keep room for the "more sources" note.
    if (
      fields.length + group.length <= DISCORD_LIMITS.fields - 1 &&
      total + size <= DISCORD_LIMITS.embedTotal - 120
    ) {
      fields.push(...group);
      total += size;
    } else {
      omitted++;
    }
  }
  if (omitted > 0) {
    const note: ReplyField = {
      name: t(reply.locale, "sources"),
      value: reply.locale === "fr" ? `+${omitted} : \`/source\`` : `+${omitted}: \`/source\``,
    };
    if (
      total + fieldSize(note) <= DISCORD_LIMITS.embedTotal &&
      fields.length < DISCORD_LIMITS.fields
    ) {
      fields.push(note);
    }
  }
  return { title, description, fields, footer, omittedCitations: omitted };
}

export function layoutSize(layout: EmbedLayout): number {
  return (
    layout.title.length +
    layout.description.length +
    layout.footer.length +
    layout.fields.reduce((n, f) => n + fieldSize(f), 0)
  );
}
