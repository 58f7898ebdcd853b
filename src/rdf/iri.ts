// **iri** mints entity IRIs from data ids: one rule, in one place, so an IRI never changes while its id stays.
import { ID } from '../vocab.js';
import type { EntityKind } from '../model/schema.js';

/** `https://w3id.org/pharmald/id/{kind}/{id}`, e.g. `…/id/drug/ketamine`. */
export function mintIri(kind: EntityKind, id: string): string {
  return `${ID}${kind}/${id}`;
}

/** A part of an entity, e.g. an effect of a mechanism: `…/id/mechanism/{id}/effect/{process}`. */
export function mintPartIri(owner: string, part: 'effect' | 'affinity' | 'caveat', key: string): string {
  return `${owner}/${part}/${key}`;
}
