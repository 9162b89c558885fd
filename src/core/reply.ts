import type { Locale, PassageKind, TopicId } from "./types.js";

/**
 * What the bot says, independent of where it is shown. The Discord shell
 * renders it to embeds and components, the CLI to a terminal.
 */
export interface Citation {
  /** Source title, e.g. "X Privacy Policy". */
  source: string;
  /** Effective date of the cited version, YYYY-MM-DD. */
  version: string;
  section: string;
  url: string;
  kind: PassageKind;
  /** The cited text: verbatim for a quote. */
  text?: string;
  /** Our translation of a quote, for readers of the other language. */
  translation?: string;
}

export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

export type ReplyButtonAction =
  | { type: "switch-locale"; to: Locale }
  | { type: "topic"; topic: TopicId }
  | { type: "source"; topic: TopicId }
  | { type: "feedback"; vote: "up" | "down" }
  | { type: "link"; url: string };

export interface ReplyButton {
  label: string;
  action: ReplyButtonAction;
}

export type ReplyKind = "answer" | "no-answer" | "info" | "error" | "notice";

export interface Reply {
  kind: ReplyKind;
  locale: Locale;
  title: string;
  /** Main text (Markdown). Rendered as embed description: at most 4,096 chars. */
  body: string;
  fields: ReplyField[];
  citations: Citation[];
  footer: string;
  related: TopicId[];
  buttons: ReplyButton[];
  /** Only the asker sees it (Discord ephemeral). */
  ephemeral: boolean;
  topic: TopicId | null;
}

/** Discord's hard limits, in one place. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embedTotal: 6000,
  autocompleteChoices: 25,
  choiceName: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
} as const;
