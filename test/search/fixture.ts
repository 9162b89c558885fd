import {
  type Knowledge,
  type Passage,
  TOPIC_IDS,
  type Topic,
  type TopicId,
} from "../../src/core/types.js";

/** A small hand-written knowledge base: enough to test search without the shipped one. */
export function fixtureKnowledge(extraPassages: Passage[] = []): Knowledge {
  const topics = new Map<TopicId, Topic>();
  const labels: Record<TopicId, [string, string, string[], string[]]> = {
    "opt-out": [
      "Refuser l'entraînement de l'IA",
      "Opting out of AI training",
      ["paramètre", "décocher", "confidentialité et sécurité"],
      ["setting", "checkbox", "privacy and safety"],
    ],
    "third-party-ai": [
      "Des tiers entraînent leur IA sur vos publications",
      "Third parties training AI on your posts",
      ["collaborateurs tiers", "nouvelle politique"],
      ["third-party collaborators", "new policy"],
    ],
    grok: [
      "Grok et le régulateur irlandais",
      "Grok and the Irish regulator",
      ["enquête", "DPC"],
      ["inquiry", "DPC"],
    ],
    retention: [
      "Durée de conservation",
      "How long X keeps your data",
      ["conservation", "18 mois"],
      ["retention", "18 months"],
    ],
    "scraping-damages": [
      "Dommages et intérêts pour le scraping",
      "Scraping damages",
      ["aspiration", "1 000 000 publications"],
      ["liquidated damages", "crawling"],
    ],
    "account-data": [
      "Votre compte et vos données",
      "Your account and your data",
      ["archive", "désactivation"],
      ["download archive", "deactivate"],
    ],
    context: [
      "Pourquoi X change sa politique",
      "Why X is changing its policy",
      ["annonceurs", "revenus"],
      ["advertisers", "revenue"],
    ],
  };
  for (const id of TOPIC_IDS) {
    const [fr, en, kfr, ken] = labels[id];
    topics.set(id, {
      id,
      title: { fr, en },
      keywords: { fr: kfr, en: ken },
      suggested: { fr: [], en: [] },
    });
  }
  const passage = (id: string, topic: TopicId, lang: "fr" | "en", text: string): Passage => ({
    id,
    topics: [topic],
    sourceId: "fixture",
    section: "",
    lang,
    kind: "summary",
    text,
    file: `summaries/${id}.md`,
  });
  const passages: Passage[] = [
    passage(
      "optout-en",
      "opt-out",
      "en",
      "To opt out, open Settings and privacy, then Privacy and safety, then Grok, and uncheck the box that allows your posts to be used for training.",
    ),
    passage(
      "optout-fr",
      "opt-out",
      "fr",
      "Pour refuser, ouvrez Paramètres et confidentialité, puis Confidentialité et sécurité, puis Grok, et décochez la case.",
    ),
    passage(
      "tp-en",
      "third-party-ai",
      "en",
      "Third-party collaborators may use your information to train their artificial intelligence models.",
    ),
    passage(
      "grok-en",
      "grok",
      "en",
      "The Irish Data Protection Commission opened an inquiry into the training of Grok on EU users' posts.",
    ),
    passage(
      "ret-en",
      "retention",
      "en",
      "We keep profile information for the life of your account and other personal data for at most 18 months.",
    ),
    passage(
      "scr-en",
      "scraping-damages",
      "en",
      "If you request more than 1,000,000 posts in 24 hours you pay liquidated damages of $15,000 per 1,000,000 posts. Crawling or scraping is prohibited.",
    ),
    passage(
      "acc-en",
      "account-data",
      "en",
      "You can download an archive of your data. After you deactivate your account you can restore it for 30 days.",
    ),
    passage(
      "ctx-fr",
      "context",
      "fr",
      "Après le départ des annonceurs, X cherche de nouveaux revenus en accordant des licences de données.",
    ),
    ...extraPassages,
  ];
  return {
    version: "fixture",
    updated: "2024-11-15",
    topics,
    sources: new Map(),
    passages,
    passagesById: new Map(passages.map((p) => [p.id, p])),
    answers: new Map(),
    synonyms: [
      ["désinscrire", "se retirer", "opt out", "optout", "refuser", "turn off", "disable"],
      ["données", "data", "information"],
      ["conservation", "retention", "keep", "garder", "how long", "combien de temps"],
      ["scraping", "crawling", "aspiration"],
      ["télécharger", "download"],
    ],
    dir: "/nonexistent",
  };
}
