import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { coreFrom } from "../../src/core/core.js";
import { createKnowledgeHolder, watchKnowledge } from "../../src/faq/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { copyKnowledge, edit, harness, OWNER, request, shippedCore } from "./helpers.js";

describe("knowledge holder", () => {
  it("keeps the old core in service when the new knowledge is invalid, and says where", () => {
    const dir = copyKnowledge();
    const initial = coreFrom(loadKnowledge(dir));
    const holder = createKnowledgeHolder(initial, () => coreFrom(loadKnowledge(dir)));
    edit(dir, "excerpts/pp-2024-download.md", "topics: [account-data]", "topics: [optout]");

    const outcome = holder.reload();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.file).toBe("knowledge/excerpts/pp-2024-download.md");
    expect(outcome.error.field).toBe("topics");
    expect(outcome.error.record).toBe("pp-2024-download");
    expect(outcome.version).toBe(initial.knowledge.version);
    expect(holder.current()).toBe(initial);
  });

  it("swaps in valid knowledge and names the topics whose answer changed", () => {
    const dir = copyKnowledge();
    const initial = coreFrom(loadKnowledge(dir));
    const holder = createKnowledgeHolder(initial, () => coreFrom(loadKnowledge(dir)));
    const same = holder.reload();
    expect(same).toMatchObject({ ok: true, changedTopics: [] });

    edit(dir, "answers/grok.fr.md", /^title: .*$/m, 'title: "Grok et la DPC"');
    const changed = holder.reload();
    expect(changed).toMatchObject({ ok: true, changedTopics: ["grok"] });
    expect(holder.current()).not.toBe(initial);
    expect(holder.current().knowledge.topics.size).toBe(initial.knowledge.topics.size);
  });

  it("turns a non-knowledge failure into an error too", () => {
    const holder = createKnowledgeHolder(shippedCore(), () => {
      throw new Error("EACCES: permission denied");
    });
    const outcome = holder.reload();
    expect(outcome).toMatchObject({
      ok: false,
      error: { file: "", problem: "EACCES: permission denied" },
    });
  });
});

describe("/faq reload", () => {
  it("is for the bot owner only, and disabled without OWNER_ID", () => {
    expect(harness().service.reload(request()).body).toBe(
      "Only the bot's owner can reload the knowledge.",
    );
    expect(harness({ ownerId: null }).service.reload(request({ userId: OWNER })).body).toContain(
      "`OWNER_ID` is not set",
    );
  });

  it("reports a broken file with file and field, still serving the old version", () => {
    const dir = copyKnowledge();
    const initial = coreFrom(loadKnowledge(dir));
    const h = harness({ core: initial, load: () => coreFrom(loadKnowledge(dir)) });
    edit(dir, "answers/grok.en.md", "topic: grok", "topic: [grok");
    const reply = h.service.reload(request({ userId: OWNER, locale: "fr" }));
    expect(reply.kind).toBe("error");
    expect(reply.title).toBe("Connaissances NON rechargées");
    expect(reply.body).toContain(`\`${initial.knowledge.version}\``);
    expect(reply.fields.find((f) => f.name === "Fichier")?.value).toBe(
      "`knowledge/answers/grok.en.md`",
    );
    expect(reply.fields.find((f) => f.name === "Champ")?.value).toContain("front matter");
    expect(h.holder.current()).toBe(initial);
  });

  it("after a successful swap, says which FAQ messages of the server are now outdated", async () => {
    const dir = copyKnowledge();
    const initial = coreFrom(loadKnowledge(dir));
    const h = harness({ core: initial, load: () => coreFrom(loadKnowledge(dir)) });
    await h.service.post(request({ options: { topic: "retention", language: "en" } }));
    await h.service.post(request({ options: { topic: "grok", language: "en" } }));
    edit(
      dir,
      "answers/retention.en.md",
      "**2023 (section 4).**",
      "**2023 (section 4, first version).**",
    );

    const reply = h.service.reload(request({ userId: OWNER }));
    expect(reply.title).toBe("Knowledge reloaded");
    expect(reply.body).toContain(`(was \`${initial.knowledge.version}\`)`);
    expect(reply.body).toMatch(/Answers that changed: [^\n]+\./);
    expect(reply.body).toContain("1 FAQ message(s) in this server are now outdated");
    expect(h.service.list(request()).body).toContain("**1 of 2**");
  });
});

describe("watchKnowledge", () => {
  it("calls back once per burst of changes, under sub-folders too, and stops when closed", async () => {
    const dir = copyKnowledge();
    let calls = 0;
    const close = watchKnowledge(dir, () => calls++, { debounceMs: 150 });
    try {
      await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 5; i++)
        writeFileSync(path.join(dir, "answers", "grok.en.md"), `x${i}`, { flag: "a" });
      await waitFor(() => calls === 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(calls).toBe(1);
      writeFileSync(path.join(dir, "topics.yaml"), "\n", { flag: "a" });
      await waitFor(() => calls === 2);
    } finally {
      close();
    }
    writeFileSync(path.join(dir, "topics.yaml"), "\n", { flag: "a" });
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
