import { z } from "zod";
import { LOCALES, TOPIC_IDS } from "../core/types.js";

/** Answer limits that keep every answer inside one Discord embed, with room for citations. */
export const ANSWER_LIMITS = {
  title: 256,
  /** `short` + "\n\n" + details: leaves 296 of the 4,096 description chars for the renderer. */
  body: 3800,
  pressNote: 1000,
  step: 200,
} as const;

/** A quote must fit one embed field value (1,024) whole, with room for quotation marks. */
export const QUOTE_MAX = 1000;

const nonEmpty = z.string().trim().min(1, { error: "must not be empty" });
const topicId = z.enum(TOPIC_IDS, { error: (iss) => `unknown topic "${String(iss.input)}"` });
const locale = z.enum(LOCALES, { error: (iss) => `unknown language "${String(iss.input)}"` });
const perLocale = <T extends z.ZodType>(inner: T) => z.object({ fr: inner, en: inner }).strict();

/**
 * Source versions are dates. Press pieces may only be known to the month
 * (`2024-12`) or not dated at all (`undated`); they never count for `updated`.
 */
export const SOURCE_VERSION = /^(\d{4}-\d{2}(-\d{2})?|undated)$/;

export const topicSchema = z
  .object({
    id: topicId,
    title: perLocale(nonEmpty),
    keywords: perLocale(z.array(nonEmpty).min(1)),
    suggested: perLocale(z.array(nonEmpty.max(100)).min(1).max(5)),
  })
  .strict();

export const sourceSchema = z
  .object({
    id: nonEmpty.regex(/^[a-z0-9][a-z0-9.@-]*$/, {
      error: "use lower-case letters, digits, . @ -",
    }),
    title: nonEmpty,
    publisher: nonEmpty,
    kind: z.enum(["privacy-policy", "terms", "article", "press", "regulator"]),
    url: z.url({ protocol: /^https$/, error: "must be an https URL" }),
    version: z.string().regex(SOURCE_VERSION, { error: "must be YYYY-MM-DD, YYYY-MM or undated" }),
    lang: locale,
  })
  .strict();

const passageId = nonEmpty.regex(/^[a-z0-9][a-z0-9.-]*$/, {
  error: "use lower-case letters, digits, . and -",
});

/** Front matter of `excerpts/*.md` and `summaries/*.md`; the body is the text. */
export const passageFileSchema = z
  .object({
    id: passageId,
    kind: z.enum(["quote", "summary", "translation"]),
    source: nonEmpty,
    section: nonEmpty,
    lang: locale,
    topics: z.array(topicId).min(1),
    /** For kind translation: the passage it translates. */
    translation_of: passageId.optional(),
    /** Our French version; becomes passage `<id>.fr` (a translation of a quote, else a summary). */
    fr: nonEmpty.optional(),
  })
  .strict();

export const articleSectionSchema = z
  .object({
    heading: nonEmpty,
    id: passageId,
    topics: z.array(topicId).min(1),
  })
  .strict();

export const articleFileSchema = z
  .object({
    source: nonEmpty,
    lang: locale,
    sections: z.array(articleSectionSchema).min(1),
  })
  .strict();

const step = nonEmpty.max(ANSWER_LIMITS.step, {
  error: `a step must be at most ${ANSWER_LIMITS.step} characters`,
});

export const answerFileSchema = z
  .object({
    topic: topicId,
    lang: locale,
    title: nonEmpty.max(ANSWER_LIMITS.title, {
      error: `must be at most ${ANSWER_LIMITS.title} characters`,
    }),
    short: nonEmpty,
    supports: z.array(passageId).min(1),
    related: z.array(topicId).default([]),
    press_note: nonEmpty
      .max(ANSWER_LIMITS.pressNote, {
        error: `must be at most ${ANSWER_LIMITS.pressNote} characters`,
      })
      .optional(),
    steps: z
      .object({
        web: z.array(step).min(1).optional(),
        ios: z.array(step).min(1).optional(),
        android: z.array(step).min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Groups of words that mean the same; YAML may read a bare number, so numbers become strings. */
export const synonymsSchema = z
  .array(z.array(z.union([nonEmpty, z.number().transform(String)])).min(1))
  .nullable()
  .transform((groups) => groups ?? []);
