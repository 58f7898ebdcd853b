// **quads** maps a loaded model to RDF by its description: each entity gets `a` its class and one set of
// triples per field, by the field's kind; parts get IRIs of their own under their owner; derived links (drug
// actsOn target) are computed by the description's hooks, so they can never disagree with the data.
// The description is compiled once into one small emitter per field, so the mapping is a loop over plain
// functions, and the inverse lookups of the hooks come from indexes built once (a model can hold a million triples).
import type { Literal, NamedNode, Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { identifierIri } from '../identifiers.js';
import type { DeriveContext, Entity, EntityDescription, Field, ModelDescription } from '../model/description.js';
import type { LoadedModel } from '../model/model.js';
import type { Origin } from '../model/source.js';
import { mintIri, mintPartIri } from '../rdf/iri.js';
import { decimal } from '../rdf/literal.js';
import { rdf } from '../vocab.js';
import { idFieldOf, isEntity, referencingIndex } from './entities.js';
import { propertyIri } from './fields.js';

const { namedNode, literal, quad } = DataFactory;

/** The triples of a model, and the YAML origin of every subject (for messages that point at the data). */
export interface MappedModel {
  readonly quads: Quad[];
  readonly origins: ReadonlyMap<string, Origin>;
}

/** Where an entity's triples go: its subject, its owner (for parts), what its hooks may ask, its YAML origin. */
interface Scope {
  readonly subject: NamedNode;
  readonly owner: NamedNode | undefined;
  readonly context: DeriveContext;
  readonly origin: Origin | undefined;
}

/** Writes the triples of one field of an entity. */
type Emit = (entity: Entity, scope: Scope) => void;

interface Plan {
  readonly type: NamedNode;
  readonly emits: Emit[];
}

const noEntities: readonly Entity[] = [];

/** Maps a loaded model to RDF, entity by entity in the description's order; the model is read by section. */
export function modelToQuads(description: ModelDescription, loaded: Pick<LoadedModel, 'origins'> & { readonly model: object }): MappedModel {
  const sections = loaded.model as Readonly<Record<string, readonly Entity[] | undefined>>;
  const mapper = new Mapper(description, referencingIndex(description, sections));
  for (const [name, entity] of Object.entries(description.entities)) {
    if (entity.section === undefined) continue;
    const iriOf = mapper.iriOf(name);
    const id = idField(entity, name);
    for (const item of sections[entity.section] ?? noEntities) {
      mapper.entity(name, item, iriOf(String(item[id])), undefined, mapper.topLevel, loaded.origins.get(item));
    }
  }
  return { quads: mapper.quads, origins: mapper.origins };
}

/** Compiles each entity's description into emitters (once, on first use) and collects their triples. */
class Mapper {
  readonly quads: Quad[] = [];
  readonly origins = new Map<string, Origin>();
  readonly topLevel: DeriveContext;
  readonly #plans = new Map<string, Plan>();
  readonly #type = namedNode(rdf.type);

  constructor(readonly description: ModelDescription, readonly referencing: DeriveContext['referencing']) {
    this.topLevel = { owner: undefined, referencing };
  }

  /** Writes one entity (and its parts) as `iri`. */
  entity(name: string, item: Entity, iri: string, owner: NamedNode | undefined, context: DeriveContext, origin: Origin | undefined): void {
    if (origin && !this.origins.has(iri)) this.origins.set(iri, origin);
    const plan = this.#plan(name);
    const scope: Scope = { subject: namedNode(iri), owner, context, origin };
    this.quads.push(quad(scope.subject, this.#type, plan.type));
    for (const emit of plan.emits) emit(item, scope);
  }

  /** How a top-level entity's id becomes its IRI. */
  iriOf(name: string): (id: string) => string {
    const entity = entityOf(this.description, name);
    const { subject } = entity;
    if (subject.kind === 'minted') return (id) => mintIri(subject.segment, id);
    if (subject.kind === 'part') throw new Error(`${name} is a part: no id alone names it`);
    const field = entity.fields[idField(entity, name)];
    const scheme = field?.kind === 'id' ? field.scheme : undefined;
    if (scheme === undefined) throw new Error(`${name} is identified by its id field, which has no scheme`);
    return (id) => identifierIri(scheme, id);
  }

  #plan(name: string): Plan {
    let plan = this.#plans.get(name);
    if (plan) return plan;
    const entity = entityOf(this.description, name);
    plan = { type: namedNode(this.description.namespace + entity.class), emits: [] };
    // Set before the fields are compiled, so that an entity whose parts name it again compiles once.
    this.#plans.set(name, plan);
    plan.emits.push(...this.#emits(entity.fields));
    return plan;
  }

  #emits(fields: Readonly<Record<string, Field>>): Emit[] {
    return Object.entries(fields).flatMap(([name, field]) => {
      const emit = this.#emit(name, field);
      return emit ? [emit] : [];
    });
  }

  #emit(name: string, field: Field): Emit | undefined {
    const given = (entity: Entity) => entity[name];
    switch (field.kind) {
      case 'id': return undefined;
      case 'group': {
        const inner = this.#emits(field.fields);
        return (entity, scope) => {
          const group = entity[name];
          if (isEntity(group)) for (const emit of inner) emit(group, scope);
        };
      }
      case 'part': return this.#part(name, field);
      case 'derived': {
        const { derive } = field;
        return this.#values(field, (entity, scope) => derive(entity, scope.context), this.#derivedTerm(field.range));
      }
      case 'ref': {
        const { fallback } = field;
        return this.#values(field, fallback ? (entity, scope) => entity[name] ?? fallback(entity, scope.context) : given, this.#refTerm(field.entity));
      }
      case 'identifier': {
        const { scheme } = field;
        const emit = this.#values(field, given, (id) => namedNode(identifierIri(scheme, String(id))));
        if (field.literal === undefined) return emit;
        const also = this.#values(field, given, plain, field.literal);
        return (entity, scope) => {
          emit(entity, scope);
          also(entity, scope);
        };
      }
      case 'code': {
        const vocabulary = this.description.vocabularies[field.vocabulary];
        if (!vocabulary) throw new Error(`unknown vocabulary ${field.vocabulary}`);
        const terms = new Map(vocabulary.terms.map((t) => [t.code, namedNode(this.description.namespace + t.name)]));
        return this.#values(field, given, (code) => {
          const iri = terms.get(String(code));
          if (!iri) throw new Error(`unknown ${field.vocabulary} code ${String(code)}`);
          return iri;
        });
      }
      case 'text': return this.#values(field, given, text);
      case 'string': return this.#values(field, given, plain);
      case 'decimal': return this.#values(field, given, (value) => decimal(Number(value)));
      case 'integer': {
        const datatype = namedNode(field.datatype);
        return this.#values(field, given, (value) => literal(String(value), datatype));
      }
    }
  }

  /** An emitter of one triple per value (a single value or each of a list), from the subject or its owner. */
  #values(field: Field & { readonly property: string }, value: (entity: Entity, scope: Scope) => unknown, term: (value: unknown) => NamedNode | Literal, property = field.property): Emit {
    const predicate = namedNode(propertyIri(this.description, property));
    const { onOwner } = field;
    const { quads } = this;
    return (entity, scope) => {
      const subject = onOwner ? scope.owner ?? scope.subject : scope.subject;
      const values = value(entity, scope);
      if (Array.isArray(values)) for (const v of values) quads.push(quad(subject, predicate, term(v)));
      else if (values !== undefined && values !== null) quads.push(quad(subject, predicate, term(values)));
    };
  }

  #derivedTerm(range: Extract<Field, { kind: 'derived' }>['range']): (value: unknown) => NamedNode | Literal {
    if (range === 'text') return text;
    return 'class' in range ? (name) => namedNode(this.description.namespace + String(name)) : this.#refTerm(range.entity);
  }

  /** The IRI of an entity of a kind, by its id. */
  #refTerm(name: string): (id: unknown) => NamedNode {
    const iriOf = this.iriOf(name);
    return (id) => namedNode(iriOf(String(id)));
  }

  /** Parts: each with its own IRI, linked from the owner, its triples written after the link. */
  #part(name: string, field: Extract<Field, { kind: 'part' }>): Emit {
    const predicate = namedNode(propertyIri(this.description, field.property));
    const iriOf = this.#partIri(field.entity);
    const single = field.cardinality === 'one' || field.cardinality === 'optional';
    return (owner, scope) => {
      const context: DeriveContext = { owner, referencing: this.referencing };
      const { origin } = scope;
      const each = (item: unknown, index: number) => {
        if (!isEntity(item)) return;
        const iri = iriOf(item, scope.subject.value, context);
        this.quads.push(quad(scope.subject, predicate, namedNode(iri)));
        const at = origin && { file: origin.file, path: single ? [...origin.path, name] : [...origin.path, name, index] };
        this.entity(field.entity, item, iri, scope.subject, context, at);
      };
      const items = owner[name];
      if (Array.isArray(items)) items.forEach(each);
      else each(items, -1);
    };
  }

  /** A part's IRI: under its owner's by its key, or its own (a role is its ChEBI IRI). */
  #partIri(name: string): (item: Entity, owner: string, context: DeriveContext) => string {
    const entity = entityOf(this.description, name);
    const { subject } = entity;
    if (subject.kind === 'part') return (item, owner, context) => mintPartIri(owner, subject.segment, subject.key(item, context));
    const iriOf = this.iriOf(name);
    const id = idField(entity, name);
    return (item) => iriOf(String(item[id]));
  }
}

function entityOf(description: ModelDescription, name: string): EntityDescription {
  const entity = description.entities[name];
  if (!entity) throw new Error(`unknown entity ${name}`);
  return entity;
}

/** The name of the field that holds an entity's id (`id`, or a role's `chebi`). */
function idField(entity: EntityDescription, name: string): string {
  const found = idFieldOf(entity);
  if (found) return found;
  throw new Error(`${name} has no id field`);
}

const text = (value: unknown) => literal(String(value), 'en');
const plain = (value: unknown) => literal(String(value));
