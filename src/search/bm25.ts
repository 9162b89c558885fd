/** Okapi BM25 over one field of a set of documents. */

const K1 = 1.2;
const B = 0.75;

export interface Postings {
  docs: number[];
  tfs: number[];
}

export class Field {
  readonly postings = new Map<string, Postings>();
  readonly lengths: number[] = [];
  private totalLength = 0;

  /** Adds a document made of these terms; returns its number. */
  add(termList: readonly string[]): number {
    const doc = this.lengths.length;
    const counts = new Map<string, number>();
    for (const t of termList) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, tf] of counts) {
      let p = this.postings.get(t);
      if (!p) {
        p = { docs: [], tfs: [] };
        this.postings.set(t, p);
      }
      p.docs.push(doc);
      p.tfs.push(tf);
    }
    this.lengths.push(termList.length);
    this.totalLength += termList.length;
    return doc;
  }

  get count(): number {
    return this.lengths.length;
  }

  get averageLength(): number {
    return this.count === 0 ? 1 : Math.max(1, this.totalLength / this.count);
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  /** Per-document length normalisation, computed once after the last `add`. */
  private norms: Float64Array | null = null;

  /** BM25 contribution of one occurrence count in one document, idf excluded. */
  saturate(tf: number, doc: number): number {
    if (!this.norms || this.norms.length !== this.lengths.length) {
      const avg = this.averageLength;
      this.norms = Float64Array.from(this.lengths, (len) => K1 * (1 - B + (B * len) / avg));
    }
    return (tf * (K1 + 1)) / (tf + (this.norms[doc] as number));
  }
}
