// **terms** keys RDF terms by string, so the compiled validator can index them in plain Maps and Sets.
import type { Term } from '@rdfjs/types';

/** A string that is equal for two terms exactly when `a.equals(b)`. An IRI is its own key (no allocation). */
export function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode': return term.value;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': return term.language ? `"${term.value}"@${term.language}` : `"${term.value}"^^${term.datatype.value}`;
    default: return `?${term.termType}:${term.value}`;
  }
}

/** The terms without repeats, in their first order. */
export function distinct(terms: readonly Term[]): Term[] {
  const out = new Map<string, Term>();
  for (const t of terms) if (!out.has(termKey(t))) out.set(termKey(t), t);
  return [...out.values()];
}
