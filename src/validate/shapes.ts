// **shapes** compiles a SHACL shapes graph once into plain objects (shapes with their path, severity and
// constraints), reading it as rdf-validate-shacl does: which shapes have targets, one constraint per parameter
// value, the same messages. What it does not mirror it refuses with Unsupported (validate() falls back).
import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { COMPONENTS, constraintMessage, parameterOf, PROPERTY_ONLY, SH } from './components.js';
import { compileCheck, type Check, type ShapeLinks } from './constraints.js';
import { parsePath, type Path } from './paths.js';
import { Unsupported, listItems } from './shapes-graph.js';
import { termKey } from './terms.js';

export type { Check } from './constraints.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

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
  /** Whether a (focus node, shape) pair can be checked twice, so rdf-validate-shacl's limit must be counted. */
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

class Compiler implements ShapeLinks {
  private readonly shapes = new Map<string, CompiledShape>();
  /** shape key → how many times one engine can reach it: once per sh:property pointing to it, once if targeted.
   *  (sh:not, sh:or, sh:qualifiedValueShape… check their shape in a fresh engine, so they do not count.) */
  private readonly references = new Map<string, number>();
  private readonly edges = new Map<string, string[]>();
  private nested = false;
  private hasNode = false;

  constructor(readonly store: Store) {}

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
      const targets: Targets = {
        implicitClass: store.getObjects(node, RDF_TYPE, null).some((t) => classTypes.has(termKey(t))),
        classes: store.getObjects(node, `${SH}targetClass`, null),
        nodes: store.getObjects(node, `${SH}targetNode`, null),
        subjectsOf: store.getObjects(node, `${SH}targetSubjectsOf`, null).map((t) => t.value),
        objectsOf: store.getObjects(node, `${SH}targetObjectsOf`, null).map((t) => t.value),
      };
      if (!targets.implicitClass && !targets.classes.length && !targets.nodes.length && !targets.subjectsOf.length && !targets.objectsOf.length) continue;
      out.push({ shape: this.shape(node), targets });
      this.references.set(termKey(node), (this.references.get(termKey(node)) ?? 0) + 1);
    }
    return out;
  }

  /** The predicate IRIs of every compiled path and predicate parameter. */
  vocabulary(): string[] {
    const out = new Set<string>();
    const walk = (path: Path | null): void => {
      if (!path) return;
      if ('iri' in path) out.add(path.iri);
      else ('steps' in path ? path.steps : 'options' in path ? path.options : [path.inner]).forEach(walk);
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

  private subclassesInShapes(cls: Term): Set<string> {
    const found = new Map([[termKey(cls), cls]]);
    for (const c of found.values()) {
      for (const sub of this.store.getSubjects(`${RDFS}subClassOf`, c, null)) if (!found.has(termKey(sub))) found.set(termKey(sub), sub);
    }
    return new Set(found.keys());
  }

  /** The compiled shape of a node (once per node). */
  shape(node: Term): CompiledShape {
    const key = termKey(node);
    const known = this.shapes.get(key);
    if (known) return known;
    const { store } = this;
    const paths = store.getObjects(node, `${SH}path`, null);
    if (paths.length > 1) throw new Unsupported('a shape with several sh:path');
    const severities = store.getObjects(node, `${SH}severity`, null);
    const deactivated = store.getObjects(node, `${SH}deactivated`, null);
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
    const inLists = store.getObjects(node, `${SH}in`, null);
    if (inLists.length > 1) throw new Unsupported('a shape with several sh:in');
    const inValues = inLists[0] ? listItems(store, inLists[0]) : [];
    const messages = store.getObjects(node, `${SH}message`, null);
    const handled = new Set<string>();
    for (const quad of store.getQuads(node, null, null, null)) {
      const name = parameterOf.get(quad.predicate.value)?.component;
      if (!name || handled.has(name)) continue;
      handled.add(name);
      const specs = COMPONENTS[name]!;
      // The cartesian product of the parameters' values (a missing one as undefined), as rdf-validate-shacl builds it.
      let combos: (Term | undefined)[][] = [[]];
      for (const p of specs) {
        const vs = store.getObjects(node, `${SH}${p.replace('?', '')}`, null);
        combos = combos.flatMap((c) => (vs.length ? vs.map((v) => [...c, v]) : [[...c, undefined]]));
      }
      for (const combo of combos) {
        if (specs.some((p, i) => !p.endsWith('?') && combo[i] === undefined)) continue;
        if (PROPERTY_ONLY.has(name) && !isProperty) throw new Unsupported(`sh:${specs[0]} in a node shape`);
        const get = (p: string): Term | undefined => combo[specs.findIndex((s) => s.replace('?', '') === p)];
        const check = compileCheck(this, name, get, shape, isProperty);
        shape.constraints.push({
          check,
          component: DataFactory.namedNode(`${SH}${name}ConstraintComponent`),
          message: constraintMessage(store, name, specs, get, isProperty, messages, inValues),
        });
      }
    }
    return shape;
  }

  link(from: CompiledShape, to: Term): CompiledShape {
    this.edges.get(termKey(from.term))!.push(termKey(to));
    return this.shape(to);
  }

  property(from: CompiledShape, to: Term, nested: boolean): CompiledShape {
    const child = this.link(from, to);
    this.references.set(termKey(to), (this.references.get(termKey(to)) ?? 0) + 1);
    if (nested) this.nested = true;
    return child;
  }

  node(from: CompiledShape, to: Term): CompiledShape {
    this.hasNode = true;
    return this.link(from, to);
  }
}
