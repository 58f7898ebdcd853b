// **shapeRules** turns the model's cross-field rules into SHACL node shapes, one per rule (pldsh:{name}Shape):
// "when W then T" is sh:or ( not-W T ), with the negation written simply (present ↔ sh:maxCount 0, absent ↔
// sh:minCount 1, in ↔ no value in the list), so each rule reads as what it checks and carries its own message.
import type { Condition, EntityDescription, Field, ModelDescription } from '../model/description.js';
import { iriPattern } from '../identifiers.js';
import { decimal } from '../rdf/literal.js';
import { rdf } from '../vocab.js';
import { flatFields } from './entities.js';
import { propertyIri } from './fields.js';
import { GraphBuilder, integer, plain, type Pairs, type Value } from './graph.js';
import { portablePattern } from './regex.js';

export const SHAPES = 'https://w3id.org/pharmald/shapes#';
export const sh = (local: string): string => `http://www.w3.org/ns/shacl#${local}`;

/** A field name or path in words: `supported_by` → "supported by", `source.section` → "source section". */
export const words = (name: string): string => name.replace(/[._]/g, ' ');

/** The IRIs (codes) or literals (closed strings) of the values a field may take, for sh:in. */
export function valuesOf(description: ModelDescription, field: Field, only?: readonly string[]): Value[] {
  if (field.kind === 'code') {
    const terms = description.vocabularies[field.vocabulary]!.terms.filter((t) => !only || only.includes(t.code));
    return terms.map((t) => `${description.namespace}${t.name}`);
  }
  if (field.kind === 'string' && field.values) return field.values.filter((v) => !only || only.includes(v)).map(plain);
  throw new Error(`a rule can test the values of code and closed string fields only, not of a ${field.kind} field`);
}

/** Adds one node shape per rule of every entity. */
export function ruleShapes(description: ModelDescription, graph: GraphBuilder): void {
  for (const entity of Object.values(description.entities)) {
    for (const rule of entity.rules ?? []) {
      const condition = conditionShapes(description, entity, graph);
      graph.add(`${SHAPES}${rule.name}Shape`, [
        [rdf.type, sh('NodeShape')],
        [sh('targetClass'), `${description.namespace}${entity.class}`],
        [sh('severity'), rule.severity === 'warning' ? sh('Warning') : undefined],
        [sh('or'), graph.list([condition(rule.when, false), condition(rule.then, true)])],
        [sh('message'), plain(rule.message)],
      ]);
    }
  }
}

/** The shape of a condition (`holds`) or of its negation, on the entities of one class. */
function conditionShapes(description: ModelDescription, entity: EntityDescription, graph: GraphBuilder) {
  const fields = flatFields(entity);
  return (condition: Condition, holds: boolean): Value => {
    if ('class' in condition) {
      const cls: Pairs = [[sh('class'), `${description.namespace}${condition.class}`]];
      return holds ? graph.blank(cls) : graph.blank([[sh('not'), graph.blank(cls)]]);
    }
    const found = fields.find((f) => f.name === condition.field);
    if (!found || !('property' in found.field)) throw new Error(`rule on ${entity.label}: no field ${condition.field} with a property`);
    const { field } = found;
    const path = propertyIri(description, field.property);
    const shared = fields.some((f) => f.field !== field && 'property' in f.field && f.field.property === field.property);
    // Several fields on one property: a value is this field's when it has this field's form.
    const qualifier = 'in' in condition ? graph.blank([[sh('in'), graph.list(valuesOf(description, field, condition.in))]])
      : 'from' in condition ? graph.blank([[sh('minInclusive'), decimal(condition.from)], [sh('maxInclusive'), decimal(condition.to)]])
      : shared ? graph.blank(qualifierOf(field)) : undefined;
    const present = !('is' in condition) || condition.is === 'present' ? holds : !holds;
    const count: Pairs = qualifier
      ? [[sh('qualifiedValueShape'), qualifier], present ? [sh('qualifiedMinCount'), integer(1)] : [sh('qualifiedMaxCount'), integer(0)]]
      : [present ? [sh('minCount'), integer(1)] : [sh('maxCount'), integer(0)]];
    return graph.blank([[sh('path'), path], ...count]);
  };
}

function qualifierOf(field: Field): Pairs {
  if (field.kind === 'identifier') return [[sh('pattern'), plain(portablePattern(iriPattern(field.scheme)))]];
  throw new Error(`a rule on a ${field.kind} field that shares its property with another field`);
}
