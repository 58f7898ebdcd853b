// **iterator** hands answers to Comunica without copies or streams (which it would wrap twice): the loader runs on
// the first read, since Comunica opens patterns during a bind join only to read their metadata; items are mapped
// one at a time (null = skip) from an array never modified (it may be shared).
import { AsyncIterator } from 'asynciterator';

export class LazyArrayIterator<S, T> extends AsyncIterator<T> {
  readonly #load: () => readonly S[];
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
    const items = (this.#items ??= this.#load());
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

  protected override _destroy(_cause: Error | undefined, callback: (error?: Error) => void): void {
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

  protected override _destroy(_cause: Error | undefined, callback: (error?: Error) => void): void {
    this.#source?.return?.();
    this.#source = undefined;
    callback();
  }
}
