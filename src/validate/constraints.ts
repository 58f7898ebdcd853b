// **constraints** turns one constraint of a shape, a component with its parameter values, into the check the
// engine runs, with its parameters already in the form the check needs (sh:in as a Set of term keys,
// sh:pattern as a RegExp, counts as numbers, lists as arrays).
import type { Literal, NamedNode, Term } from '@rdfjs/types';
import { validators as datatypes } from 'rdf-validate-datatype';
import type { Store } from 'n3';
import { NODE_KINDS, SH } from './components.js';
import type { CompiledShape } from './shapes.js';
import { Unsupported, listItems, objectsOf } from './shapes-graph.js';
import { termKey } from './terms.js';

const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

export type Check =
  | { readonly kind: 'Property'; readonly shape: CompiledShape }
  | { readonly kind: 'Class'; readonly cls: Term }
  | { readonly kind: 'Datatype'; readonly datatype: Term; readonly wellFormed: ((value: string) => boolean) | null }
  | { readonly kind: 'NodeKind'; readonly allowed: ReadonlySet<string> }
  | { readonly kind: 'MinCount' | 'MaxCount'; readonly limit: number }
  | { readonly kind: 'MinLength' | 'MaxLength'; readonly limit: number }
  | { readonly kind: 'MinExclusive' | 'MinInclusive' | 'MaxExclusive' | 'MaxInclusive'; readonly bound: Term }
  | { readonly kind: 'Pattern'; readonly regexp: RegExp }
  | { readonly kind: 'In'; readonly keys: ReadonlySet<string> }
  | { readonly kind: 'HasValue'; readonly value: Term }
  | { readonly kind: 'LanguageIn'; readonly languages: readonly string[] }
  | { readonly kind: 'UniqueLang'; readonly active: boolean }
  | { readonly kind: 'Equals' | 'LessThan' | 'LessThanOrEquals'; readonly predicate: Term }
  | { readonly kind: 'Disjoint'; readonly predicate: Term }
  | { readonly kind: 'Not' | 'Node'; readonly shape: CompiledShape }
  | { readonly kind: 'And' | 'Or' | 'Xone'; readonly shapes: readonly CompiledShape[] }
  | { readonly kind: 'QualifiedMinCount' | 'QualifiedMaxCount'; readonly shape: CompiledShape; readonly limit: number | null; readonly siblings: readonly CompiledShape[] }
  | { readonly kind: 'Closed'; readonly active: boolean; readonly allowed: ReadonlySet<string> };

/** What compiling a check needs of the shapes compiler: the shapes graph, and the shapes a check links to. */
export interface ShapeLinks {
  readonly store: Store;
  /** The compiled shape `to`, linked from `from` (for the check that shapes are not recursive). */
  link(from: CompiledShape, to: Term): CompiledShape;
  /** A sh:property value: one more way for an engine to reach it, nested when `from` is a property shape. */
  property(from: CompiledShape, to: Term, nested: boolean): CompiledShape;
  /** A sh:node value, whose checks share the top-level engine. */
  node(from: CompiledShape, to: Term): CompiledShape;
}

/** The check of component `name` with the parameter values `get` gives, in `shape`. */
export function compileCheck(shapes: ShapeLinks, name: string, get: (p: string) => Term | undefined, shape: CompiledShape, isProperty: boolean): Check {
  const { store } = shapes;
  const value = (p: string): Term => get(p)!;
  const num = (p: string): number => Number(value(p).value);
  const list = (p: string): Term[] => listItems(store, value(p));
  switch (name) {
    case 'Property': return { kind: 'Property', shape: shapes.property(shape, value('property'), isProperty) };
    case 'Class': return { kind: 'Class', cls: value('class') };
    case 'Datatype': {
      // rdf-validate-datatype's check of the lexical form, looked up once (validateTerm looks it up per literal).
      const datatype = value('datatype');
      return { kind: 'Datatype', datatype, wellFormed: (datatypes.find(datatype as NamedNode) as ((value: string) => boolean) | undefined) ?? null };
    }
    case 'NodeKind': {
      const kind = value('nodeKind');
      const allowed = kind.termType === 'NamedNode' && kind.value.startsWith(SH) ? NODE_KINDS[kind.value.slice(SH.length)] ?? [] : [];
      return { kind: 'NodeKind', allowed: new Set(allowed) };
    }
    case 'MinCount': case 'MaxCount':
      return { kind: name, limit: num(`${name[0]!.toLowerCase()}${name.slice(1)}`) };
    case 'MinLength': case 'MaxLength':
      return { kind: name, limit: num(`${name[0]!.toLowerCase()}${name.slice(1)}`) };
    case 'MinExclusive': case 'MinInclusive': case 'MaxExclusive': case 'MaxInclusive':
      return { kind: name, bound: value(`${name[0]!.toLowerCase()}${name.slice(1)}`) };
    case 'Pattern': {
      const flags = get('flags');
      try {
        return { kind: 'Pattern', regexp: flags ? new RegExp(value('pattern').value, flags.value) : new RegExp(value('pattern').value) };
      } catch {
        throw new Unsupported(`sh:pattern ${value('pattern').value} is no JavaScript regular expression`);
      }
    }
    case 'In': return { kind: 'In', keys: new Set(list('in').map(termKey)) };
    case 'HasValue': return { kind: 'HasValue', value: value('hasValue') };
    case 'LanguageIn': return { kind: 'LanguageIn', languages: list('languageIn').map((t) => t.value) };
    case 'UniqueLang': return { kind: 'UniqueLang', active: isTrue(value('uniqueLang')) };
    case 'Equals': case 'Disjoint': case 'LessThan': case 'LessThanOrEquals': {
      const predicate = value(`${name[0]!.toLowerCase()}${name.slice(1)}`);
      if (predicate.termType !== 'NamedNode') throw new Unsupported(`sh:${name} with a value that is not an IRI`);
      return name === 'Disjoint' ? { kind: name, predicate } : { kind: name, predicate };
    }
    case 'Not': return { kind: 'Not', shape: shapes.link(shape, value('not')) };
    case 'Node': return { kind: 'Node', shape: shapes.node(shape, value('node')) };
    case 'And':
      // In a property shape rdf-validate-shacl checks the focus node against each member with the path put
      // on it, not each value node: not mirrored here.
      if (isProperty) throw new Unsupported('sh:and in a property shape');
      return { kind: 'And', shapes: list('and').map((s) => shapes.link(shape, s)) };
    case 'Or': case 'Xone':
      return { kind: name, shapes: list(name.toLowerCase()).map((s) => shapes.link(shape, s)) };
    case 'QualifiedMinCount': case 'QualifiedMaxCount': {
      const qualified = value('qualifiedValueShape');
      const limitTerm = value(name === 'QualifiedMinCount' ? 'qualifiedMinCount' : 'qualifiedMaxCount');
      const disjoint = get('qualifiedValueShapesDisjoint');
      const siblings: CompiledShape[] = [];
      if (disjoint && isTrue(disjoint)) {
        const seen = new Set<string>();
        for (const parent of store.getSubjects(`${SH}property`, shape.term, null)) {
          for (const sibling of store.getObjects(parent, `${SH}property`, null)) {
            for (const q of store.getObjects(sibling, `${SH}qualifiedValueShape`, null)) {
              if (q.equals(qualified) || seen.has(termKey(q))) continue;
              seen.add(termKey(q));
              siblings.push(shapes.link(shape, q));
            }
          }
        }
      }
      return { kind: name, shape: shapes.link(shape, qualified), limit: limitTerm.termType === 'Literal' ? Number(limitTerm.value) : null, siblings };
    }
    case 'Closed': {
      const allowed = new Set<string>();
      for (const property of objectsOf(store, shape.term, `${SH}property`)) {
        for (const path of objectsOf(store, property, `${SH}path`)) if (path.termType === 'NamedNode') allowed.add(termKey(path));
      }
      const ignored = get('ignoredProperties');
      if (ignored) for (const t of listItems(store, ignored)) allowed.add(termKey(t));
      return { kind: 'Closed', active: isTrue(value('closed')), allowed };
    }
    default:
      throw new Unsupported(`sh:${name}ConstraintComponent`);
  }
}

function isTrue(term: Term): boolean {
  return term.termType === 'Literal' && term.value === 'true' && (term as Literal).datatype.value === XSD_BOOLEAN;
}
