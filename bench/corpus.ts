import { type Knowledge, type Locale, type Passage, TOPIC_IDS } from "../src/core/types.js";

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words the synthetic passages are drawn from: the domain's and everyday ones, both languages. */
const WORDS: Record<Locale, string[]> = {
  en: `data information privacy policy terms service account user users post posts content model
  models training train artificial intelligence third party parties partner partners share sharing
  setting settings retention retain keep period months days delete deletion deactivate archive
  download scraping crawling damages court law venue company companies license advertising revenue
  platform network social media public private profile message messages cookies device location
  security safety law enforcement request government review report abuse spam rules violation
  the of and to in for on with by from that this which may we you your our their will can such
  time use using used provide provides help improve services products features research
  purposes personal collect collected process processing consent legitimate interest`
    .split(/\s+/)
    .filter(Boolean),
  fr: `données informations confidentialité politique conditions service compte utilisateur
  utilisateurs publication publications contenu modèle modèles entraînement entraîner intelligence
  artificielle tiers partenaires partage partager paramètre paramètres conservation conserver durée
  mois jours supprimer suppression désactiver archive télécharger aspiration dommages tribunal droit
  entreprise entreprises licence publicité revenus plateforme réseau social médias public privé
  profil message messages cookies appareil localisation sécurité demande gouvernement signalement
  règles violation le la les de des du et à en pour sur avec par que qui nous vous votre notre
  leur leurs pouvons temps utiliser utilisé fournir améliorer services produits fonctionnalités
  recherche finalités personnelles collecter collectées traitement consentement intérêt légitime`
    .split(/\s+/)
    .filter(Boolean),
};

/**
 * The shipped knowledge plus synthetic passages up to `total`, each in one
 * language with a random topic. Zipf-like word choice gives the corpus a
 * realistic mix of common and rare words.
 */
export function syntheticKnowledge(base: Knowledge, total: number, seed = 42): Knowledge {
  const random = seededRandom(seed);
  const pick = (list: string[]): string => {
    const r = random();
    return list[Math.floor(r * r * list.length)] as string;
  };
  const passages: Passage[] = [...base.passages];
  for (let i = passages.length; i < total; i++) {
    const lang: Locale = random() < 0.5 ? "fr" : "en";
    const length = 20 + Math.floor(random() * 60);
    const text: string[] = [];
    for (let w = 0; w < length; w++) text.push(pick(WORDS[lang]));
    passages.push({
      id: `synthetic-${i}`,
      topics: [TOPIC_IDS[Math.floor(random() * TOPIC_IDS.length)] ?? "context"],
      sourceId: "synthetic",
      section: `Section ${1 + Math.floor(random() * 12)}`,
      lang,
      kind: "summary",
      text: text.join(" "),
      file: "synthetic",
    });
  }
  return { ...base, passages, passagesById: new Map(passages.map((p) => [p.id, p])) };
}
