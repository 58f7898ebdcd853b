// **shapes** compiles a SHACL shapes graph once into plain objects: each shape with its parsed path, its
// severity and messages, and its constraints with their parameters already turned into what the check
// needs (sh:in as a Set of term keys, sh:pattern as a RegExp, counts as numbers, lists as arrays).
// It mirrors how rdf-validate-shacl reads shapes (which shapes have targets, one constraint per parameter
// value, the default messages and their {$param} substitution), so that both report the same results.
// What it does not mirror it refuses with Unsupported, and validate() then runs rdf-validate-shacl.
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { validators as datatypes } from 'rdf-validate-datatype';
import { DataFactory, Store } from 'n3';
import { parsePath, type Path } from './paths.js';
import { Unsupported, listItems, objectsOf } from './shapes-graph.js';
import { termKey } from './terms.js';

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD_BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

/** SHACL Core's constraint components (as @vocabulary/sh lists them): parameters, optional ones marked `?`. */
const COMPONENTS: Record<string, readonly string[]> = {
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
const PROPERTY_ONLY = new Set(['LessThan', 'LessThanOrEquals', 'MaxCount', 'MinCount', 'QualifiedMaxCount', 'QualifiedMinCount', 'UniqueLang']);
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
const NODE_KINDS: Record<string, readonly string[]> = {
  BlankNode: ['BlankNode'], IRI: ['NamedNode'], Literal: ['Literal'],
  BlankNodeOrIRI: ['BlankNode', 'NamedNode'], BlankNodeOrLiteral: ['BlankNode', 'Literal'], IRIOrLiteral: ['NamedNode', 'Literal'],
};

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

export interface Constraint {
  readonly check: Check;
  readonly component: Term;
  /** The result message (sh:message of the shape, else the default), with its {$param} filled in; null: none. */
  readonly message: string | null;
}

export interface CompiledShape {
  readonly term: Term;
  readonly path: Path | null;
  /** The sh:path node, reported as sh:resultPath. */
  readonly pathTerm: Term | null;
  readonly severity: Term;
  readonly deactivated: boolean;
  /** Filled in after the shape itself is registered (shapes may refer to each other). */
  readonly constraints: Constraint[];
}

export interface CompiledShapes {
  /** The shapes rdf-validate-shacl validates at the top level, with their targets. */
  readonly targeted: readonly { readonly shape: CompiledShape; readonly targets: Targets }[];
  /** True when a (focus node, shape) pair can be checked more than once in one validation, so that
   *  rdf-validate-shacl's limit of 51 checks per pair must be counted (see engine.ts). */
  readonly countChecks: boolean;
  /** The shapes graph, for naming a property shape by its node shape in results. */
  readonly store: Store;
  /** Every predicate IRI the shapes look up in the data (the data index keys its edges by these strings). */
  readonly vocabulary: readonly string[];
}

export interface Targets {
  readonly implicitClass: boolean;
  readonly classes: readonly Term[];
  readonly nodes: readonly Term[];
  readonly subjectsOf: readonly string[];
  readonly objectsOf: readonly string[];
}

const parameterOf = new Map<string, { component: string; optional: boolean }>();
for (const [component, params] of Object.entries(COMPONENTS)) {
  for (const p of params) parameterOf.set(`${SH}${p.replace('?', '')}`, { component, optional: p.endsWith('?') });
}

/** Compiles the shapes graph; throws Unsupported if it uses something the compiled validator does not do. */
export function compileShapes(quads: Iterable<Quad>): CompiledShapes {
  const store = new Store();
  for (const quad of quads) store.addQuad(quad);
  if (store.countQuads(null, 'http://www.w3.org/2002/07/owl#imports', null, null) > 0) throw new Unsupported('owl:imports in the shapes graph');
  for (const p of ['target', 'sparql', 'js', 'expression']) {
    if (store.countQuads(null, `${SH}${p}`, null, null) > 0) throw new Unsupported(`sh:${p}`);
  }
  const compiler = new Compiler(store);
  const targeted = compiler.targetedShapes();
  compiler.checkAcyclic();
  return { targeted, countChecks: compiler.mayRepeat(), store, vocabulary: compiler.vocabulary() };
}

class Compiler {
  private readonly shapes = new Map<string, CompiledShape>();
  /** shape key → how many times one engine can reach it: once per sh:property pointing to it, once if targeted.
   *  (sh:not, sh:or, sh:qualifiedValueShape… check their shape in a fresh engine, so they do not count.) */
  private readonly references = new Map<string, number>();
  private readonly edges = new Map<string, string[]>();
  private nested = false;
  private hasNode = false;

  constructor(private readonly store: Store) {}

  targetedShapes(): { shape: CompiledShape; targets: Targets }[] {
    const { store } = this;
    // rdf-validate-shacl: subjects of a required parameter, with a target or typed rdfs:Class (shapes graph).
    const candidates = new Map<string, Term>();
    for (const [iri, { optional }] of parameterOf) {
      if (optional) continue;
      for (const subject of store.getSubjects(iri, null, null)) candidates.set(termKey(subject), subject);
    }
    const classTypes = this.subclassesInShapes(DataFactory.namedNode(`${RDFS}Class`));
    const out: { shape: CompiledShape; targets: Targets }[] = [];
    for (const node of candidates.values()) {
      const types = objectsOf(store, node, RDF_TYPE);
      const targets: Targets = {
        implicitClass: types.some((t) => classTypes.has(termKey(t))),
        classes: objectsOf(store, node, `${SH}targetClass`),
        nodes: objectsOf(store, node, `${SH}targetNode`),
        subjectsOf: objectsOf(store, node, `${SH}targetSubjectsOf`).map((t) => t.value),
        objectsOf: objectsOf(store, node, `${SH}targetObjectsOf`).map((t) => t.value),
      };
      if (!targets.implicitClass && !targets.classes.length && !targets.nodes.length && !targets.subjectsOf.length && !targets.objectsOf.length) continue;
      out.push({ shape: this.shape(node), targets });
      this.refer(termKey(node));
    }
    return out;
  }

  /** The predicate IRIs of every compiled path and predicate parameter. */
  vocabulary(): string[] {
    const out = new Set<string>();
    const walk = (path: Path | null): void => {
      if (!path) return;
      switch (path.kind) {
        case 'predicate': case 'inverse': out.add(path.iri); break;
        case 'sequence': path.steps.forEach(walk); break;
        case 'alternative': path.options.forEach(walk); break;
        default: walk(path.inner);
      }
    };
    for (const shape of this.shapes.values()) {
      walk(shape.path);
      for (const { check } of shape.constraints) if ('predicate' in check) out.add(check.predicate.value);
    }
    return [...out];
  }

  /** Whether one engine can validate a (node, shape) pair twice: with sh:node (whose checks share the top-level
   *  engine), with property shapes nested in property shapes (values of different nodes meet), or with a shape
   *  that one engine reaches twice (targeted and a sh:property value, or the value of two sh:property). */
  mayRepeat(): boolean {
    return this.hasNode || this.nested || [...this.references.values()].some((n) => n > 1);
  }

  checkAcyclic(): void {
    const state = new Map<string, 'open' | 'done'>();
    const visit = (key: string): void => {
      const s = state.get(key);
      if (s === 'done') return;
      if (s === 'open') throw new Unsupported('recursive shapes');
      state.set(key, 'open');
      for (const next of this.edges.get(key) ?? []) visit(next);
      state.set(key, 'done');
    };
    for (const key of this.shapes.keys()) visit(key);
  }

  private refer(key: string): void {
    this.references.set(key, (this.references.get(key) ?? 0) + 1);
  }

  private subclassesInShapes(cls: Term): Set<string> {
    const out = new Set([termKey(cls)]);
    const queue = [cls];
    while (queue.length) {
      for (const sub of this.store.getSubjects(`${RDFS}subClassOf`, queue.pop()!, null)) {
        if (!out.has(termKey(sub))) {
          out.add(termKey(sub));
          queue.push(sub);
        }
      }
    }
    return out;
  }

  /** The compiled shape of a node (once per node). */
  shape(node: Term): CompiledShape {
    const key = termKey(node);
    const known = this.shapes.get(key);
    if (known) return known;
    const { store } = this;
    const paths = objectsOf(store, node, `${SH}path`);
    if (paths.length > 1) throw new Unsupported('a shape with several sh:path');
    const severities = objectsOf(store, node, `${SH}severity`);
    const deactivated = objectsOf(store, node, `${SH}deactivated`);
    const shape: CompiledShape = {
      term: node,
      path: paths[0] ? parsePath(store, paths[0]) : null,
      pathTerm: paths[0] ?? null,
      severity: severities.length === 1 ? severities[0]! : DataFactory.namedNode(`${SH}Violation`),
      deactivated: deactivated.length === 1 && deactivated[0]!.value === 'true',
      constraints: [],
    };
    this.shapes.set(key, shape);
    this.edges.set(key, []);
    const isProperty = shape.path !== null;
    const inLists = objectsOf(store, node, `${SH}in`);
    if (inLists.length > 1) throw new Unsupported('a shape with several sh:in');
    const inValues = inLists[0] ? listItems(store, inLists[0]) : [];
    const messages = objectsOf(store, node, `${SH}message`);
    const handled = new Set<string>();
    for (const quad of store.getQuads(node, null, null, null)) {
      const param = parameterOf.get(quad.predicate.value);
      if (!param || handled.has(param.component)) continue;
      handled.add(param.component);
      const name = param.component;
      const specs = COMPONENTS[name]!;
      const values = specs.map((p) => objectsOf(store, node, `${SH}${p.replace('?', '')}`));
      // The cartesian product of the parameters' values, as rdf-validate-shacl builds it.
      let combos: (Term | undefined)[][] = [[]];
      let any = false;
      specs.forEach((_, i) => {
        const vs = values[i]!;
        if (vs.length === 0) {
          combos = combos.map((c) => [...c, undefined]);
          return;
        }
        any = true;
        combos = combos.flatMap((c) => vs.map((v) => [...c, v]));
      });
      if (!any) continue;
      for (const combo of combos) {
        if (specs.some((p, i) => !p.endsWith('?') && combo[i] === undefined)) continue;
        if (PROPERTY_ONLY.has(name) && !isProperty) throw new Unsupported(`sh:${specs[0]} in a node shape`);
        const get = (p: string): Term | undefined => combo[specs.findIndex((s) => s.replace('?', '') === p)];
        const check = this.check(name, get, shape, isProperty);
        shape.constraints.push({
          check,
          component: DataFactory.namedNode(`${SH}${name}ConstraintComponent`),
          message: this.message(name, specs, get, isProperty, messages, inValues),
        });
      }
    }
    return shape;
  }

  private link(from: CompiledShape, to: Term): CompiledShape {
    this.edges.get(termKey(from.term))!.push(termKey(to));
    return this.shape(to);
  }

  private check(name: string, get: (p: string) => Term | undefined, shape: CompiledShape, isProperty: boolean): Check {
    const { store } = this;
    const value = (p: string): Term => get(p)!;
    const num = (p: string): number => Number(value(p).value);
    const list = (p: string): Term[] => listItems(store, value(p));
    switch (name) {
      case 'Property': {
        const child = this.link(shape, value('property'));
        this.refer(termKey(child.term));
        if (isProperty) this.nested = true;
        return { kind: 'Property', shape: child };
      }
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
      case 'Not': return { kind: 'Not', shape: this.link(shape, value('not')) };
      case 'Node':
        this.hasNode = true;
        return { kind: 'Node', shape: this.link(shape, value('node')) };
      case 'And':
        // In a property shape rdf-validate-shacl checks the focus node against each member with the path put
        // on it, not each value node: not mirrored here.
        if (isProperty) throw new Unsupported('sh:and in a property shape');
        return { kind: 'And', shapes: list('and').map((s) => this.link(shape, s)) };
      case 'Or': case 'Xone':
        return { kind: name, shapes: list(name.toLowerCase()).map((s) => this.link(shape, s)) };
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
                siblings.push(this.link(shape, q));
              }
            }
          }
        }
        return { kind: name, shape: this.link(shape, qualified), limit: limitTerm.termType === 'Literal' ? Number(limitTerm.value) : null, siblings };
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

  /** rdf-validate-shacl's message: the shape's sh:message, else the component's default, with {$param} filled in. */
  private message(name: string, specs: readonly string[], get: (p: string) => Term | undefined, isProperty: boolean, shapeMessages: readonly Term[], inValues: readonly Term[]): string | null {
    let messages: string[] = shapeMessages.map((m) => m.value);
    if (messages.length === 0) {
      const fallback = DEFAULT_MESSAGES[name]?.[isProperty ? 1 : 0];
      messages = fallback ? [fallback] : [];
    }
    if (messages.length === 0) messages = objectsOf(this.store, DataFactory.namedNode(`${SH}${name}ConstraintComponent`), `${SH}message`).map((m) => m.value);
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
}

function isTrue(term: Term): boolean {
  return term.termType === 'Literal' && term.value === 'true' && (term as Literal).datatype.value === XSD_BOOLEAN;
}
