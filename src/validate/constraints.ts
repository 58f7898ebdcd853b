// **constraints** turns a component with its parameter values into the check the engine runs, its parameters
// in the form the check needs (sh:in as a Set of term keys, sh:pattern as a RegExp, counts as numbers…).
import type { Literal, NamedNode, Term } from '@rdfjs/types';
import { validators as datatypes } from 'rdf-validate-datatype';
import type { Store } from 'n3';
import { NODE_KINDS, SH } from './components.js';
import type { CompiledShape } from './shapes.js';
import { Unsupported, listItems } from './shapes-graph.js';
import { distinct, termKey } from './terms.js';

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
  const main = get(`${name[0]!.toLowerCase()}${name.slice(1)}`)!; // the parameter named like the component
  const list = (): Term[] => listItems(store, main);
  switch (name) {
    case 'Property': return { kind: 'Property', shape: shapes.property(shape, main, isProperty) };
    case 'Class': return { kind: 'Class', cls: main };
    case 'Datatype': {
      // rdf-validate-datatype's check of the lexical form, looked up once (validateTerm looks it up per literal).
      const wellFormed = datatypes.find(main as NamedNode) as ((value: string) => boolean) | undefined;
      return { kind: 'Datatype', datatype: main, wellFormed: wellFormed ?? null };
    }
    case 'NodeKind': {
      const allowed = main.termType === 'NamedNode' && main.value.startsWith(SH) ? NODE_KINDS[main.value.slice(SH.length)] ?? [] : [];
      return { kind: 'NodeKind', allowed: new Set(allowed) };
    }
    // Two returns, as counts and lengths are two members of Check (ValueCheck keeps the lengths only).
    case 'MinCount': case 'MaxCount': return { kind: name, limit: Number(main.value) };
    case 'MinLength': case 'MaxLength': return { kind: name, limit: Number(main.value) };
    case 'MinExclusive': case 'MinInclusive': case 'MaxExclusive': case 'MaxInclusive':
      return { kind: name, bound: main };
    case 'Pattern': {
      const flags = get('flags');
      try {
        return { kind: 'Pattern', regexp: flags ? new RegExp(main.value, flags.value) : new RegExp(main.value) };
      } catch {
        throw new Unsupported(`sh:pattern ${main.value} is no JavaScript regular expression`);
      }
    }
    case 'In': return { kind: 'In', keys: new Set(list().map(termKey)) };
    case 'HasValue': return { kind: 'HasValue', value: main };
    case 'LanguageIn': return { kind: 'LanguageIn', languages: list().map((t) => t.value) };
    case 'UniqueLang': return { kind: 'UniqueLang', active: isTrue(main) };
    case 'Equals': case 'Disjoint': case 'LessThan': case 'LessThanOrEquals':
      if (main.termType !== 'NamedNode') throw new Unsupported(`sh:${name} with a value that is not an IRI`);
      return name === 'Disjoint' ? { kind: name, predicate: main } : { kind: name, predicate: main };
    case 'Not': return { kind: 'Not', shape: shapes.link(shape, main) };
    case 'Node': return { kind: 'Node', shape: shapes.node(shape, main) };
    case 'And': case 'Or': case 'Xone':
      // sh:and in a property shape: rdf-validate-shacl checks the focus node (with the path put on each member).
      if (name === 'And' && isProperty) throw new Unsupported('sh:and in a property shape');
      return { kind: name, shapes: list().map((s) => shapes.link(shape, s)) };
    case 'QualifiedMinCount': case 'QualifiedMaxCount': {
      const qualified = get('qualifiedValueShape')!;
      const disjoint = get('qualifiedValueShapesDisjoint');
      const others = !disjoint || !isTrue(disjoint) ? [] : store.getSubjects(`${SH}property`, shape.term, null)
        .flatMap((parent) => store.getObjects(parent, `${SH}property`, null))
        .flatMap((sibling) => store.getObjects(sibling, `${SH}qualifiedValueShape`, null));
      const siblings = distinct(others.filter((q) => !q.equals(qualified))).map((q) => shapes.link(shape, q));
      return { kind: name, shape: shapes.link(shape, qualified), limit: main.termType === 'Literal' ? Number(main.value) : null, siblings };
    }
    case 'Closed': {
      const paths = store.getObjects(shape.term, `${SH}property`, null).flatMap((p) => store.getObjects(p, `${SH}path`, null));
      const ignored = get('ignoredProperties');
      const allowed = [...paths.filter((p) => p.termType === 'NamedNode'), ...(ignored ? listItems(store, ignored) : [])];
      return { kind: 'Closed', active: isTrue(main), allowed: new Set(allowed.map(termKey)) };
    }
    default:
      throw new Unsupported(`sh:${name}ConstraintComponent`);
  }
}

function isTrue(term: Term): boolean {
  return term.termType === 'Literal' && term.value === 'true' && (term as Literal).datatype.value === XSD_BOOLEAN;
}
