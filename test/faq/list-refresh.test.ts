import { describe, expect, it } from "vitest";
import type { Core } from "../../src/core/core.js";
import {
  CHANNEL,
  coreWithRetentionChanged,
  GUILD,
  harness,
  OTHER_CHANNEL,
  request,
  shippedCore,
} from "./helpers.js";

/** A service whose knowledge can be swapped to `next` by a reload. */
function swappable() {
  let next: Core = shippedCore();
  const h = harness({ load: () => next });
  return {
    ...h,
    swapTo(core: Core) {
      next = core;
      const outcome = h.holder.reload();
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome;
    },
  };
}

async function postAll(h: ReturnType<typeof swappable>) {
  await h.service.post(request({ options: { topic: "retention", language: "en" } }));
  await h.service.post(request({ options: { topic: "retention", language: "fr" } }));
  await h.service.post(
    request({ channelId: OTHER_CHANNEL, options: { topic: "grok", language: "en" } }),
  );
}

describe("/faq list", () => {
  it("lists this server's FAQ messages with channel, topic, language, version and jump link", async () => {
    const h = swappable();
    await postAll(h);
    await h.service.post(
      request({
        guildId: "100000000000000777",
        channelId: "200000000000000777",
        options: { topic: "grok" },
      }),
    );
    const reply = h.service.list(request());
    const version = shippedCore().knowledge.version;
    expect(reply.ephemeral).toBe(true);
    expect(reply.body).toContain(`All 3 are up to date with knowledge version \`${version}\``);
    const lines = reply.body.split("\n").filter((l) => l.startsWith("• "));
    expect(lines).toHaveLength(3);
    for (const record of h.store.faq.listByGuild(GUILD)) {
      const line = lines.find((l) => l.includes(record.messageId));
      expect(line).toContain(`<#${record.channelId}>`);
      expect(line).toContain(
        `https://discord.com/channels/${GUILD}/${record.channelId}/${record.messageId}`,
      );
      expect(line).toContain(`version \`${version}\``);
      expect(line).not.toContain("outdated");
    }
    expect(reply.body).toContain("French");
    expect(reply.body).not.toContain("200000000000000777");
  });

  it("is empty with a hint, and shows unpinned messages", async () => {
    const h = swappable();
    expect(h.service.list(request()).body).toContain("No FAQ messages yet");
    await h.service.post(request({ options: { topic: "grok", pin: false } }));
    expect(h.service.list(request()).body).toContain("not pinned");
  });

  it("after a knowledge change marks only the messages whose answer changed", async () => {
    const h = swappable();
    await postAll(h);
    const { core } = coreWithRetentionChanged();
    const outcome = h.swapTo(core);
    expect(outcome.changedTopics).toEqual(["retention"]);
    expect(outcome.version).not.toBe(outcome.previousVersion);

    const reply = h.service.list(request());
    expect(reply.body).toContain(
      `**1 of 3** are behind the current knowledge (\`${core.knowledge.version}\`)`,
    );
    const outdated = reply.body.split("\n").filter((l) => l.includes("outdated"));
    expect(outdated).toHaveLength(1);
    expect(outdated[0]).toContain("English");
    const french = h.service.list(request({ locale: "fr" }));
    expect(french.body).toContain("**1 sur 3**");
    expect(french.body).toContain("⚠️ périmé");
  });
});

describe("/faq refresh", () => {
  it("edits every outdated FAQ message in place and says what it changed", async () => {
    const h = swappable();
    await postAll(h);
    const before = h.store.faq.get(CHANNEL, "retention", "en");
    const { core } = coreWithRetentionChanged();
    h.swapTo(core);

    const reply = await h.service.refresh(request());
    expect(reply.title).toBe("FAQ refresh");
    const updated = reply.fields.find((f) => f.name.startsWith("Updated in place"));
    expect(updated?.name).toBe("Updated in place (1)");
    expect(updated?.value).toContain(
      `\`${shippedCore().knowledge.version}\` → \`${core.knowledge.version}\``,
    );
    expect(reply.body).toContain("2 already up to date");

    const message = h.port.messages.get(before?.messageId as string);
    expect(message?.edits).toBe(1);
    expect(message?.payload.body).toContain("as first published");
    expect(message?.payload.footer).toContain(core.knowledge.version);
    expect(h.port.messages.size).toBe(3);
    const after = h.store.faq.get(CHANNEL, "retention", "en");
    expect(after?.messageId).toBe(before?.messageId);
    expect(after?.pinned).toBe(true);
    expect(h.service.list(request()).body).toContain("All 3 are up to date");

    // Nothing left to do the second time.
    const again = await h.service.refresh(request());
    expect(again.body).toContain("Nothing to update.");
    expect(h.port.messages.get(before?.messageId as string)?.edits).toBe(1);
  });

  it("reconciles first: deleted by hand is forgotten, unpinned by hand is recorded", async () => {
    const h = swappable();
    await postAll(h);
    const deleted = h.store.faq.get(CHANNEL, "retention", "fr")?.messageId as string;
    const unpinned = h.store.faq.get(OTHER_CHANNEL, "grok", "en")?.messageId as string;
    h.port.deleteByHand(deleted);
    (h.port.messages.get(unpinned) as { pinned: boolean }).pinned = false;

    const reply = await h.service.refresh(request());
    expect(reply.fields.find((f) => f.name.startsWith("Deleted by hand"))?.name).toBe(
      "Deleted by hand (forgotten) (1)",
    );
    expect(reply.fields.find((f) => f.name.startsWith("No longer pinned"))?.value).toContain(
      `<#${OTHER_CHANNEL}>`,
    );
    expect(h.store.faq.getByMessageId(deleted)).toBeUndefined();
    expect(h.store.faq.getByMessageId(unpinned)?.pinned).toBe(false);
  });

  it("a refused edit is reported and the record keeps its old version", async () => {
    const h = swappable();
    await postAll(h);
    const target = h.store.faq.get(CHANNEL, "retention", "en");
    h.swapTo(coreWithRetentionChanged().core);
    h.port.failNext("editMessage", 50001, target?.messageId);
    const reply = await h.service.refresh(request({ locale: "fr" }));
    expect(reply.kind).toBe("notice");
    const failed = reply.fields.find((f) => f.name.startsWith("Pas pu mettre à jour"));
    expect(failed?.value).toContain("Missing Access");
    expect(h.store.faq.get(CHANNEL, "retention", "en")?.contentHash).toBe(target?.contentHash);
  });

  it("says so when the server has no FAQ message", async () => {
    const h = swappable();
    expect((await h.service.refresh(request())).body).toBe(
      "There are no FAQ messages in this server.",
    );
  });
});

describe("reconcile at start", () => {
  it("checks every guild's records against Discord", async () => {
    const h = swappable();
    await postAll(h);
    await h.service.post(
      request({
        guildId: "100000000000000777",
        channelId: "200000000000000777",
        options: { topic: "grok" },
      }),
    );
    const gone = h.store.faq.get("200000000000000777", "grok", "en")?.messageId as string;
    h.port.deleteByHand(gone);
    const unreachable = h.store.faq.get(OTHER_CHANNEL, "grok", "en")?.messageId as string;
    h.port.failNext("fetchMessage", 50001, unreachable);

    const report = await h.service.reconcile();
    expect(report.checked).toBe(4);
    expect(report.dropped.map((r) => r.messageId)).toEqual([gone]);
    expect(report.unreachable.map((u) => [u.record.messageId, u.refusal.code])).toEqual([
      [unreachable, 50001],
    ]);
    // Unreachable is not gone: the record stays.
    expect(h.store.faq.getByMessageId(unreachable)).toBeDefined();
    expect(report.present).toHaveLength(2);
  });
});

describe("/faq unpin", () => {
  it("unpins the message, keeps it and its record, and /faq post pins it again", async () => {
    const h = swappable();
    await postAll(h);
    const record = h.store.faq.get(CHANNEL, "retention", "fr");
    const reply = await h.service.unpin(
      request({ options: { topic: "retention", language: "fr" } }),
    );
    expect(reply.title).toBe("FAQ unpinned");
    expect(reply.body).toContain(record?.messageId);
    expect(h.port.messages.get(record?.messageId as string)?.pinned).toBe(false);
    expect(h.store.faq.getByMessageId(record?.messageId as string)?.pinned).toBe(false);
    expect(
      h.port.messages.get(h.store.faq.get(CHANNEL, "retention", "en")?.messageId as string)?.pinned,
    ).toBe(true);

    await h.service.post(request({ options: { topic: "retention", language: "fr" } }));
    expect(h.port.messages.get(record?.messageId as string)?.pinned).toBe(true);
  });

  it("says when there is nothing to unpin here, and forgets a message deleted by hand", async () => {
    const h = swappable();
    const none = await h.service.unpin(request({ locale: "fr", options: { topic: "grok" } }));
    expect(none.title).toBe("Pas de message FAQ ici");
    await postAll(h);
    const id = h.store.faq.get(CHANNEL, "retention", "en")?.messageId as string;
    h.port.deleteByHand(id);
    const gone = await h.service.unpin(
      request({ options: { topic: "retention", language: "en" } }),
    );
    expect(gone.title).toBe("FAQ message deleted");
    expect(h.store.faq.getByMessageId(id)).toBeUndefined();
  });

  it("explains a refused unpin and needs only View Channel and Pin Messages from the bot", async () => {
    const h = swappable();
    await postAll(h);
    h.port.failNext("unpin", 50013);
    const refused = await h.service.unpin(
      request({ options: { topic: "retention", language: "en" } }),
    );
    expect(refused.body).toContain("Missing Permissions");
    expect(h.store.faq.get(CHANNEL, "retention", "en")?.pinned).toBe(true);
    const noPin = await h.service.unpin(
      request({
        appPermissions: String(1n << 10n),
        options: { topic: "retention", language: "en" },
      }),
    );
    expect(noPin.body).toContain("I am missing **Pin Messages**.");
  });
});
