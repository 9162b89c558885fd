import type { z } from "zod";
import type { articleSectionSchema } from "./schema.js";

export interface ArticleSection {
  heading: string;
  /** The paragraphs under the heading, verbatim, without the heading itself. */
  text: string;
  meta: z.infer<typeof articleSectionSchema>;
}

/**
 * Splits the knowledge copy of the article at its `#` heading lines and pairs
 * each heading with its front-matter entry (same order, same text), so the
 * heading-to-topic mapping can never silently drift from the text.
 * Returns an error string for the caller to locate.
 */
export function splitArticle(
  body: string,
  sections: z.infer<typeof articleSectionSchema>[],
): ArticleSection[] | { error: string; field: string } {
  const found: { heading: string; lines: string[] }[] = [];
  const preamble: string[] = [];
  for (const line of body.split("\n")) {
    const heading = /^#{1,6}\s+(.*?)\s*$/.exec(line);
    if (heading) found.push({ heading: heading[1] ?? "", lines: [] });
    else (found.at(-1)?.lines ?? preamble).push(line);
  }
  if (preamble.join("").trim() !== "") {
    return { error: "text before the first heading belongs to no section", field: "body" };
  }
  if (found.length !== sections.length) {
    return {
      error: `the body has ${found.length} headings but front matter lists ${sections.length} sections`,
      field: "sections",
    };
  }
  const out: ArticleSection[] = [];
  for (const [i, part] of found.entries()) {
    const meta = sections[i];
    if (!meta) break;
    if (meta.heading.trim() !== part.heading) {
      return {
        error: `section ${i + 1} is headed "${part.heading}" in the body but "${meta.heading}" in front matter`,
        field: "sections",
      };
    }
    const text = part.lines.join("\n").trim();
    if (!text) return { error: `section "${part.heading}" has no text`, field: "body" };
    out.push({ heading: part.heading, text, meta });
  }
  return out;
}
