import { describe, expect, it } from "vitest";
import { GUILD, harness, request } from "./helpers.js";

const DAY = 86_400_000;

describe("/faq stats", () => {
  it("shows questions per topic, frequent unanswered questions and helpfulness, from the store", () => {
    const { service, store, clock } = harness();
    const at = clock.now - DAY;
    for (let i = 0; i < 3; i++)
      store.questions.record({
        guildId: GUILD,
        text: "how do I opt out?",
        topic: "opt-out",
        locale: "en",
        answered: true,
        at,
      });
    store.questions.record({
      guildId: GUILD,
      text: "combien de temps X garde mes données ?",
      topic: "retention",
      locale: "fr",
      answered: true,
      at,
    });
    for (let i = 0; i < 2; i++)
      store.questions.record({
        guildId: GUILD,
        text: "Is **Bluesky** better? `x`",
        topic: null,
        locale: "en",
        answered: false,
        at,
      });
    store.questions.record({
      guildId: GUILD,
      text: "old question",
      topic: null,
      locale: "en",
      answered: false,
      at: clock.now - 40 * DAY,
    });
    store.feedback.vote({
      guildId: GUILD,
      messageId: "500000000000000001",
      userId: "1",
      vote: "up",
      topic: "opt-out",
      locale: "en",
    });
    store.feedback.vote({
      guildId: GUILD,
      messageId: "500000000000000001",
      userId: "2",
      vote: "down",
      topic: "opt-out",
      locale: "en",
    });
    store.feedback.vote({
      guildId: GUILD,
      messageId: "500000000000000001",
      userId: "3",
      vote: "up",
      topic: "opt-out",
      locale: "en",
    });

    const reply = service.stats(request());
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toBe("FAQ stats, last 30 days");
    const field = (name: string) => reply.fields.find((f) => f.name === name)?.value ?? "";
    expect(field("Questions")).toBe("6 asked · 4 answered · 2 unanswered");
    expect(field("Questions per topic").split("\n")[0]).toMatch(/: \*\*3\*\*$/);
    expect(field("Questions per topic")).toContain("*no topic*: **2**");
    // Someone else's question is shown inert: in code, its backticks replaced.
    expect(field("Most frequent unanswered questions")).toBe(
      "**2×** `is **bluesky** better? ʼxʼ` (en)",
    );
    expect(field("Helpfulness per topic (👍 / 👎)")).toMatch(/: 2 \/ 1 \(67 %\)$/);
    expect(reply.body).toContain("Only this server");
  });

  it("honours days, clamps nonsense, and says when a period is empty, in French too", () => {
    const { service, store, clock } = harness();
    store.questions.record({
      guildId: GUILD,
      text: "vieille question",
      topic: null,
      locale: "fr",
      answered: false,
      at: clock.now - 40 * DAY,
    });
    expect(service.stats(request({ options: { days: 60 } })).fields[0]?.value).toBe(
      "1 asked · 0 answered · 1 unanswered",
    );
    const french = service.stats(request({ locale: "fr", options: { days: 7 } }));
    expect(french.title).toBe("Statistiques FAQ, 7 derniers jours");
    expect(french.fields[1]?.value).toBe("Aucune sur cette période.");
    expect(service.stats(request({ options: { days: 99999 } })).title).toBe(
      "FAQ stats, last 365 days",
    );
    expect(service.stats(request({ options: { days: "x" } })).title).toBe(
      "FAQ stats, last 30 days",
    );
    expect(service.stats(request({ options: { days: -3 } })).title).toBe("FAQ stats, last 1 days");
  });
});

describe("/faq stats privacy", () => {
  it("never shows another server's questions or questions asked in DMs", () => {
    const { service, store } = harness();
    store.questions.record({ text: "asked in a DM", topic: null, locale: "en", answered: false });
    store.questions.record({
      text: "asked in another server",
      topic: null,
      locale: "en",
      answered: false,
      guildId: "999999999999999999",
    });
    const reply = service.stats(request());
    expect(reply.fields[0]?.value).toBe("0 asked · 0 answered · 0 unanswered");
    const text = JSON.stringify(reply);
    expect(text).not.toContain("asked in a DM");
    expect(text).not.toContain("another server");
  });
});
