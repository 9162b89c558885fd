/**
 * Making user text safe to show inside our own messages. `allowedMentions: { parse: [] }` already
 * stops pings; this also stops a question from *looking* like a mention or from breaking the
 * layout (an unclosed code block or spoiler would swallow the rest of the embed).
 */

const ZWSP = "\u200b";

/** `@everyone`, `<@id>`, `<#id>`, `</cmd:id>`, `<t:...>` rendered inert by a zero-width space. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#/:a]|t:)/g, `<${ZWSP}$1`);
}

/** Backslash-escapes every character Discord's Markdown gives a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>#\-[\]()!:<]/g, (ch) => `\\${ch}`);
}

/**
 * For text shown inside an inline code span, where backslashes are literal: only a backtick can
 * end the span, so it becomes a look-alike (U+02CB).
 */
export function codeSafe(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const short = oneLine.length > max ? `${sliceSafe(oneLine, max - 1)}…` : oneLine;
  return neutralizeMentions(short.replace(/`/g, "\u02cb"));
}

/**
 * User text ready to sit inside our Markdown: one line (so it cannot start a heading, a list or a
 * quote), escaped, mentions neutralized, at most `max` characters.
 */
export function escapeUserText(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const short = oneLine.length > max ? `${sliceSafe(oneLine, max - 1)}…` : oneLine;
  return neutralizeMentions(escapeMarkdown(short));
}

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function sliceSafe(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
