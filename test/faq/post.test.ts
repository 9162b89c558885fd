import { describe, expect, it } from "vitest";
import { decodeReplacePin, faqButtonRows, faqContentHash } from "../../src/faq/index.js";
import { CHANNEL, GUILD, harness, request } from "./helpers.js";

const post = (options: Record<string, string | boolean> = {}, locale: "en" | "fr" = "en") =>
  request({ locale, options: { topic: "retention", ...options } });

describe("/faq post", () => {
  it("posts the topic's answer publicly with citations and version, pins it, and records it", async () => {
    const { service, port, store, holder } = harness();
    const reply = await service.post(post({ language: "fr" }));

    expect(reply.ephemeral).toBe(true);
    expect(reply.kind).toBe("info");
    expect(reply.title).toBe("FAQ posted");
    const [message] = [...port.messages.values()];
    expect(message?.channelId).toBe(CHANNEL);
    expect(message?.pinned).toBe(true);
    expect(message?.payload.ephemeral).toBe(false);
    expect(message?.payload.locale).toBe("fr");
    expect(message?.payload.citations.length).toBeGreaterThan(0);
    expect(message?.payload.footer).toContain(holder.current().knowledge.version);
    expect(reply.body).toContain(`https://discord.com/channels/${GUILD}/${CHANNEL}/${message?.id}`);
    expect(reply.body).toContain(holder.current().knowledge.version);

    const record = store.faq.get(CHANNEL, "retention", "fr");
    expect(record).toMatchObject({ guildId: GUILD, messageId: message?.id, pinned: true });
    expect(record?.contentHash).toBe(
      `${faqContentHash(holder.current(), "retention", "fr")}@${holder.current().knowledge.version}`,
    );
  });

  it("defaults to the moderator's language and answers them in it", async () => {
    const { service, port } = harness();
    const reply = await service.post(request({ locale: "fr", options: { topic: "grok" } }));
    expect(reply.title).toBe("FAQ publiée");
    expect([...port.messages.values()][0]?.payload.locale).toBe("fr");
  });

  it("posting again edits the same message instead of duplicating it", async () => {
    const { service, port, store } = harness();
    await service.post(post());
    const again = await service.post(post());

    expect(port.messages.size).toBe(1);
    const [message] = [...port.messages.values()];
    expect(message?.edits).toBe(1);
    expect(again.title).toBe("FAQ updated in place");
    expect(again.body).toContain("instead of posting a duplicate");
    expect(store.faq.listByGuild(GUILD)).toHaveLength(1);
    // Another language or channel is another FAQ message.
    await service.post(post({ language: "fr" }));
    await service.post({ ...post(), channelId: "200000000000000009" });
    expect(port.messages.size).toBe(3);
  });

  it("pin: false posts without pinning, and a later repost keeps the pin as it was", async () => {
    const { service, port, store } = harness();
    const reply = await service.post(post({ pin: false }, "en"));
    expect(reply.body).toContain("not pinned");
    expect(port.pinnedIn(CHANNEL)).toHaveLength(0);
    expect(store.faq.get(CHANNEL, "retention", "en")?.pinned).toBe(false);
    // Pin Messages is not needed to post without pinning.
    const noPin = await service.post({
      ...post({ pin: false, topic: "grok" }),
      appPermissions: String((1n << 10n) | (1n << 11n) | (1n << 14n)),
    });
    expect(noPin.kind).toBe("info");
  });

  it("a FAQ message deleted by hand is forgotten and a new one posted", async () => {
    const { service, port, store } = harness();
    await service.post(post());
    const first = store.faq.get(CHANNEL, "retention", "en")?.messageId as string;
    port.deleteByHand(first);

    const reply = await service.post(post());
    const second = store.faq.get(CHANNEL, "retention", "en");
    expect(second?.messageId).not.toBe(first);
    expect(second?.pinned).toBe(true);
    expect(port.messages.has(second?.messageId as string)).toBe(true);
    expect(reply.title).toBe("FAQ posted");
    expect(reply.body).toContain("deleted by hand");
  });

  it("refuses an unknown topic without touching Discord", async () => {
    const { service, port } = harness();
    const reply = await service.post(request({ options: { topic: "`nope`\n@everyone" } }));
    expect(reply.kind).toBe("notice");
    expect(reply.body).toContain("is not a FAQ topic");
    expect(reply.body).not.toContain("\n@everyone");
    expect(port.calls).toHaveLength(0);
    const wrongType = await service.post(request({ options: { topic: 42 } }));
    expect(wrongType.title).toBe("Unknown topic");
  });
});

describe("permissions are checked at run time too", () => {
  const views = 1n << 10n;
  const send = 1n << 11n;
  const embed = 1n << 14n;
  const pin = 1n << 51n;

  it("a member without Pin Messages or Manage Messages is refused, in their language", async () => {
    const { service, port } = harness();
    for (const locale of ["en", "fr"] as const) {
      const reply = await service.post({
        ...post({}, locale),
        memberPermissions: String(views | send),
      });
      expect(reply.ephemeral).toBe(true);
      expect(reply.body).toContain(
        locale === "en"
          ? "**Pin Messages** or **Manage Messages**"
          : "**Épingler des messages** ou **Gérer les messages**",
      );
    }
    for (const run of [service.unpin, service.list, service.refresh, service.stats] as const) {
      const reply = await run(request({ memberPermissions: "0", options: { topic: "grok" } }));
      expect(reply.title).toBe("Missing permissions");
    }
    expect(port.calls).toHaveLength(0);
  });

  it("Manage Messages or Administrator is enough for the member", async () => {
    const { service } = harness();
    expect((await service.post({ ...post(), memberPermissions: String(1n << 13n) })).kind).toBe(
      "info",
    );
    expect(
      (await service.post({ ...post({ topic: "grok" }), memberPermissions: String(1n << 3n) }))
        .kind,
    ).toBe("info");
  });

  it("names exactly the permissions the bot lacks in this channel", async () => {
    const { service, port } = harness();
    const cases: [bigint, string, string][] = [
      [send | embed | pin, "**View Channel**", "**Voir le salon**"],
      [views | embed | pin, "**Send Messages**", "**Envoyer des messages**"],
      [views | send | pin, "**Embed Links**", "**Intégrer des liens**"],
      [views | send | embed, "**Pin Messages**", "**Épingler des messages**"],
      [
        views | send,
        "**Embed Links** and **Pin Messages**",
        "**Intégrer des liens** et **Épingler des messages**",
      ],
    ];
    for (const [granted, en, fr] of cases) {
      const english = await service.post({ ...post(), appPermissions: String(granted) });
      expect(english.body).toContain(`I am missing ${en}.`);
      const french = await service.post({ ...post({}, "fr"), appPermissions: String(granted) });
      expect(french.body).toContain(`il me manque ${fr}.`);
    }
    // Garbage permissions fail closed.
    const garbage = await service.post({ ...post(), appPermissions: "-1" });
    expect(garbage.body).toContain(
      "**View Channel**, **Send Messages**, **Embed Links** and **Pin Messages**",
    );
    expect(port.calls).toHaveLength(0);
  });

  it("refuses outside a server", async () => {
    const { service } = harness();
    const reply = await service.post({ ...post(), guildId: null });
    expect(reply.body).toContain("only works in a server");
  });
});

describe("Discord's refusals get clear messages and nothing is half-done silently", () => {
  it("missing access or permissions when posting: nothing posted, nothing recorded", async () => {
    for (const [code, words] of [
      [50001, "Missing Access"],
      [50013, "Missing Permissions"],
    ] as const) {
      const { service, port, store } = harness();
      port.failNext("postMessage", code);
      const reply = await service.post(post());
      expect(reply.kind).toBe("error");
      expect(reply.title).toBe("Nothing was posted");
      expect(reply.body).toContain(words);
      expect(reply.body).toContain(String(code));
      expect(port.messages.size).toBe(0);
      expect(store.faq.listByGuild(GUILD)).toHaveLength(0);
    }
  });

  it("an edit refused for permissions leaves the message and record as they were", async () => {
    const { service, port, store } = harness();
    await service.post(post());
    const before = store.faq.get(CHANNEL, "retention", "en");
    port.failNext("editMessage", 50013);
    const reply = await service.post(post());
    expect(reply.title).toBe("Nothing was changed");
    expect(store.faq.get(CHANNEL, "retention", "en")).toEqual(before);
    expect(port.messages.size).toBe(1);
  });

  it("posted but the pin refused: says so in the title, records it as not pinned", async () => {
    const { service, port, store } = harness();
    port.failNext("pin", 50013);
    const reply = await service.post(post({}, "fr"));
    expect(reply.title).toBe("Publié, mais PAS épinglé");
    expect(reply.body).toContain("Missing Permissions");
    expect(reply.body).toContain("relancez `/faq post`");
    const record = store.faq.get(CHANNEL, "retention", "fr");
    expect(record?.pinned).toBe(false);
    expect(port.messages.get(record?.messageId as string)?.pinned).toBe(false);
    // Running it again once fixed edits the same message and pins it.
    await service.post(post({}, "fr"));
    expect(port.messages.size).toBe(1);
    expect(store.faq.get(CHANNEL, "retention", "fr")?.pinned).toBe(true);
  });

  it("pin limit with no FAQ pin to replace: explains, offers no button", async () => {
    const { service, port } = harness();
    port.pinOthers(CHANNEL, 50);
    const reply = await service.post(post());
    expect(reply.title).toBe("Posted, but NOT pinned");
    expect(reply.body).toContain("30003");
    expect(reply.body).toContain("unpin one by hand");
    expect(reply.faqButtons ?? []).toHaveLength(0);
  });

  it("pin limit: the button replaces the oldest FAQ pin of the channel", async () => {
    const { service, port, store, clock } = harness();
    await service.post(post({ topic: "grok" }));
    clock.now += 60_000;
    await service.post(post({ topic: "opt-out" }));
    port.pinOthers(CHANNEL, 48);
    clock.now += 60_000;

    const reply = await service.post(post({ topic: "retention" }));
    expect(reply.title).toBe("Posted, but NOT pinned");
    const oldest = store.faq.get(CHANNEL, "grok", "en")?.messageId as string;
    const fresh = store.faq.get(CHANNEL, "retention", "en")?.messageId as string;
    expect(reply.body).toContain(oldest);
    const [button] = reply.faqButtons ?? [];
    expect(decodeReplacePin(button?.customId)).toEqual({
      newMessageId: fresh,
      oldMessageId: oldest,
    });
    const rows = faqButtonRows(reply);
    expect(rows[0]?.components[0]).toMatchObject({
      type: 2,
      style: 4,
      custom_id: button?.customId,
    });

    const done = await service.button(request(), button?.customId as string);
    expect(done.title).toBe("Pin replaced");
    expect(port.messages.get(oldest)?.pinned).toBe(false);
    expect(port.messages.get(fresh)?.pinned).toBe(true);
    expect(store.faq.getByMessageId(oldest)?.pinned).toBe(false);
    expect(store.faq.getByMessageId(fresh)?.pinned).toBe(true);

    // Pressed again: the state changed, the button is stale and nothing moves.
    const again = await service.button(request(), button?.customId as string);
    expect(again.title).toBe("Out of date");
    expect(port.pinnedIn(CHANNEL)).toHaveLength(50);
  });

  it("a swap whose new pin is refused puts the old pin back", async () => {
    const { service, port, store } = harness();
    await service.post(post({ topic: "grok" }));
    port.pinOthers(CHANNEL, 49);
    const reply = await service.post(post({ topic: "retention" }));
    const customId = reply.faqButtons?.[0]?.customId as string;
    const fresh = store.faq.get(CHANNEL, "retention", "en")?.messageId as string;
    port.failNext("pin", 50013, fresh);
    const result = await service.button(request(), customId);
    expect(result.kind).toBe("error");
    expect(result.body).toContain("pinned");
    expect(store.faq.get(CHANNEL, "grok", "en")?.pinned).toBe(true);
    expect(
      port.messages.get(store.faq.get(CHANNEL, "grok", "en")?.messageId as string)?.pinned,
    ).toBe(true);
  });

  it("button presses are checked: permissions, forged ids, other channels", async () => {
    const { service, port } = harness();
    const forged = await service.button(request(), "faq:rp:1:1");
    expect(forged.title).toBe("Out of date");
    const unknown = await service.button(request(), "faq:zz");
    expect(unknown.title).toBe("Out of date");
    const member = await service.button(request({ memberPermissions: "0" }), "faq:rp:12:34");
    expect(member.title).toBe("Missing permissions");
    expect(port.calls).toHaveLength(0);
  });
});

describe("a failure to record the post takes the new message back", () => {
  it("deletes the message it just posted and rethrows the store error", async () => {
    const { store, port, holder } = harness();
    const { createFaqService } = await import("../../src/faq/index.js");
    const { StoreError } = await import("../../src/store/index.js");
    const failing = {
      ...store,
      stats: store.stats,
      questions: store.questions,
      faq: {
        get: (...args: Parameters<typeof store.faq.get>) => store.faq.get(...args),
        upsert: () => {
          throw new StoreError("busy", "database is locked");
        },
      },
    } as unknown as typeof store;
    const service = createFaqService({ store: failing, core: holder.current, port });
    await expect(service.post(post())).rejects.toThrow("database is locked");
    expect(port.messages.size).toBe(0);
    expect(port.calls.map((c) => c.method)).toEqual(["postMessage", "deleteMessage"]);
  });
});
