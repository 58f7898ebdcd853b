// **diffTally** counts a diff per kind (drug, mechanism, indication …), so that a changelog opens with how much
// changed before it says what.
export interface KindSummary {
  readonly kind: string;
  readonly added: number;
  readonly removed: number;
  /** Changed in what it says (listed one by one). */
  readonly changed: number;
  /** Changed only by identifiers in other databases added. */
  readonly identifiersOnly: number;
  /** Changed only in its source records: carried over to the new release's records. */
  readonly carriedOver: number;
}

type Count = Exclude<keyof KindSummary, 'kind'>;

export class Tally {
  readonly #kinds = new Map<string, Record<Count, number>>();

  count(kind: string, what: Count): void {
    const row = this.#kinds.get(kind) ?? { added: 0, removed: 0, changed: 0, identifiersOnly: 0, carriedOver: 0 };
    row[what] += 1;
    this.#kinds.set(kind, row);
  }

  /** Every kind that changed at all, by name. */
  summary(): KindSummary[] {
    return [...this.#kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, row]) => ({ kind, ...row }));
  }
}
