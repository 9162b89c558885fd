/**
 * A problem in a knowledge file, located precisely enough for a moderator
 * to open the file and fix it without reading code.
 */
export class KnowledgeError extends Error {
  override readonly name = "KnowledgeError";

  constructor(
    /** Path as shown to people, e.g. `knowledge/excerpts/foo.md`. */
    readonly file: string,
    /** Id of the record at fault, or "" when the whole file is at fault. */
    readonly record: string,
    /** Front-matter field (or "body", "front matter") at fault, or "". */
    readonly field: string,
    readonly problem: string,
  ) {
    super(formatMessage(file, record, field, problem));
  }
}

function formatMessage(file: string, record: string, field: string, problem: string): string {
  const where = [record ? `record "${record}"` : "", field ? `field "${field}"` : ""]
    .filter(Boolean)
    .join(", ");
  return where ? `${file}: ${where}: ${problem}` : `${file}: ${problem}`;
}
