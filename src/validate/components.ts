// **components**: SHACL Core's constraint components as rdf-validate-shacl reads them (parameters, messages).
import type { Term } from '@rdfjs/types';
import { DataFactory, type Store } from 'n3';

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
/** rdf-validate-shacl's default messages (the same for node and property shapes but sh:hasValue's). */
const DEFAULT_MESSAGES: Record<string, string> = {
  Closed: 'Predicate is not allowed (closed shape)', Datatype: 'Value does not have datatype {$datatype}',
  Disjoint: 'Value node must not also be one of the values of {$disjoint}', Equals: 'Must have same values as {$equals}',
  HasValue: 'Missing expected value {$hasValue}', In: 'Value is not one of the allowed values: {$in}',
  LanguageIn: 'Language does not match any of {$languageIn}', LessThan: 'Value is not less than value of {$lessThan}',
  LessThanOrEquals: 'Value is not less than or equal to value of {$lessThanOrEquals}', MaxCount: 'More than {$maxCount} values',
  MaxExclusive: 'Value is not less than {$maxExclusive}', MaxInclusive: 'Value is not less than or equal to {$maxInclusive}',
  MaxLength: 'Value has more than {$maxLength} characters', MinCount: 'Less than {$minCount} values',
  MinExclusive: 'Value is not greater than {$minExclusive}', MinInclusive: 'Value is not greater than or equal to {$minInclusive}',
  MinLength: 'Value has less than {$minLength} characters', Node: 'Value does not have shape {$node}',
  NodeKind: 'Value does not have node kind {$nodeKind}', Not: 'Value does have shape {$not}',
  Pattern: 'Value does not match pattern "{$pattern}"',
  QualifiedMaxCount: 'More than {$qualifiedMaxCount} values have shape {$qualifiedValueShape}',
  QualifiedMinCount: 'Less than {$qualifiedMinCount} values have shape {$qualifiedValueShape}',
  UniqueLang: 'Language "{?lang}" used more than once',
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
  // PROPERTY_ONLY components never get here for a node shape (they are Unsupported there).
  const fallback = name === 'HasValue' && !isProperty ? 'Value must be {$hasValue}' : DEFAULT_MESSAGES[name];
  const component = DataFactory.namedNode(`${SH}${name}ConstraintComponent`);
  const messages = shapeMessages.length ? shapeMessages
    : fallback ? [DataFactory.literal(fallback)] : store.getObjects(component, `${SH}message`, null);
  if (messages.length === 0) return null;
  const label = (p: string): string => {
    const node = get(p);
    if (!node) return 'NULL';
    if (node.termType === 'NamedNode') return `<${node.value}>`;
    if (node.termType !== 'BlankNode') return node.value;
    // rdf-validate-shacl names a blank-node parameter by the shape's sh:in list (usually empty).
    const shown = inValues.slice(0, 3).map((t) => t.value).join(', ');
    return inValues.length > 3 ? `${shown} ... (and ${inValues.length - 3} more)` : shown;
  };
  return messages.map(({ value: text }) => specs.reduce((m, spec) => {
    const p = spec.replace('?', '');
    const value = label(p);
    // A string replacement, as rdf-validate-shacl does it (so `$&` in a value means what it means there).
    return m.replace(`{$${p}}`, value).replace(`{?${p}}`, value);
  }, text)).join(' ');
}
