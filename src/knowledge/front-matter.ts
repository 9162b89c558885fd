import { parse as parseYaml } from "yaml";

export interface FrontMatterDoc {
  data: unknown;
  body: string;
}

/**
 * Splits `---\n<yaml>\n---\n<body>`. Returns an error string rather than
 * throwing so the caller can attach the file name.
 */
export function splitFrontMatter(source: string): FrontMatterDoc | { error: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---\n")) {
    return { error: "missing front matter (the file must start with a line `---`)" };
  }
  const end = text.indexOf("\n---", 3);
  if (end < 0) return { error: "front matter is not closed by a line `---`" };
  const afterFence = text.indexOf("\n", end + 1);
  const yamlText = text.slice(4, end + 1);
  const body = afterFence < 0 ? "" : text.slice(afterFence + 1);
  try {
    const data: unknown = parseYaml(yamlText);
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      return { error: "front matter must be a YAML mapping of fields" };
    }
    return { data, body };
  } catch (err) {
    return { error: `front matter is not valid YAML: ${(err as Error).message.split("\n")[0]}` };
  }
}
