// **compare** turns validation results into comparable keys, so that two validators' reports can be checked
// for identical results (tests, bench/): the multiset of (focus node, path, value, severity, component,
// source shape, message). Blank nodes compare by label: both reports must come from the same parsed terms.
import type { Term } from '@rdfjs/types';
import type { ValidationResult } from './validate.js';

function termText(term: Term | null): string {
  if (!term) return '-';
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': return `${JSON.stringify(term.value)}${term.language ? `@${term.language}` : `^^<${term.datatype.value}>`}`;
    default: return `?${term.value}`;
  }
}

/** One result as a line of text. */
export function resultKey(result: ValidationResult): string {
  return [result.focusNode, result.path, result.value].map(termText).join(' ')
    + ` ${result.severityIri} ${termText(result.constraintComponent)} ${termText(result.sourceShape)} ${JSON.stringify(result.message)}`;
}

/** The results that one report has more often than the other (both empty: identical multisets). */
export function diffResults(a: readonly ValidationResult[], b: readonly ValidationResult[]): { onlyA: string[]; onlyB: string[] } {
  const count = new Map<string, number>();
  for (const r of a) count.set(resultKey(r), (count.get(resultKey(r)) ?? 0) + 1);
  for (const r of b) count.set(resultKey(r), (count.get(resultKey(r)) ?? 0) - 1);
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  for (const [key, n] of count) {
    for (let i = 0; i < n; i++) onlyA.push(key);
    for (let i = 0; i < -n; i++) onlyB.push(key);
  }
  return { onlyA: onlyA.sort(), onlyB: onlyB.sort() };
}
