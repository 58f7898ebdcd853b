// **ontology** generates the OWL/RDFS ontology and the SKOS vocabularies of the model (ontology/pharmald.ttl)
// from its description: the header, a class per entity class and extra class, the target types as subclasses of
// pld:Target, every property with its domain and range as the fields that use it give them, and each controlled
// vocabulary as SKOS concepts in a scheme with their codes, definitions and mappings.
import type { BlankNode, Quad } from '@rdfjs/types';
import type { EntityDescription, Field, ModelDescription, VocabularyDescription } from '../model/description.js';
import { dcterms, owl, rdf, rdfs, skos, xsd } from '../vocab.js';
import { flatFields } from './entities.js';
import { describedProperties, precisionProperty, propertyIri } from './fields.js';
import { GraphBuilder, plain, text, type Pairs } from './graph.js';

export const RDF_PROPERTY = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#Property';

/** How the fields use a property: object or datatype, on which classes, with which values. */
export interface Usage {
  readonly kind: 'object' | 'datatype';
  readonly domain: string;
  readonly range: string | undefined;
}

export function ontologyQuads(description: ModelDescription): Quad[] {
  const graph = new GraphBuilder('b');
  const ns = description.namespace;
  const { iri, title, description: about, version } = description.ontology;
  const definedBy = [rdfs.isDefinedBy, iri] as const;
  graph.add(iri, [[rdf.type, owl.Ontology], [rdfs.label, text(title)], [dcterms.title, text(title)], [dcterms.description, text(about)], [owl.versionInfo, plain(version)]]);

  const declared = new Set<string>();
  const declareClass = (name: string, label: string, comment: string, superclasses: readonly string[] = [], types: readonly string[] = [], more: Pairs = []) => {
    if (declared.has(name)) return;
    declared.add(name);
    graph.add(`${ns}${name}`, [
      ...[owl.Class, ...types].map((t) => [rdf.type, t] as const),
      ...superclasses.map((s) => [rdfs.subClassOf, s.includes(':') ? s : `${ns}${s}`] as const),
      [rdfs.label, text(label)], [rdfs.comment, text(comment)], ...more, definedBy,
    ]);
  };
  for (const entity of Object.values(description.entities)) declareClass(entity.class, entity.classLabel ?? entity.label, entity.doc, entity.subClassOf);
  for (const [name, c] of Object.entries(description.classes ?? {})) declareClass(name, c.label, c.comment, c.subClassOf);
  const vocabularies = Object.values(description.vocabularies);
  for (const v of vocabularies.filter((v) => v.termsAreSubclassesOf)) {
    declareClass(v.className, v.label, v.doc);
    for (const term of v.terms) {
      declareClass(term.name, term.label, term.definition, term.subClassOf ?? [v.termsAreSubclassesOf!], [`${ns}${v.className}`], [[skos.notation, plain(term.code)]]);
    }
  }

  const usages = propertyUsages(description);
  const properties = Object.entries(describedProperties(description)).filter(([, p]) => p.declare !== false);
  for (const kind of ['object', 'datatype'] as const) {
    for (const [name, property] of properties) {
      const used = usages.get(name) ?? [];
      if (used.length === 0) throw new Error(`property ${name} is declared but no field or mapping uses it`);
      if (used.some((u) => u.kind !== used[0]!.kind)) throw new Error(`property ${name} is used for objects and for literals`);
      if (used[0]!.kind !== kind) continue;
      const pairs: Pairs = [[rdf.type, kind === 'object' ? owl.ObjectProperty : owl.DatatypeProperty], [rdfs.label, text(property.label)], [rdfs.comment, text(property.comment)]];
      if (property.iri) {
        // Another ontology's property: domain and range are its own to give; ours would be claims about all its uses.
        graph.add(property.iri, [...pairs, [rdfs.isDefinedBy, property.definedBy]]);
        continue;
      }
      const ranges = property.range ? [`${ns}${property.range}`] : used.flatMap((u) => (u.range ? [u.range] : []));
      graph.add(`${ns}${name}`, [
        ...pairs,
        [rdfs.domain, union(graph, used.map((u) => u.domain))],
        [rdfs.range, ranges.length > 0 ? union(graph, ranges) : undefined],
        [owl.inverseOf, property.inverseOf ? propertyIri(description, property.inverseOf) : undefined],
        definedBy,
      ]);
    }
  }
  for (const v of vocabularies.filter((v) => !v.termsAreSubclassesOf)) conceptScheme(graph, description, v);
  return graph.quads;
}

/** One class, or the union of several (a property several classes use). */
function union(graph: GraphBuilder, classes: readonly string[]): string | BlankNode {
  const unique = [...new Set(classes)];
  return unique.length === 1 ? unique[0]! : graph.blank([[rdf.type, owl.Class], [owl.unionOf, graph.list(unique)]]);
}

/** A SKOS vocabulary: its class (a kind of skos:Concept), its scheme, its terms with codes and mappings. */
function conceptScheme(graph: GraphBuilder, description: ModelDescription, v: VocabularyDescription): void {
  const ns = description.namespace;
  const cls = `${ns}${v.className}`;
  const scheme = v.scheme ? `${cls}Scheme` : undefined;
  graph.add(cls, [[rdf.type, owl.Class], [rdfs.subClassOf, skos.Concept], [rdfs.label, text(v.label)], [rdfs.comment, text(v.doc)], [rdfs.isDefinedBy, description.ontology.iri]]);
  if (scheme) graph.add(scheme, [[rdf.type, skos.ConceptScheme], [rdfs.label, text(v.scheme!.label)], [rdfs.comment, text(v.scheme!.comment)]]);
  for (const term of v.terms) {
    graph.add(`${ns}${term.name}`, [
      [rdf.type, cls], [rdf.type, skos.Concept], [skos.inScheme, scheme],
      [rdfs.label, text(term.label)], [skos.prefLabel, text(term.label)], [skos.notation, plain(term.code)],
      [skos.definition, text(term.definition)], [skos.scopeNote, term.scopeNote === undefined ? undefined : text(term.scopeNote)],
      ...(term.mappings ?? []).map((m) => [propertyIri(description, m.property), plain(m.value)] as const),
      // How close each mapping is, as data: e.g. pld:Potentiation pld:broadMapping pld:chemblActionType.
      ...(term.mappings ?? []).map((m) => [propertyIri(description, precisionProperty(m)), propertyIri(description, m.property)] as const),
    ]);
  }
}

/** Property name → how the fields (and the vocabularies' mappings) use it. */
export function propertyUsages(description: ModelDescription): Map<string, Usage[]> {
  const usages = new Map<string, Usage[]>();
  const use = (property: string, usage: Usage) => usages.set(property, [...(usages.get(property) ?? []), usage]);
  const ns = description.namespace;
  const entities = Object.values(description.entities);
  for (const entity of entities) {
    const owner = entities.find((e) => Object.values(e.fields).some((f) => f.kind === 'part' && description.entities[f.entity] === entity));
    for (const { name, field } of flatFields(entity)) {
      const usage = usageOf(description, field);
      if (!usage || !('property' in field)) continue;
      const on = field.onOwner && owner ? owner : entity;
      use(field.property, { ...usage, domain: `${ns}${domainOf(on, name)}` });
      if (field.kind === 'identifier' && field.literal) use(field.literal, { kind: 'datatype', domain: `${ns}${entity.class}`, range: xsd.string });
    }
  }
  for (const v of Object.values(description.vocabularies)) {
    for (const m of v.terms.flatMap((t) => t.mappings ?? [])) {
      use(m.property, { kind: 'datatype', domain: `${ns}${v.className}`, range: xsd.string });
      use(precisionProperty(m), { kind: 'object', domain: `${ns}${v.className}`, range: RDF_PROPERTY });
    }
  }
  return usages;
}

/** A field's class: its entity's, or the class a rule says every entity with the field has (only a complex has subunits). */
function domainOf(entity: EntityDescription, field: string): string {
  const rule = entity.rules?.find((r) => 'field' in r.when && r.when.field === field && 'is' in r.when && r.when.is === 'present' && 'class' in r.then);
  return rule && 'class' in rule.then ? rule.then.class : entity.class;
}

function usageOf(description: ModelDescription, field: Field): Omit<Usage, 'domain'> | undefined {
  const classOf = (entity: string) => `${description.namespace}${description.entities[entity]!.class}`;
  switch (field.kind) {
    case 'text': return { kind: 'datatype', range: rdf.langString };
    case 'string': return { kind: 'datatype', range: xsd.string };
    case 'integer': return { kind: 'datatype', range: field.datatype };
    case 'decimal': return { kind: 'datatype', range: xsd.decimal };
    case 'code': return field.property === 'type' ? undefined : { kind: 'object', range: `${description.namespace}${description.vocabularies[field.vocabulary]!.className}` };
    case 'ref': case 'part': return { kind: 'object', range: classOf(field.entity) };
    case 'identifier': return { kind: 'object', range: undefined };
    case 'derived':
      if (field.range === 'text') return { kind: 'datatype', range: rdf.langString };
      return 'entity' in field.range ? { kind: 'object', range: classOf(field.range.entity) } : undefined;
    default: return undefined;
  }
}
