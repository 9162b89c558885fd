import { discordErrors } from "./errors.js";

/**
 * Discord's hard limits on what a bot sends. The emulator rejects what Discord would reject
 * (400 code 50035 "Invalid Form Body", or 50006 for an empty message), so a test catches an
 * over-long answer before a real server does.
 */
const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

type Problems = Record<string, string>;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Discord counts characters (code points), not UTF-16 units. Counted in place: spreading every
 * string of every embed into an array was the emulator's largest cost under a burst.
 */
export function codePointLength(s: string): number {
  let length = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

function tooLong(problems: Problems, path: string, value: unknown, max: number): number {
  const length = codePointLength(text(value));
  if (length > max) problems[path] = `Must be ${max} or fewer in length.`;
  return length;
}

function checkEmbeds(problems: Problems, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    problems.embeds = "Must be an array.";
    return;
  }
  if (embeds.length > LIMITS.embeds)
    problems.embeds = `Must be ${LIMITS.embeds} or fewer in length.`;
  let total = 0;
  embeds.forEach((raw, i) => {
    const embed = record(raw) ?? {};
    const at = `embeds.${i}`;
    total += tooLong(problems, `${at}.title`, embed.title, LIMITS.embedTitle);
    total += tooLong(problems, `${at}.description`, embed.description, LIMITS.embedDescription);
    total += tooLong(problems, `${at}.footer.text`, record(embed.footer)?.text, LIMITS.footer);
    total += tooLong(problems, `${at}.author.name`, record(embed.author)?.name, LIMITS.author);
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > LIMITS.fields) {
      problems[`${at}.fields`] = `Must be ${LIMITS.fields} or fewer in length.`;
    }
    fields.forEach((rawField, j) => {
      const field = record(rawField) ?? {};
      if (text(field.name).length === 0)
        problems[`${at}.fields.${j}.name`] = "This field is required";
      if (text(field.value).length === 0) {
        problems[`${at}.fields.${j}.value`] = "This field is required";
      }
      total += tooLong(problems, `${at}.fields.${j}.name`, field.name, LIMITS.fieldName);
      total += tooLong(problems, `${at}.fields.${j}.value`, field.value, LIMITS.fieldValue);
    });
  });
  if (total > LIMITS.embedTotal) {
    problems.embeds = `Embed size exceeds maximum size of ${LIMITS.embedTotal}`;
  }
}

function checkComponents(problems: Problems, components: unknown): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    problems.components = "Must be an array.";
    return;
  }
  if (components.length > LIMITS.actionRows) {
    problems.components = `Must be ${LIMITS.actionRows} or fewer in length.`;
  }
  components.forEach((rawRow, i) => {
    const row = record(rawRow) ?? {};
    // Only classic action rows (type 1) are checked; Components V2 layouts pass through.
    if (row.type !== 1) return;
    const children = Array.isArray(row.components) ? row.components : [];
    if (children.length === 0 || children.length > LIMITS.componentsPerRow) {
      problems[`components.${i}.components`] =
        `Must be between 1 and ${LIMITS.componentsPerRow} in length.`;
    }
    children.forEach((rawChild, j) => {
      const child = record(rawChild) ?? {};
      const at = `components.${i}.components.${j}`;
      tooLong(problems, `${at}.custom_id`, child.custom_id, LIMITS.customId);
      tooLong(problems, `${at}.label`, child.label, LIMITS.buttonLabel);
      // Link buttons (style 5) need a url and no custom_id; others the reverse.
      if (child.type === 2 && child.style === 5 && typeof child.url !== "string") {
        problems[`${at}.url`] = "This field is required";
      }
      if (child.type === 2 && child.style !== 5 && child.style !== 6 && !child.custom_id) {
        problems[`${at}.custom_id`] = "This field is required";
      }
    });
  });
}

/** Throws the error Discord would answer a message body (create or edit) with. */
export function validateMessageBody(body: unknown, opts: { requireSomething: boolean }): void {
  const b = record(body);
  if (b === undefined) throw discordErrors.invalidBody({ _root: "Expected an object." });
  const problems: Problems = {};
  if (b.content !== undefined && b.content !== null && typeof b.content !== "string") {
    problems.content = "Could not interpret as a string.";
  }
  tooLong(problems, "content", b.content, LIMITS.content);
  checkEmbeds(problems, b.embeds);
  checkComponents(problems, b.components);
  if (Object.keys(problems).length > 0) throw discordErrors.invalidBody(problems);
  const hasSomething =
    text(b.content).length > 0 ||
    (Array.isArray(b.embeds) && b.embeds.length > 0) ||
    (Array.isArray(b.components) && b.components.length > 0) ||
    (Array.isArray(b.attachments) && b.attachments.length > 0) ||
    (Array.isArray(b.sticker_ids) && b.sticker_ids.length > 0) ||
    b.poll !== undefined;
  if (opts.requireSomething && !hasSomething) throw discordErrors.emptyMessage();
}

/** Throws unless `choices` is a valid autocomplete result. */
export function validateChoices(choices: unknown): void {
  const problems: Problems = {};
  if (!Array.isArray(choices)) {
    problems.choices = "Must be an array.";
  } else {
    if (choices.length > LIMITS.choices) {
      problems.choices = `Must be ${LIMITS.choices} or fewer in length.`;
    }
    choices.forEach((raw, i) => {
      const choice = record(raw) ?? {};
      const nameLength = tooLong(problems, `choices.${i}.name`, choice.name, LIMITS.choiceName);
      if (nameLength === 0) problems[`choices.${i}.name`] = "Must be between 1 and 100 in length.";
      if (typeof choice.value === "string") {
        tooLong(problems, `choices.${i}.value`, choice.value, LIMITS.choiceValue);
      } else if (typeof choice.value !== "number") {
        problems[`choices.${i}.value`] = "This field is required";
      }
    });
  }
  if (Object.keys(problems).length > 0) throw discordErrors.invalidBody(problems);
}
