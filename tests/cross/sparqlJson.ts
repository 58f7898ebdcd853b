// SPARQL results JSON in one normal form, so that two engines' answers (Comunica's and rdflib's) compare as
// multisets of rows, and the first ORDER BY key of a query, to compare their order.
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

export interface JsonTerm {
  readonly type: string;
  readonly value: string;
  readonly datatype?: string;
  readonly 'xml:lang'?: string;
}
export interface SparqlJson {
  readonly head: { readonly vars?: readonly string[] };
  readonly results?: { readonly bindings: readonly Record<string, JsonTerm>[] };
  readonly boolean?: boolean;
}

/** A term as one string: <iri>, "value"@lang, or "value"^^<datatype> with an absent datatype read as xsd:string. */
export function termKey(term: JsonTerm): string {
  switch (term.type) {
    case 'uri':
      return `<${term.value}>`;
    case 'bnode':
      return '_:'; // labels are local to each engine; none of the example queries projects a blank node
    case 'literal':
    case 'typed-literal': {
      const value = JSON.stringify(term.value);
      if (term['xml:lang'] !== undefined) return `${value}@${term['xml:lang']}`;
      return `${value}^^<${term.datatype ?? XSD_STRING}>`;
    }
    default:
      throw new Error(`unknown term type in SPARQL JSON: ${JSON.stringify(term)}`);
  }
}

/** One solution as a string: its bound variables, sorted, each with its term (an unbound variable is absent). */
export function rowKey(binding: Record<string, JsonTerm>): string {
  return JSON.stringify(Object.keys(binding).sort().map((v) => [v, termKey(binding[v]!)]));
}

export function rows(json: SparqlJson): string[] {
  if (!json.results) throw new Error(`not a SELECT answer: ${JSON.stringify(json).slice(0, 200)}`);
  return json.results.bindings.map(rowKey);
}

/** The rows only one side has, counting duplicates (multiset difference both ways). */
export function multisetDiff(a: readonly string[], b: readonly string[]): { onlyComunica: string[]; onlyRdflib: string[] } {
  const count = new Map<string, number>();
  for (const row of a) count.set(row, (count.get(row) ?? 0) + 1);
  for (const row of b) count.set(row, (count.get(row) ?? 0) - 1);
  const onlyComunica: string[] = [];
  const onlyRdflib: string[] = [];
  for (const [row, n] of count) {
    for (let i = 0; i < n; i++) onlyComunica.push(row);
    for (let i = 0; i < -n; i++) onlyRdflib.push(row);
  }
  // At most 25 of each shown: a failure on a large dataset stays readable.
  const show = (list: string[]) => (list.length > 25 ? [...list.sort().slice(0, 25), `… ${list.length - 25} more`] : list.sort());
  return { onlyComunica: show(onlyComunica), onlyRdflib: show(onlyRdflib) };
}

/** The first variable of an ORDER BY clause (`ORDER BY ?x`, `ASC(?x)`, `DESC(?x)`), if any. */
export function firstOrderKey(sparql: string): string | undefined {
  const clause = /ORDER\s+BY\s+(?:(?:ASC|DESC)\s*\(\s*)?\?(\w+)/i.exec(sparql.replace(/#.*$/gm, ''));
  return clause?.[1];
}
