import Fuse from "fuse.js";
import { editDistance } from "./distance.js";

/** A vocabulary word that a query word may stand for, and how much we trust it (0..1]. */
export interface Expansion {
  term: string;
  weight: number;
}

/**
 * Fuse's threshold on the distinct words. Loose on purpose: bitap scores a
 * transposition ("thrid") as two errors; the edit distance decides after.
 */
const FUZZY_THRESHOLD = 0.5;
/** Shorter words have too many one-edit neighbours to guess from. */
const MIN_FUZZY_LENGTH = 5;
const MAX_FUZZY_MATCHES = 3;
/** Words of at least this length also stand for longer words they begin ("entrain" -> "entrainement"). */
const MIN_PREFIX_LENGTH = 5;
const MAX_PREFIX_MATCHES = 8;
const PREFIX_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.85;
const CACHE_LIMIT = 5_000;

/**
 * The distinct terms of the index. Fuse runs here, on short strings, and
 * only for query words the index does not hold exactly: typo tolerance
 * without scanning passages. Words are bucketed by first letter and length,
 * so a lookup only asks the few small Fuse instances whose words could be
 * one or two edits away.
 */
export class Vocabulary {
  private readonly sorted: string[];
  private readonly known: ReadonlySet<string>;
  /** Words by first letter and length (`"r:9"`): one small Fuse each. */
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, Expansion[]>();

  constructor(words: Iterable<string>) {
    this.known = new Set(words);
    this.sorted = [...this.known].sort();
    for (const w of this.sorted) {
      if (w.length < MIN_FUZZY_LENGTH - 2) continue;
      const key = bucketKey(w[0] as string, w.length);
      const bucket = this.buckets.get(key) ?? [];
      bucket.push(w);
      this.buckets.set(key, bucket);
    }
    // Built now rather than on first use, so no question pays for it.
    for (const key of this.buckets.keys()) this.fuseFor(key);
  }

  get size(): number {
    return this.sorted.length;
  }

  has(term: string): boolean {
    return this.known.has(term);
  }

  /**
   * What a query term may mean in the index: itself when known, longer words
   * it is the start of, and when unknown its closest spellings.
   */
  expand(term: string): Expansion[] {
    const cached = this.cache.get(term);
    if (cached) return cached;
    const out: Expansion[] = [];
    if (this.known.has(term)) out.push({ term, weight: 1 });
    if (term.length >= MIN_PREFIX_LENGTH) {
      for (const w of this.withPrefix(term)) out.push({ term: w, weight: PREFIX_WEIGHT });
    }
    if (out.length === 0 && term.length >= MIN_FUZZY_LENGTH && !/^\d+$/.test(term)) {
      out.push(...this.fuzzy(term));
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(term, out);
    return out;
  }

  private withPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && out.length < MAX_PREFIX_MATCHES; i++) {
      const w = this.sorted[i] as string;
      if (!w.startsWith(prefix)) break;
      if (w !== prefix) out.push(w);
    }
    return out;
  }

  /**
   * Fuse proposes close spellings among words with the same first letter (typos rarely hit it, and it keeps each Fuse tiny); a
   * true edit distance then keeps one edit (two from 8 letters), since bitap
   * scores alone let "recette" reach "presente".
   */
  private fuzzy(term: string): Expansion[] {
    const maxEdits = term.length >= 8 ? 2 : 1;
    const hits: { w: string; edits: number; score: number }[] = [];
    const first = term[0] as string;
    // Only lengths within the edits allowed can be a match: ask just those buckets.
    for (let length = term.length - maxEdits; length <= term.length + maxEdits; length++) {
      const fuse = this.fuses.get(bucketKey(first, length));
      if (!fuse) continue;
      for (const r of fuse.search(term, { limit: 4 * MAX_FUZZY_MATCHES })) {
        const edits = editDistance(term, r.item, maxEdits);
        if (edits <= maxEdits) hits.push({ w: r.item, edits, score: r.score ?? 1 });
      }
    }
    hits.sort((a, b) => a.edits - b.edits || a.score - b.score || (a.w < b.w ? -1 : 1));
    return hits
      .slice(0, MAX_FUZZY_MATCHES)
      .map((h) => ({ term: h.w, weight: FUZZY_WEIGHT * (1 - h.edits / term.length) }));
  }

  private fuseFor(key: string): void {
    const bucket = this.buckets.get(key);
    if (!bucket) return;
    const fuse = new Fuse(bucket, {
      includeScore: true,
      threshold: FUZZY_THRESHOLD,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      isCaseSensitive: true,
    });
    this.fuses.set(key, fuse);
  }
}

function bucketKey(first: string, length: number): string {
  return `${first}:${length}`;
}
