// **components** are SHACL Core's constraint components as rdf-validate-shacl reads them: each component's
// parameters (optional ones marked `?`), the components it checks on property shapes only, its default
// messages, the node kinds, and how a result message is made from the shape's sh:message or the default.
import type { Term } from '@rdfjs/types';
import { DataFactory, type Store } from 'n3';
import { objectsOf } from './shapes-graph.js';

export const SH = 'http://www.w3.org/ns/shacl#';

/** SHACL Core's constraint components (as @vocabulary/sh lists them): parameters, optional ones marked `?`. */
export const COMPONENTS: Record<string, readonly string[]> = {
  And: ['and'], Class: ['class'], Closed: ['closed', 'ignoredProperties?'], Datatype: ['datatype'],
  Disjoint: ['disjoint'], Equals: ['equals'], Expression: ['expression'], HasValue: ['hasValue'], In: ['in'],
  JS: ['js'], LanguageIn: ['languageIn'], LessThan: ['lessThan'], LessThanOrEquals: ['lessThanOrEquals'],
  MaxCount: ['maxCount'], MaxExclusive: ['maxExclusive'], MaxInclusive: ['maxInclusive'], MaxLength: ['maxLength'],
  MinCount: ['minCount'], MinExclusive: ['minExclusive'], MinInclusive: ['minInclusive'], MinLength: ['minLength'],
  Node: ['node'], NodeKind: ['nodeKind'], Not: ['not'], Or: ['or'], Pattern: ['flags?', 'pattern'],
  Property: ['property'], QualifiedMaxCount: ['qualifiedMaxCount', 'qualifiedValueShape', 'qualifiedValueShapesDisjoint?'],
  QualifiedMinCount: ['qualifiedMinCount', 'qualifiedValueShape', 'qualifiedValueShapesDisjoint?'],
  SPARQL: ['sparql'], UniqueLang: ['uniqueLang'], Xone: ['xone'],
};
/** Components whose check exists for property shapes only (rdf-validate-shacl fails on them in a node shape). */
export const PROPERTY_ONLY = new Set(['LessThan', 'LessThanOrEquals', 'MaxCount', 'MinCount', 'QualifiedMaxCount', 'QualifiedMinCount', 'UniqueLang']);
/** rdf-validate-shacl's default messages: [for a node shape, for a property shape]. */
const DEFAULT_MESSAGES: Record<string, readonly [string | null, string | null]> = {
  Closed: ['Predicate is not allowed (closed shape)', 'Predicate is not allowed (closed shape)'],
  Datatype: ['Value does not have datatype {$datatype}', 'Value does not have datatype {$datatype}'],
  Disjoint: ['Value node must not also be one of the values of {$disjoint}', 'Value node must not also be one of the values of {$disjoint}'],
  Equals: ['Must have same values as {$equals}', 'Must have same values as {$equals}'],
  HasValue: ['Value must be {$hasValue}', 'Missing expected value {$hasValue}'],
  In: ['Value is not one of the allowed values: {$in}', 'Value is not one of the allowed values: {$in}'],
  LanguageIn: ['Language does not match any of {$languageIn}', 'Language does not match any of {$languageIn}'],
  LessThan: [null, 'Value is not less than value of {$lessThan}'],
  LessThanOrEquals: [null, 'Value is not less than or equal to value of {$lessThanOrEquals}'],
  MaxCount: [null, 'More than {$maxCount} values'],
  MaxExclusive: ['Value is not less than {$maxExclusive}', 'Value is not less than {$maxExclusive}'],
  MaxInclusive: ['Value is not less than or equal to {$maxInclusive}', 'Value is not less than or equal to {$maxInclusive}'],
  MaxLength: ['Value has more than {$maxLength} characters', 'Value has more than {$maxLength} characters'],
  MinCount: [null, 'Less than {$minCount} values'],
  MinExclusive: ['Value is not greater than {$minExclusive}', 'Value is not greater than {$minExclusive}'],
  MinInclusive: ['Value is not greater than or equal to {$minInclusive}', 'Value is not greater than or equal to {$minInclusive}'],
  MinLength: ['Value has less than {$minLength} characters', 'Value has less than {$minLength} characters'],
  Node: ['Value does not have shape {$node}', 'Value does not have shape {$node}'],
  NodeKind: ['Value does not have node kind {$nodeKind}', 'Value does not have node kind {$nodeKind}'],
  Not: ['Value does have shape {$not}', 'Value does have shape {$not}'],
  Pattern: ['Value does not match pattern "{$pattern}"', 'Value does not match pattern "{$pattern}"'],
  QualifiedMaxCount: [null, 'More than {$qualifiedMaxCount} values have shape {$qualifiedValueShape}'],
  QualifiedMinCount: [null, 'Less than {$qualifiedMinCount} values have shape {$qualifiedValueShape}'],
  UniqueLang: [null, 'Language "{?lang}" used more than once'],
};
export const NODE_KINDS: Record<string, readonly string[]> = {
  BlankNode: ['BlankNode'], IRI: ['NamedNode'], Literal: ['Literal'],
  BlankNodeOrIRI: ['BlankNode', 'NamedNode'], BlankNodeOrLiteral: ['BlankNode', 'Literal'], IRIOrLiteral: ['NamedNode', 'Literal'],
};

/** Parameter IRI → its component, and whether it is optional. */
export const parameterOf = new Map<string, { component: string; optional: boolean }>();
for (const [component, params] of Object.entries(COMPONENTS)) {
  for (const p of params) parameterOf.set(`${SH}${p.replace('?', '')}`, { component, optional: p.endsWith('?') });
}

/** rdf-validate-shacl's message: the shape's sh:message, else the component's default, with {$param} filled in. */
export function constraintMessage(store: Store, name: string, specs: readonly string[], get: (p: string) => Term | undefined, isProperty: boolean, shapeMessages: readonly Term[], inValues: readonly Term[]): string | null {
  let messages: string[] = shapeMessages.map((m) => m.value);
  if (messages.length === 0) {
    const fallback = DEFAULT_MESSAGES[name]?.[isProperty ? 1 : 0];
    messages = fallback ? [fallback] : [];
  }
  if (messages.length === 0) messages = objectsOf(store, DataFactory.namedNode(`${SH}${name}ConstraintComponent`), `${SH}message`).map((m) => m.value);
  if (messages.length === 0) return null;
  const single = specs.length === 1;
  const label = (p: string): string => {
    const node = single ? get(specs[0]!.replace('?', '')) : get(p);
    if (!node) return 'NULL';
    if (node.termType === 'NamedNode') return `<${node.value}>`;
    if (node.termType === 'BlankNode') {
      // rdf-validate-shacl names a blank-node parameter by the shape's sh:in list (usually empty).
      return inValues.length > 3
        ? `${inValues.slice(0, 3).map((t) => t.value).join(', ')} ... (and ${inValues.length - 3} more)`
        : inValues.map((t) => t.value).join(', ');
    }
    return node.value;
  };
  return messages.map((text) => specs.reduce((m, spec) => {
    const p = spec.replace('?', '');
    const value = label(p);
    // A string replacement, as rdf-validate-shacl does it (so `$&` in a value means what it means there).
    return m.replace(`{$${p}}`, value).replace(`{?${p}}`, value);
  }, text)).join(' ');
}
