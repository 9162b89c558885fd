import { describe, expect, it } from "vitest";
import { decodeRequest } from "../../src/answer/index.js";
import { DISCORD_LIMITS, type Reply } from "../../src/core/reply.js";
import { decodeFeedback } from "../../src/discord/feedback-ids.js";
import { renderReply, truncate } from "../../src/discord/render.js";

function reply(over: Partial<Reply> = {}): Reply {
  return {
    kind: "answer",
    locale: "en",
    title: "Title",
    body: "Body",
    fields: [],
    citations: [],
    footer: "footer",
    related: [],
    buttons: [],
    ephemeral: false,
    topic: "opt-out",
    ...over,
  };
}

function embedTotal(payload: ReturnType<typeof renderReply>): number {
  const e = payload.embeds[0];
  if (!e) return 0;
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function expectWithinLimits(payload: ReturnType<typeof renderReply>): void {
  expect(payload.embeds.length).toBeLessThanOrEqual(10);
  for (const e of payload.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(e.title || e.description || e.fields?.length).toBeTruthy();
  }
  expect(embedTotal(payload)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  expect(payload.components.length).toBeLessThanOrEqual(5);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      if ("label" in b && b.label) expect(b.label.length).toBeLessThanOrEqual(80);
      if ("custom_id" in b) expect(b.custom_id.length).toBeLessThanOrEqual(100);
    }
  }
  expect(payload.allowedMentions.parse).toEqual([]);
  // Lone surrogates are invalid UTF-8: Discord would reject the payload.
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") strings.push(v);
    else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(payload);
  expect(strings.filter((x) => lone.test(x)).length, "strings with a lone surrogate").toBe(0);
}

describe("renderReply", () => {
  it("keeps a normal reply as it is, with no mentions allowed", () => {
    const p = renderReply(reply({ body: "Hello **world**" }));
    expect(p.embeds[0]?.description).toBe("Hello **world**");
    expect(p.embeds[0]?.title).toBe("Title");
    expect(p.allowedMentions).toEqual({ parse: [] });
    expect(p.flags).toBeUndefined();
  });

  it("marks ephemeral replies with the ephemeral flag", () => {
    expect(renderReply(reply({ ephemeral: true })).flags).toBe(64);
  });

  it("never exceeds a limit, whatever the sizes", () => {
    const huge = "x".repeat(50_000);
    const emoji = "😀".repeat(20_000);
    const cases: Partial<Reply>[] = [
      { title: huge, body: huge, footer: huge },
      { title: emoji, body: emoji, footer: emoji },
      {
        body: huge,
        fields: Array.from({ length: 40 }, (_, i) => ({ name: `${i}${huge}`, value: huge })),
        citations: Array.from({ length: 30 }, () => ({
          source: huge,
          version: "2024-11-15",
          section: huge,
          url: "https://x.com/en/privacy",
          kind: "quote" as const,
          text: emoji,
          translation: huge,
        })),
      },
      { title: "", body: "", footer: "", fields: [{ name: "", value: "" }] },
      { body: `\`\`\`\n${"code ".repeat(3000)}` },
      {
        buttons: Array.from({ length: 40 }, (_, i) => ({
          label: huge,
          action: { type: "link" as const, url: `https://example.com/${i}` },
        })),
      },
    ];
    for (const c of cases) expectWithinLimits(renderReply(reply(c)));
  });

  it("closes a code block it cuts open", () => {
    const cut = truncate(`\`\`\`\n${"line\n".repeat(2000)}\`\`\``, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it("adds a language button that regenerates the reply in the other language", () => {
    const p = renderReply(reply({ request: { command: "topic", topic: "grok" } }));
    const first = p.components[0]?.components[0];
    expect(first && "custom_id" in first).toBe(true);
    const id = first && "custom_id" in first ? first.custom_id : "";
    expect(decodeRequest(id)).toEqual({
      request: { command: "topic", topic: "grok" },
      locale: "fr",
    });
  });

  it("renders topic and source buttons with decodable ids and link buttons as links", () => {
    const p = renderReply(
      reply({
        buttons: [
          { label: "Sources", action: { type: "source", topic: "retention" } },
          { label: "Grok", action: { type: "topic", topic: "grok" } },
          { label: "Read", action: { type: "link", url: "https://techcrunch.com/" } },
          { label: "Bad", action: { type: "link", url: "javascript:alert(1)" } },
        ],
      }),
    );
    // The last row is the feedback row every answer carries.
    const buttons = p.components.slice(0, -1).flatMap((r) => r.components);
    expect(buttons).toHaveLength(3);
    const ids = buttons.flatMap((b) => ("custom_id" in b ? [b.custom_id] : []));
    expect(ids.map((id) => decodeRequest(id)?.request)).toEqual([
      { command: "source", topic: "retention" },
      { command: "topic", topic: "grok" },
    ]);
    expect(buttons.some((b) => "url" in b && b.url === "https://techcrunch.com/")).toBe(true);
  });

  it("puts 👍 / 👎 on every answer, with the topic and language in their ids", () => {
    const p = renderReply(reply({ locale: "fr", topic: "scraping-damages" }));
    const last = p.components.at(-1)?.components ?? [];
    expect(last.map((b) => ("custom_id" in b ? b.custom_id : ""))).toEqual([
      "fb:up:scraping-damages:fr",
      "fb:down:scraping-damages:fr",
    ]);
    expect(last.map((b) => ("emoji" in b ? b.emoji?.name : undefined))).toEqual(["👍", "👎"]);
    for (const b of last) expect("custom_id" in b && decodeFeedback(b.custom_id)).toBeTruthy();
    // Replies that are not answers have none.
    for (const kind of ["no-answer", "info", "error", "notice"] as const) {
      const ids = renderReply(reply({ kind }))
        .components.flatMap((r) => r.components)
        .flatMap((b) => ("custom_id" in b ? [b.custom_id] : []));
      expect(ids.filter((id) => id.startsWith("fb:"))).toEqual([]);
    }
  });

  it("keeps a row free for feedback however many buttons a reply asks for", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      label: `L${i}`,
      action: { type: "link" as const, url: `https://example.com/${i}` },
    }));
    const p = renderReply(reply({ buttons: many, request: { command: "topic", topic: "grok" } }));
    expect(p.components.length).toBeLessThanOrEqual(5);
    expect(
      p.components.at(-1)?.components.map((b) => ("emoji" in b ? b.emoji?.name : undefined)),
    ).toEqual(["👍", "👎"]);
  });

  it("decodes only the feedback ids it makes", () => {
    expect(decodeFeedback("fb:down:-:en")).toEqual({ vote: "down", topic: null, locale: "en" });
    for (const bad of ["fb:meh:grok:en", "fb:up:nope:en", "fb:up:grok:de", "fb:up:grok", "x"]) {
      expect(decodeFeedback(bad)).toBeNull();
    }
  });

  it("shows echoed user text escaped and inert", () => {
    const question = "**bold** `code` @everyone <@123456789012345678> ||spoiler||";
    const p = renderReply(reply({ body: `You asked: ${question}` }), { userText: [question] });
    const body = p.embeds[0]?.description ?? "";
    expect(body).not.toContain("**bold**");
    expect(body).not.toContain("@everyone");
    expect(body).not.toContain("<@123456789012345678>");
    expect(body).not.toContain("||spoiler||");
  });

  it("keeps a backtick in user text from closing an inline code span", () => {
    const input = "12`34 **x**";
    const p = renderReply(reply({ body: `\`${input}\` is not a number` }), { userText: [input] });
    const body = p.embeds[0]?.description ?? "";
    expect((body.match(/`/g) ?? []).length).toBe(2);
  });

  it("neutralizes mass mentions anywhere in the reply", () => {
    const p = renderReply(reply({ body: "hi @everyone and @here" }));
    expect(p.embeds[0]?.description).not.toMatch(/@(everyone|here)/);
  });
});
