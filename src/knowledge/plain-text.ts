/**
 * How quotes relate to the Markdown captures in `sources/`: a quote stores
 * the text a reader sees on X's page, not the Markdown that encodes it.
 * Links keep their text and lose their URL, bold/italic markers, heading
 * markers and underlines, list bullets and backslash escapes disappear.
 * The quote checker renders each capture with `markdownToPlain` and then
 * compares with whitespace folded.
 */
export function markdownToPlain(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, "\n")
      // Setext underlines (`=====`, `-----`) and `- - -` rules.
      .replace(/^\s*(=+|-+|(- )+-)\s*$/gm, "")
      // `[text](url "title")` -> text; empty anchors `[](url)` vanish.
      .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, "$1")
      .replace(/^\s{0,3}#{1,6}\s+/gm, "")
      .replace(/^\s*[*+-]\s+/gm, "")
      .replace(/\*\*|__/g, "")
      .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1")
  );
}

/** Runs of whitespace (line breaks, non-breaking spaces) count as one space. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Markdown a quote must not carry: quotes are stored as plain text (see markdownToPlain). */
export function markdownMarkup(text: string): string | null {
  if (/\[[^\]]*\]\([^)]*\)/.test(text)) return "a Markdown link";
  if (/\*\*|__/.test(text)) return "bold markers";
  if (/^\s*#{1,6}\s/m.test(text)) return "a heading marker";
  if (/^\s*[*+-]\s/m.test(text)) return "a list bullet";
  return null;
}
