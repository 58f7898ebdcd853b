// **iterator** is how the source hands results to Comunica without copies or streams. Comunica wraps any
// answer that is not one of its own AsyncIterators in two more iterators, a Node Readable costs an event
// and a buffer per item, and asynciterator's ArrayIterator copies its array on creation. During a bind
// join Comunica opens patterns only to read their metadata and drops them unread, so the work of an answer
// must wait for its first read: this iterator takes a loader, calls it on the first read, and maps items
// one at a time (null = skip) from the loaded array, which it never modifies (the array may be shared).
// GeneratorIterator does the same for answers computed one at a time.
import { AsyncIterator } from 'asynciterator';

export class LazyArrayIterator<S, T> extends AsyncIterator<T> {
  #load: (() => readonly S[]) | undefined;
  #items: readonly S[] | undefined;
  #index = 0;
  readonly #map: (item: S) => T | null;

  constructor(load: () => readonly S[], map: (item: S) => T | null) {
    super();
    this.#load = load;
    this.#map = map;
    this.readable = true;
  }

  override read(): T | null {
    if (this.done) return null;
    if (!this.#items) {
      this.#items = this.#load!();
      this.#load = undefined;
    }
    const items = this.#items;
    while (this.#index < items.length) {
      const item = this.#map(items[this.#index++] as S);
      if (item !== null) {
        if (this.#index === items.length) this.#finish();
        return item;
      }
    }
    this.#finish();
    return null;
  }

  #finish(): void {
    this.#items = [];
    this.close();
  }

  protected override _destroy(cause: Error | undefined, callback: (error?: Error) => void): void {
    this.#load = undefined;
    this.#items = [];
    callback();
  }
}

/** The same for answers computed one at a time: the generator runs only as far as the consumer reads. */
const BURST = 128;

export class GeneratorIterator<S, T> extends AsyncIterator<T> {
  #source: Iterator<S> | undefined;
  #burst = 0;
  readonly #map: (item: S) => T;

  constructor(source: Iterator<S>, map: (item: S) => T) {
    super();
    this.#source = source;
    this.#map = map;
    this.readable = true;
  }

  override read(): T | null {
    const source = this.#source;
    if (this.done || !source) return null;
    // Answer in bursts: a consumer that starts asynchronous work per item (Comunica's GROUP BY does) gets
    // to finish it between bursts instead of holding one pending task per solution.
    if (++this.#burst > BURST) {
      this.#burst = 0;
      this.readable = false;
      setImmediate(() => {
        if (!this.done) this.readable = true;
      });
      return null;
    }
    let next: IteratorResult<S>;
    try {
      next = source.next();
    } catch (error) {
      this.destroy(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
    if (next.done) {
      this.#source = undefined;
      this.close();
      return null;
    }
    return this.#map(next.value);
  }

  protected override _destroy(cause: Error | undefined, callback: (error?: Error) => void): void {
    this.#source?.return?.();
    this.#source = undefined;
    callback();
  }
}
