import type { Core } from "../core/core.js";
import { type AnswerMessageRequest, answerMessage } from "./answer-message.js";
import { decodeReplacePin } from "./buttons.js";
import type { FaqDeps, FaqLogger } from "./deps.js";
import { ft } from "./i18n.js";
import { listFaq } from "./list.js";
import type { FaqDiscordPort } from "./port.js";
import { postFaq } from "./post.js";
import { type ReconcileReport, reconcileFaq } from "./reconcile.js";
import { refreshFaq } from "./refresh.js";
import type { ReloadOutcome } from "./reload.js";
import { reloadFaq } from "./reload-command.js";
import { replacePin } from "./replace-pin.js";
import { type FaqReply, moderatorReply } from "./reply.js";
import type { FaqRequest } from "./request.js";
import { statsFaq } from "./stats.js";
import { unpinFaq } from "./unpin.js";

export const FAQ_SUBCOMMANDS = ["post", "unpin", "list", "refresh", "stats", "reload"] as const;
export type FaqSubcommand = (typeof FAQ_SUBCOMMANDS)[number];

/**
 * Subcommands that call Discord (one request per FAQ message for refresh) and may take
 * longer than the 3 s an interaction allows: acknowledge them first (ephemeral defer), then
 * edit the reply. The context-menu answer posts a message too: defer it the same way.
 */
export const FAQ_DEFERRED_SUBCOMMANDS: ReadonlySet<string> = new Set(["post", "unpin", "refresh"]);

export interface FaqServiceOptions {
  store: FaqDeps["store"];
  /** The knowledge in service; pass `holder.current` so a reload is seen at once. */
  core: () => Core;
  port: FaqDiscordPort;
  /** config.ownerId: the only user who may run /faq reload. */
  ownerId?: string | null;
  now?: () => number;
  /** `holder.reload`; without it /faq reload says the bot cannot reload. */
  reload?: () => ReloadOutcome;
  logger?: FaqLogger;
}

/**
 * The /faq command, the "Answer with policybot" context menu and the FAQ buttons, as plain
 * async functions. Each returns the reply for the person who used it (ephemeral, except the
 * no-answer list of answerMessage which is private too); expected failures (permissions,
 * Discord refusals, bad input) are replies, never throws. Only unexpected errors throw
 * (a StoreError, a network failure), for the shell's error boundary.
 */
export interface FaqService {
  /** Dispatches a /faq subcommand by name. */
  run(subcommand: string, request: FaqRequest): Promise<FaqReply>;
  post(request: FaqRequest): Promise<FaqReply>;
  unpin(request: FaqRequest): Promise<FaqReply>;
  list(request: FaqRequest): FaqReply;
  refresh(request: FaqRequest): Promise<FaqReply>;
  stats(request: FaqRequest): FaqReply;
  reload(request: FaqRequest): FaqReply;
  /** A press on a button whose custom id starts with `faq:`. */
  button(request: FaqRequest, customId: string): Promise<FaqReply>;
  answerMessage(request: AnswerMessageRequest): Promise<FaqReply>;
  /** Makes the records match Discord; every guild when `guildId` is absent (at start). */
  reconcile(guildId?: string): Promise<ReconcileReport>;
}

const SILENT: FaqLogger = { info() {}, warn() {} };

export function createFaqService(options: FaqServiceOptions): FaqService {
  const deps: FaqDeps = {
    store: options.store,
    core: options.core,
    port: options.port,
    ownerId: options.ownerId ?? null,
    now: options.now ?? Date.now,
    reload: options.reload ?? null,
    logger: options.logger ?? SILENT,
  };
  const service: FaqService = {
    async run(subcommand, request) {
      switch (subcommand) {
        case "post":
          return service.post(request);
        case "unpin":
          return service.unpin(request);
        case "list":
          return service.list(request);
        case "refresh":
          return service.refresh(request);
        case "stats":
          return service.stats(request);
        case "reload":
          return service.reload(request);
        default: {
          const name = String(subcommand)
            .replace(/[`\n\r]/g, "")
            .slice(0, 32);
          return moderatorReply(
            request.locale,
            "notice",
            ft(request.locale, "unknownSubcommandTitle"),
            ft(request.locale, "unknownSubcommand", { name }),
          );
        }
      }
    },
    post: (request) => postFaq(deps, request),
    unpin: (request) => unpinFaq(deps, request),
    list: (request) => listFaq(deps, request),
    refresh: (request) => refreshFaq(deps, request),
    stats: (request) => statsFaq(deps, request),
    reload: (request) => reloadFaq(deps, request),
    async button(request, customId) {
      if (decodeReplacePin(customId)) return replacePin(deps, request, customId);
      return moderatorReply(
        request.locale,
        "notice",
        ft(request.locale, "staleButtonTitle"),
        ft(request.locale, "staleButton"),
      );
    },
    answerMessage: (request) => answerMessage(deps, request),
    reconcile: (guildId) => reconcileFaq(deps, guildId),
  };
  return service;
}
