// The model → quads mapping and the field-of-predicate map, generated from the description: a field added to a
// copy of the description is mapped and reported with no other change; and the generic cases (parts, groups,
// onOwner fields, identifier subjects, derived links, fallbacks) give the triples the data means.
import { describe, expect, it } from 'vitest';
import { fieldsOfPredicate } from '../src/generate/fields.js';
import { modelToQuads } from '../src/generate/quads.js';
import type { Entity, Field, ModelDescription } from '../src/model/description.js';
import { pharmald } from '../src/model/pharmald.js';
import type { Origin } from '../src/model/source.js';
import { quadToNTriples } from '../src/serialize/ntriples.js';
import { routes, withMechanismField } from './support/description.js';

const PLD = 'https://w3id.org/pharmald/vocab#';
const ID = 'https://w3id.org/pharmald/id/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const COMMENT = 'http://www.w3.org/2000/01/rdf-schema#comment';
const EXACT_MATCH = 'http://www.w3.org/2004/02/skos/core#exactMatch';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

const iri = (value: string) => `<${value}>`;
const pld = (name: string) => iri(PLD + name);
const id = (path: string) => iri(ID + path);
const en = (text: string) => `${JSON.stringify(text)}@en`;
const triple = (s: string, p: string, o: string) => `${s} ${p} ${o} .`;

/** pharmald's description with one more optional mechanism field, `route` (a code of a new vocabulary). */
const withRoute = withMechanismField({ kind: 'code', vocabulary: 'route', cardinality: 'optional', property: 'route', doc: 'How the drug is given' }, routes);

const sections = {
  drugs: [{
    id: 'd1', label: 'Drug one', drug_classes: ['anaesthetic'], identifiers: { chebi: 'CHEBI:6121', atc: ['N01AX03', 'N01AX14'] },
    roles: [{ chebi: 'CHEBI:38877', label: 'anaesthetic' }], uses: ['u1'],
    no_appreciable_binding: { targets: ['t2', 't3'], reference: 'r1', note: 'None below 10 µM' },
  }],
  targets: [
    { id: 't1', label: 'Complex one', type: 'ligand-gated-ion-channel', grouping: 'complex', subunits: ['t2'] },
    { id: 't2', label: 'Subunit two', type: 'receptor', gene: 'GRIN2B', identifiers: { uniprot: 'Q13224' } },
    { id: 't3', label: 'Enzyme three', type: 'enzyme' },
  ],
  systems: [{ id: 's1', label: 'System one', uberon: 'UBERON:0001017' }, { id: 's2', label: 'System two', part_of: 's1' }],
  processes: [{ id: 'p1', label: 'Process one', occurs_in: ['s1'] }],
  clinical_uses: [{ id: 'u1', label: 'Use one', chebi_role: 'CHEBI:38877' }],
  references: [{ id: 'r1', label: 'Ref one', type: 'review', year: 2015, pmid: '26075331', doi: '10.1111/bph.13222' }],
  mechanisms: [
    {
      id: 'm1', label: 'Mech one', drug: 'd1', target: 't1', action: 'channel-blocker', directness: 'direct', certainty: 'established',
      systems: ['s1', 's2'], source: { reference: 'r1', section: '1a' }, route: 'intravenous',
      effects: [{ process: 'p1', label: 'Effect one', direction: 'decreased', valence: 'therapeutic' }],
      affinities: [
        { measure: 'pKi', value: 7, uncertainty: 0.25, reference: 'r1' },
        { target: 't2', measure: 'Ki', value: 0.000012, unit: 'uM', species: 'rat', reference: 'r1' },
      ],
      caveats: [{ id: 'weak', text: 'Only in vitro', references: ['r1'] }],
    },
    {
      id: 'm2', label: 'Mech two', drug: 'd1', directness: 'indirect', certainty: 'possible', systems: ['s2'], downstream_of: ['m1'],
      effects: [{ process: 'p1', label: 'Effect two', direction: 'increased', valence: 'adverse' }],
    },
  ],
} satisfies Record<string, Entity[]>;

const origins = new Map<object, Origin>(
  Object.entries(sections).flatMap(([section, items]) => items.map((item, i): [object, Origin] => [item, { file: 'data/x.yaml', path: [section, i] }])),
);

const map = (description: ModelDescription, model: object = sections) => {
  const mapped = modelToQuads(description, { model, origins });
  return { lines: new Set(mapped.quads.map(quadToNTriples)), origins: mapped.origins };
};

describe('a field added to a copy of the description', () => {
  const { lines } = map(withRoute);

  it('is mapped: the mechanism with a route has pld:route to its term, the other none', () => {
    expect(lines).toContain(triple(id('mechanism/m1'), pld('route'), pld('Intravenous')));
    expect([...lines].filter((l) => l.includes(pld('route')))).toHaveLength(1);
  });

  it('is reported: its predicate comes from the field `route`, and pharmald itself is unchanged', () => {
    expect(fieldsOfPredicate(withRoute)[PLD + 'route']).toEqual(['route']);
    expect(fieldsOfPredicate(pharmald)[PLD + 'route']).toBeUndefined();
    expect(map(pharmald).lines.size).toBe(lines.size - 1);
  });
});

describe('modelToQuads', () => {
  const { lines, origins: mappedOrigins } = map(pharmald);
  const m1 = id('mechanism/m1');

  it('types every entity with its class, and writes texts in English, strings plain, numbers typed', () => {
    expect(lines).toContain(triple(id('drug/d1'), iri(RDF_TYPE), pld('Drug')));
    expect(lines).toContain(triple(id('drug/d1'), iri(LABEL), en('Drug one')));
    expect(lines).toContain(triple(id('drug/d1'), pld('drugClass'), en('anaesthetic')));
    expect(lines).toContain(triple(id('target/t2'), pld('geneSymbol'), '"GRIN2B"'));
    expect(lines).toContain(triple(id('reference/r1'), pld('year'), `"2015"^^${iri(XSD + 'gYear')}`));
    expect(lines).toContain(triple(id('reference/r1'), pld('referenceType'), pld('Review')));
  });

  it('maps a code with the property `type` to an rdf:type, and a derived class range to pld:{name}', () => {
    expect(lines).toContain(triple(id('target/t1'), iri(RDF_TYPE), pld('LigandGatedIonChannel')));
    expect(lines).toContain(triple(id('target/t1'), iri(RDF_TYPE), pld('ProteinComplex')));
    expect(lines).not.toContain(triple(id('target/t2'), iri(RDF_TYPE), pld('ProteinComplex')));
  });

  it('flattens groups into the entity: identifiers and the source', () => {
    expect(lines).toContain(triple(id('drug/d1'), iri(EXACT_MATCH), iri('http://purl.obolibrary.org/obo/CHEBI_6121')));
    expect(lines).toContain(triple(id('drug/d1'), iri(EXACT_MATCH), iri('https://identifiers.org/atc:N01AX14')));
    expect(lines).toContain(triple(id('target/t2'), iri(EXACT_MATCH), iri('http://purl.uniprot.org/uniprot/Q13224')));
    expect(lines).toContain(triple(m1, pld('derivedFrom'), id('reference/r1')));
    expect(lines).toContain(triple(m1, pld('sourceSection'), '"1a"'));
  });

  it('writes an identifier with `literal` both as its IRI and as a plain literal', () => {
    expect(lines).toContain(triple(id('reference/r1'), iri(EXACT_MATCH), iri('https://identifiers.org/pubmed:26075331')));
    expect(lines).toContain(triple(id('reference/r1'), pld('pmid'), '"26075331"'));
    expect(lines).toContain(triple(id('reference/r1'), pld('doi'), '"10.1111/bph.13222"'));
    expect(lines).toContain(triple(id('use/u1'), pld('correspondingRole'), iri('http://purl.obolibrary.org/obo/CHEBI_38877')));
  });

  it('gives parts their own IRIs under their owner, linked from it, with the YAML path of each', () => {
    const effect = id('mechanism/m1/effect/p1');
    expect(lines).toContain(triple(m1, pld('hasEffect'), effect));
    expect(lines).toContain(triple(effect, iri(RDF_TYPE), pld('Effect')));
    expect(lines).toContain(triple(effect, pld('process'), id('process/p1')));
    expect(lines).toContain(triple(effect, pld('direction'), pld('Decreased')));
    expect(lines).toContain(triple(id('mechanism/m1/caveat/weak'), iri(COMMENT), en('Only in vitro')));
    expect(mappedOrigins.get(`${ID}mechanism/m1/effect/p1`)).toEqual({ file: 'data/x.yaml', path: ['mechanisms', 0, 'effects', 0] });
    expect(mappedOrigins.get(`${ID}mechanism/m1/affinity/t2-ki`)).toEqual({ file: 'data/x.yaml', path: ['mechanisms', 0, 'affinities', 1] });
    expect(mappedOrigins.get(`${ID}mechanism/m2`)).toEqual({ file: 'data/x.yaml', path: ['mechanisms', 1] });
  });

  it("defaults an affinity's target to its mechanism's, and labels it with its derived summary", () => {
    const own = id('mechanism/m1/affinity/t1-pki');
    expect(lines).toContain(triple(m1, pld('hasAffinity'), own));
    expect(lines).toContain(triple(own, pld('target'), id('target/t1')));
    expect(lines).toContain(triple(own, iri(LABEL), en('pKi 7 ± 0.25')));
    expect(lines).toContain(triple(own, pld('affinityValue'), `"7.0"^^${iri(XSD + 'decimal')}`));
    const subunit = id('mechanism/m1/affinity/t2-ki');
    expect(lines).toContain(triple(subunit, pld('target'), id('target/t2')));
    expect(lines).toContain(triple(subunit, pld('affinityValue'), `"0.000012"^^${iri(XSD + 'decimal')}`));
    expect(lines).toContain(triple(subunit, iri(LABEL), en('Ki 0.000012 uM')));
    expect(lines).toContain(triple(subunit, pld('species'), en('rat')));
  });

  it('puts the triples of an onOwner field on the owner: the screen is a caveat, its targets are the drug’s', () => {
    const screen = id('drug/d1/caveat/no-appreciable-binding');
    expect(lines).toContain(triple(id('drug/d1'), pld('noAppreciableBindingAt'), id('target/t2')));
    expect(lines).toContain(triple(id('drug/d1'), pld('noAppreciableBindingAt'), id('target/t3')));
    expect(lines).toContain(triple(id('drug/d1'), pld('hasCaveat'), screen));
    expect(lines).toContain(triple(screen, iri(RDF_TYPE), pld('Caveat')));
    expect(lines).toContain(triple(screen, pld('citation'), id('reference/r1')));
    expect([...lines].filter((l) => l.startsWith(screen) && l.includes('noAppreciableBindingAt'))).toEqual([]);
    expect(mappedOrigins.get(`${ID}drug/d1/caveat/no-appreciable-binding`)).toEqual({ file: 'data/x.yaml', path: ['drugs', 0, 'no_appreciable_binding'] });
  });

  it('names a part with an identifier subject by its canonical IRI (a role is its ChEBI IRI)', () => {
    const role = iri('http://purl.obolibrary.org/obo/CHEBI_38877');
    expect(lines).toContain(triple(id('drug/d1'), iri('http://purl.obolibrary.org/obo/RO_0000087'), role));
    expect(lines).toContain(triple(role, iri(RDF_TYPE), pld('Role')));
    expect(lines).toContain(triple(role, iri(LABEL), en('anaesthetic')));
  });

  it('derives the links from the mechanisms: drug hasMechanism and actsOn, target affects', () => {
    expect(lines).toContain(triple(id('drug/d1'), pld('hasMechanism'), id('mechanism/m1')));
    expect(lines).toContain(triple(id('drug/d1'), pld('hasMechanism'), id('mechanism/m2')));
    expect([...lines].filter((l) => l.includes(pld('actsOn')))).toEqual([triple(id('drug/d1'), pld('actsOn'), id('target/t1'))]);
    expect([...lines].filter((l) => l.includes(pld('affects'))).sort()).toEqual([
      triple(id('target/t1'), pld('affects'), id('system/s1')),
      triple(id('target/t1'), pld('affects'), id('system/s2')),
    ]);
  });

  it('gives a derive hook of a part its owner, and asks each inverse index once, not once per entity', () => {
    const effectDrug: Field = {
      kind: 'derived', cardinality: 'one', property: 'drug', range: { entity: 'drug' }, doc: 'The drug of its mechanism',
      derive: (_effect, { owner }) => [String(owner?.drug)],
    };
    const copy: ModelDescription = {
      ...pharmald,
      entities: { ...pharmald.entities, effect: { ...pharmald.entities.effect, fields: { ...pharmald.entities.effect.fields, drug: effectDrug } } },
    };
    expect(map(copy).lines).toContain(triple(id('mechanism/m2/effect/p1'), pld('drug'), id('drug/d1')));
    let reads = 0;
    const counted = { ...sections, mechanisms: new Proxy(sections.mechanisms, {
      get: (target, key, receiver) => {
        if (key === Symbol.iterator) reads++;
        return Reflect.get(target, key, receiver);
      },
    }) };
    const drugs = Array.from({ length: 50 }, (_, i) => ({ id: `x${i}`, label: `X ${i}`, identifiers: {} }));
    map(pharmald, { ...counted, drugs });
    // Once to map the mechanisms, once per (entity, field) index: mechanism.drug, mechanism.target.
    expect(reads).toBe(3);
  });

  it('refuses a code its vocabulary does not have', () => {
    const bad = { ...sections, mechanisms: [{ ...sections.mechanisms[1], certainty: 'certain' }] };
    expect(() => map(pharmald, bad)).toThrow(/unknown certainty code certain/);
  });
});

describe('fieldsOfPredicate', () => {
  const fields = fieldsOfPredicate(pharmald);

  it('finds a group’s fields under the group, and an onOwner field under its owner’s part too', () => {
    expect(fields[PLD + 'sourceSection']).toEqual(['source']);
    expect(fields[EXACT_MATCH]).toEqual(['identifiers', 'uberon', 'go', 'umls', 'snomedct', 'doid', 'pmid', 'doi', 'ndfrt', 'mesh', 'chebi']);
    expect(fields[PLD + 'noAppreciableBindingAt']).toEqual(['targets', 'no_appreciable_binding']);
  });

  it('lists every field a predicate comes from, in the description’s order, and no derived field', () => {
    expect(fields[COMMENT]).toEqual(['description', 'text', 'note']);
    expect(fields[PLD + 'citation']).toEqual(['reference', 'references']);
    expect(fields[RDF_TYPE]).toEqual(['type']);
    expect(fields[PLD + 'pmid']).toEqual(['pmid']);
    expect(fields[PLD + 'actsOn']).toBeUndefined();
    expect(fields[PLD + 'hasMechanism']).toBeUndefined();
  });
});
