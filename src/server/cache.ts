// **cache** keeps recent answers: the dataset a server holds never changes while it runs, so the same
// query in the same format always has the same answer.
export interface CachedAnswer {
  readonly mediaType: string;
  readonly body: string;
}

export class AnswerCache {
  readonly #entries = new Map<string, CachedAnswer>();
  #bytes = 0;

  constructor(private readonly maxEntries: number, private readonly maxBytes: number) {}

  get(key: string): CachedAnswer | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Re-insert: a Map keeps insertion order, so the oldest entry is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: CachedAnswer): void {
    const size = value.body.length + key.length;
    if (size > this.maxBytes / 4) return;
    const previous = this.#entries.get(key);
    if (previous) this.#bytes -= previous.body.length + key.length;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#bytes += size;
    for (const [oldest, old] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.body.length + oldest.length;
    }
  }
}
