// **iri** mints entity IRIs from data ids: one rule, in one place, so an IRI never changes while its id stays.
import { ID } from '../vocab.js';

/** `https://w3id.org/pharmald/id/{segment}/{id}`, e.g. `…/id/drug/ketamine`; the segment is the entity's (its subject). */
export function mintIri(segment: string, id: string): string {
  return `${ID}${segment}/${id}`;
}

/** A part of an entity, e.g. an effect of a mechanism: `…/id/mechanism/{id}/effect/{process}`. */
export function mintPartIri(owner: string, segment: string, key: string): string {
  return `${owner}/${segment}/${key}`;
}
