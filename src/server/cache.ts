// **cache** keeps recent answers: the dataset a server holds never changes while it runs, so the same
// query in the same format always has the same answer.
export class AnswerCache {
  readonly #entries = new Map<string, string>();
  #bytes = 0;

  constructor(private readonly maxEntries: number, private readonly maxBytes: number) {}

  get(key: string): string | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      // Re-insert: a Map keeps insertion order, so the oldest entry is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: string): void {
    if (value.length > this.maxBytes / 4) return;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#bytes += value.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.length;
    }
  }
}
