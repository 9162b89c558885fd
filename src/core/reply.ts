import type { Locale, PassageKind, Platform, TopicId } from "./types.js";

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
  /** X's own legal text (privacy policy, terms): the version that binds, as opposed to a report. */
  authoritative?: boolean;
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

/**
 * How to produce a reply again, e.g. in the other language when the user presses the language
 * button. Small and serializable: the Discord shell packs it into a button's custom id.
 */
export type ReplyRequest =
  | { command: "topic"; topic: TopicId }
  | { command: "source"; topic: TopicId }
  | { command: "optout"; platform?: Platform }
  | { command: "retention"; compare: boolean }
  | { command: "damages"; posts: number; terms: Terms }
  | { command: "help" }
  | { command: "about" };

export type Terms = "us" | "eu";

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
  /** Set when the reply can be regenerated (language button). */
  request?: ReplyRequest;
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
