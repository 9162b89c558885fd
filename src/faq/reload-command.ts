import type { ReplyField } from "../core/reply.js";
import type { FaqDeps } from "./deps.js";
import { isOutdated } from "./hash.js";
import { ft } from "./i18n.js";
import { type FaqReply, moderatorReply } from "./reply.js";
import type { FaqRequest } from "./request.js";

/** /faq reload: the bot owner swaps in the knowledge on disk, or learns what is wrong with it. */
export function reloadFaq(deps: FaqDeps, request: FaqRequest): FaqReply {
  const { locale } = request;
  if (!deps.ownerId) {
    return moderatorReply(locale, "notice", ft(locale, "ownerOnlyTitle"), ft(locale, "ownerUnset"));
  }
  if (request.userId !== deps.ownerId) {
    return moderatorReply(locale, "notice", ft(locale, "ownerOnlyTitle"), ft(locale, "ownerOnly"));
  }
  if (!deps.reload) {
    return moderatorReply(
      locale,
      "notice",
      ft(locale, "reloadedTitle"),
      ft(locale, "reloadUnavailable"),
    );
  }
  const outcome = deps.reload();
  if (!outcome.ok) {
    deps.logger.warn(
      { ...outcome.error, version: outcome.version },
      "faq: knowledge reload refused",
    );
    const code = (text: string) => `\`${text.replace(/`/g, "ʼ") || "—"}\``;
    const fields: ReplyField[] = [
      { name: ft(locale, "reloadFile"), value: code(outcome.error.file) },
      {
        name: ft(locale, "reloadField"),
        value:
          [outcome.error.record, outcome.error.field].filter(Boolean).map(code).join(" · ") || "—",
      },
      { name: ft(locale, "reloadProblem"), value: outcome.error.problem || outcome.error.message },
    ];
    return moderatorReply(
      locale,
      "error",
      ft(locale, "reloadFailedTitle"),
      ft(locale, "reloadFailed", { version: outcome.version }),
      fields,
    );
  }
  deps.logger.info(
    {
      version: outcome.version,
      previous: outcome.previousVersion,
      changedTopics: outcome.changedTopics,
    },
    "faq: knowledge reloaded",
  );
  const core = deps.core();
  const lines = [
    ft(locale, "reloaded", { version: outcome.version, previous: outcome.previousVersion }),
  ];
  lines.push(
    outcome.changedTopics.length > 0
      ? ft(locale, "reloadChanged", {
          topics: outcome.changedTopics
            .map((id) => core.knowledge.topics.get(id)?.title[locale] ?? id)
            .join(", "),
        })
      : ft(locale, "reloadUnchanged"),
  );
  if (request.guildId) {
    const outdated = deps.store.faq
      .listByGuild(request.guildId)
      .filter((r) => isOutdated(core, r.topic, r.lang, r.contentHash)).length;
    if (outdated > 0) lines.push(ft(locale, "reloadOutdated", { count: outdated }));
  }
  return moderatorReply(locale, "info", ft(locale, "reloadedTitle"), lines.join("\n"));
}
