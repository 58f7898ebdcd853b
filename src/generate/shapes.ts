// **shapes** generates the SHACL shapes (SHACL Core only) of the model from its description: one node shape per
// class (pldsh:{Class}Shape) with a property shape per field, each with its sh:name (the YAML field) and one
// sh:message; the rules as shapes of their own (shapeRules.ts). A group's fields are the entity's own; a part's
// onOwner fields are its owner's; entities that share a class (a caveat, a screen) share its shape, which
// accepts what either may be (per path, the lowest minimum and the highest maximum).
import type { Quad } from '@rdfjs/types';
import { iriPattern, schemes, type SchemeName } from '../identifiers.js';
import type { EntityDescription, Field, ModelDescription } from '../model/description.js';
import { prefixes, rdf, rdfs, xsd } from '../vocab.js';
import { flatFields, idFieldOf } from './entities.js';
import { propertyIri } from './fields.js';
import { GraphBuilder, integer, plain, text, typed, type Value } from './graph.js';
import { integerRangePattern, portablePattern } from './regex.js';
import { ruleShapes, sh, SHAPES, words } from './shapeRules.js';

export { SHAPES };

/** A constraint on each value: a parameter and its value (a list for sh:in). */
type Constraint = readonly [parameter: string, value: Value | { readonly list: readonly Value[] }];

/** What one field (or several, merged) says about the values of one path of an entity. */
interface Slot {
  readonly path: string;
  readonly names: readonly string[];
  readonly entities: readonly string[];
  readonly min: number;
  readonly max: number | undefined;
  /** What each value must be, for the message ("a pld:Drug"). */
  readonly what: string;
  readonly constraints: readonly Constraint[];
  /** The counts are of the values that meet the constraints (a target's one target type among its classes). */
  readonly qualified?: true;
  /** Identifier schemes whose IRIs the values may be (several fields on skos:exactMatch share one shape). */
  readonly schemes?: readonly SchemeName[];
  /** A warning with this message (warnIfMissing). */
  readonly warning?: string;
}

export function shapesQuads(description: ModelDescription): Quad[] {
  const graph = new GraphBuilder('shape');
  for (const [cls, { entities, slots }] of classSlots(description)) {
    const first = entities[0]!;
    const subject = first.subject.kind === 'identifier' ? identifierSubject(first) : undefined;
    graph.add(`${SHAPES}${cls}Shape`, [
      [rdf.type, sh('NodeShape')],
      [sh('targetClass'), `${description.namespace}${cls}`],
      [rdfs.label, text(first.classLabel ?? first.label)],
      ...(subject ? [[sh('nodeKind'), sh('IRI')], [sh('pattern'), plain(portablePattern(iriPattern(subject)))],
        [sh('message'), plain(`${sentence(first.label)} must be the canonical IRI of ${article(schemes[subject].name)} identifier`)]] as const : []),
      ...merged(slots).map((slot) => [sh('property'), propertyShape(graph, slot)] as const),
    ]);
  }
  ruleShapes(description, graph);
  return graph.quads;
}

function identifierSubject(entity: EntityDescription): SchemeName {
  const id = entity.fields[idFieldOf(entity) ?? ''];
  if (id?.kind !== 'id' || !id.scheme) throw new Error(`${entity.label}: an identifier subject needs an id field with a scheme`);
  return id.scheme;
}

/** Every class's entities and the slots of their fields, in the description's order. */
function classSlots(description: ModelDescription): Map<string, { entities: EntityDescription[]; slots: Slot[] }> {
  const classes = new Map<string, { entities: EntityDescription[]; slots: Slot[] }>();
  const of = (entity: EntityDescription) => {
    const known = classes.get(entity.class) ?? { entities: [], slots: [] };
    classes.set(entity.class, known);
    return known;
  };
  for (const entity of Object.values(description.entities)) {
    const own = of(entity);
    own.entities.push(entity);
    for (const { name, field, inGroup } of flatFields(entity)) {
      if (field.onOwner) continue;
      const required = !inGroup || inGroup.cardinality === 'one' || inGroup.cardinality === 'some';
      own.slots.push(...fieldSlots(description, entity.label, name, field, required));
      if (field.kind !== 'part') continue;
      const part = description.entities[field.entity]!;
      for (const { name: inner, field: onOwner } of flatFields(part).filter((f) => f.field.onOwner)) {
        own.slots.push(...fieldSlots(description, entity.label, `${name}.${inner}`, onOwner, false));
      }
    }
  }
  return classes;
}

/** The slots of one field: its values, and a warning when it is missing and should not be. */
function fieldSlots(description: ModelDescription, entity: string, name: string, field: Field, required: boolean): Slot[] {
  if (field.kind === 'id' || field.kind === 'group') return [];
  if (field.kind === 'derived' && typeof field.range === 'object' && 'class' in field.range) return []; // a class of the entity's own
  const path = propertyIri(description, field.property);
  const [min, max] = ({ one: [1, 1], optional: [0, 1], many: [0, undefined], some: [1, undefined] } as const)[field.cardinality];
  const base = { path, names: [name], entities: [entity], min: required ? min : 0, max };
  const slots: Slot[] = [{ ...base, ...values(description, field) }];
  if (field.warnIfMissing) slots.push({ ...base, min: 1, max: undefined, what: '', constraints: [], warning: field.warnIfMissing });
  if (field.kind === 'identifier' && field.literal) {
    const scheme = schemes[field.scheme];
    slots.push({
      ...base, path: propertyIri(description, field.literal), what: `a ${scheme.name} identifier (e.g. ${scheme.example})`,
      constraints: [[sh('datatype'), xsd.string], [sh('pattern'), plain(portablePattern(scheme.pattern.source))]],
    });
  }
  return slots;
}

/** What each value of a field must be: the constraints, and the words for them. */
function values(description: ModelDescription, field: Field): Pick<Slot, 'what' | 'constraints' | 'qualified' | 'schemes'> {
  const cls = (name: string) => ({ what: `a pld:${name}`, constraints: [[sh('class'), `${description.namespace}${name}`]] as const });
  switch (field.kind) {
    case 'text': return textValues(description);
    case 'string': {
      const rule = field.rule ? [[sh('pattern'), plain(portablePattern(field.rule.pattern))] as const] : [];
      if (field.values) return { what: or(field.values.map((v) => JSON.stringify(v))), constraints: [[sh('in'), { list: field.values.map(plain) }]] };
      return { what: `a plain string${field.rule ? ` that ${field.rule.message}` : ''}`, constraints: [[sh('datatype'), xsd.string], ...rule] };
    }
    case 'integer': {
      const range = field.min !== undefined && field.max !== undefined;
      const datatype = field.datatype.replace(prefixes.xsd, 'xsd:');
      return {
        what: `${article(datatype)}${range ? ` from ${field.min} to ${field.max}` : ''}`,
        // A range by the digits: the validators do not agree on comparing xsd:gYear values.
        constraints: [[sh('datatype'), field.datatype], ...(range ? [[sh('pattern'), plain(integerRangePattern(field.min!, field.max!))] as const] : [])],
      };
    }
    case 'decimal':
      return {
        what: field.positive ? 'a positive xsd:decimal' : 'an xsd:decimal',
        constraints: [[sh('datatype'), xsd.decimal], ...(field.positive ? [[sh('minExclusive'), typed('0.0', xsd.decimal)] as const] : [])],
      };
    case 'code': {
      const vocabulary = description.vocabularies[field.vocabulary]!;
      const what = `${article(vocabulary.label)} (${vocabulary.terms.length <= 6 ? or(vocabulary.terms.map((t) => t.label)) : `a term of pld:${vocabulary.className}`})`;
      const constraints = [[sh('in'), { list: vocabulary.terms.map((t) => `${description.namespace}${t.name}`) }]] as const;
      return field.property === 'type' ? { what, constraints, qualified: true } : { what, constraints };
    }
    case 'ref': case 'part': return cls(description.entities[field.entity]!.class);
    case 'identifier': return { what: '', constraints: [], schemes: [field.scheme] };
    case 'derived': return field.range === 'text' ? textValues(description) : cls(description.entities[(field.range as { entity: string }).entity]!.class);
    default: throw new Error(`no values for a ${field.kind} field`);
  }
}

function textValues(description: ModelDescription): Pick<Slot, 'what' | 'constraints'> {
  const rules = description.textRules.filter((r) => r.shacl !== false);
  return {
    what: `a text with a language tag${rules.length > 0 ? ` that ${and(rules.map((r) => r.message))}` : ''}`,
    constraints: [[sh('datatype'), rdf.langString], ...rules.map((r) => [sh('pattern'), plain(portablePattern(r.pattern))] as const)],
  };
}

/** The slots of a class with one per path (and kind of check): merged as the class's shape must accept them. */
function merged(slots: readonly Slot[]): Slot[] {
  const byKey = new Map<string, Slot>();
  for (const slot of slots) {
    const key = `${slot.path} ${slot.warning ?? ''} ${slot.qualified ?? ''}`;
    const known = byKey.get(key);
    if (!known) { byKey.set(key, slot); continue; }
    const unique = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
    const sameEntity = known.entities.length === 1 && known.entities[0] === slot.entities[0];
    if (known.schemes && slot.schemes) {
      byKey.set(key, { ...known, names: unique(known.names, slot.names), min: Math.max(known.min, slot.min), max: undefined, schemes: [...known.schemes, ...slot.schemes] });
    } else if (!sameEntity && JSON.stringify(known.constraints) === JSON.stringify(slot.constraints)) {
      const max = known.max === undefined || slot.max === undefined ? undefined : Math.max(known.max, slot.max);
      byKey.set(key, { ...known, names: unique(known.names, slot.names), entities: unique(known.entities, slot.entities), min: Math.min(known.min, slot.min), max });
    } else {
      throw new Error(`${slot.entities.join(', ')}: ${known.names.join(', ')} and ${slot.names.join(', ')} give ${slot.path} values that no one shape can check`);
    }
  }
  return [...byKey.values()];
}

function propertyShape(graph: GraphBuilder, slot: Slot): Value {
  const constraints: readonly Constraint[] = slot.schemes
    ? [[sh('nodeKind'), sh('IRI')], [sh('pattern'), plain(portablePattern(iriPattern(...slot.schemes)))]]
    : slot.constraints;
  const pairs = constraints.map(([p, v]) => [p, typeof v === 'object' && 'list' in v ? graph.list(v.list) : v] as const);
  const counts = (prefix: string) => [
    [sh(`${prefix}inCount`), slot.min > 0 ? integer(slot.min) : undefined],
    [sh(`${prefix}axCount`), slot.max !== undefined ? integer(slot.max) : undefined],
  ] as const;
  return graph.blank([
    [sh('path'), slot.path],
    [sh('name'), plain(name(slot.names))],
    ...(slot.qualified ? [[sh('qualifiedValueShape'), graph.blank(pairs)] as const, ...counts('qualifiedM')] : [...pairs, ...counts('m')]),
    [sh('severity'), slot.warning ? sh('Warning') : undefined],
    [sh('message'), plain(slot.warning ?? message(slot))],
  ]);
}

/** The YAML name of what a shape checks: the field, or the group its fields are in, or the fields. */
function name(names: readonly string[]): string {
  const groups = new Set(names.map((n) => n.split('.')[0]));
  return names.length > 1 && groups.size === 1 && names.every((n) => n.includes('.')) ? [...groups][0]! : names.join(' or ');
}

function message(slot: Slot): string {
  const entity = sentence(slot.entities[0]!); // entities that share a class are named by the first
  const field = words(name(slot.names));
  const what = slot.schemes ? `the canonical IRI of ${article(or(slot.schemes.map((s) => schemes[s].name)))} identifier` : slot.what;
  if (slot.max === 1) return slot.min === 1 ? `${entity} needs exactly one ${field}, ${what}` : `${entity} has at most one ${field}, ${what}`;
  return slot.min > 0 ? `${entity} needs at least one of "${field}", each ${what}` : `${entity}'s "${field}" must each be ${what}`;
}

const article = (noun: string) => `${/^([aeio]|xsd:)/i.test(noun) ? 'an' : 'a'} ${noun}`;
const sentence = (noun: string) => article(noun).replace(/^a/, 'A');
const list = (word: string) => (items: readonly string[]) =>
  (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`);
const or = list('or');
const and = list('and');
