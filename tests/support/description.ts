// A copy of pharmald's model description with one more field, as a contributor would add it: the tests of the
// generators check that one declaration (plus a vocabulary, when the field is a code) reaches every artefact.
import type { Field, ModelDescription, VocabularyDescription } from '../../src/model/description.js';
import { pharmald } from '../../src/model/pharmald.js';

/** pharmald with `field` added to mechanisms as `route`, and the vocabulary it draws codes from, if any. */
export function withMechanismField(field: Field, vocabulary?: VocabularyDescription): ModelDescription {
  const mechanism = pharmald.entities.mechanism;
  return {
    ...pharmald,
    entities: { ...pharmald.entities, mechanism: { ...mechanism, fields: { ...mechanism.fields, route: field } } },
    vocabularies: vocabulary ? { ...pharmald.vocabularies, route: vocabulary } : pharmald.vocabularies,
  };
}

/** A closed list of routes, for a `route` field of kind code. */
export const routes: VocabularyDescription = {
  className: 'Route', label: 'route', doc: 'How a drug is given',
  terms: [
    { code: 'intravenous', name: 'Intravenous', label: 'intravenous', definition: 'into a vein' },
    { code: 'intranasal', name: 'Intranasal', label: 'intranasal', definition: 'into the nose' },
    { code: 'oral', name: 'Oral', label: 'oral', definition: 'by mouth' },
  ],
};
