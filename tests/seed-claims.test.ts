// Every claim of the source text (reference seed-ketamine), answered by SPARQL over the built dataset,
// with its nuance: direct vs downstream, weak vs strong, direction, therapeutic vs adverse, caveats.
// Each question is about ketamine's mechanisms (`?m pld:drug drug:ketamine`), and all of them are asked of the
// bundled data and again with a second drug added as README's "How to add a drug" says (tests/fixtures/new-drug,
// which makes claims of every kind at ketamine's targets, systems and processes): the answers stay the same.
import { describe, expect, it } from 'vitest';
import { query } from '../src/query/engine.js';
import { dataDir, datasetOf, dataWithNewDrug } from './helpers.js';

const prefixes = `
PREFIX pld: <https://w3id.org/pharmald/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX mechanism: <https://w3id.org/pharmald/id/mechanism/>
PREFIX target: <https://w3id.org/pharmald/id/target/>
PREFIX system: <https://w3id.org/pharmald/id/system/>
PREFIX process: <https://w3id.org/pharmald/id/process/>
PREFIX use: <https://w3id.org/pharmald/id/use/>
PREFIX drug: <https://w3id.org/pharmald/id/drug/>
PREFIX reference: <https://w3id.org/pharmald/id/reference/>
`;

/** ?m is one of ketamine's mechanisms. */
const ketamine = '?m pld:drug drug:ketamine .';

const withNewDrug = dataWithNewDrug();
describe.each([
  { data: 'the bundled data', folder: dataDir },
  { data: 'the bundled data and a new drug', folder: withNewDrug },
])('the seed claims, on $data', ({ folder }) => {
  async function ask(body: string): Promise<boolean> {
    const { quads } = await datasetOf(folder);
    const result = await query(quads, `${prefixes} ASK { ${body} }`);
    if (result.type !== 'boolean') throw new Error('expected an ASK answer');
    return result.value;
  }

  async function select(body: string): Promise<Record<string, string>[]> {
    const { quads } = await datasetOf(folder);
    const result = await query(quads, `${prefixes} ${body}`);
    if (result.type !== 'bindings') throw new Error('expected a SELECT answer');
    return result.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
  }

  describe('1a. NMDA receptor antagonism', () => {
    it('is a direct, strong channel block of the NMDA receptor, in brain and spinal cord', async () => {
      expect(await ask(`drug:ketamine pld:hasMechanism ?m ; pld:actsOn target:nmda-receptor .
        ?m pld:target target:nmda-receptor ; pld:actionType pld:ChannelBlocker ; pld:directness pld:Direct ;
           pld:strength pld:Strong ; pld:certainty pld:Established ; pld:system system:brain, system:spinal-cord .`)).toBe(true);
    });
    it('reduces glutamatergic signalling (a therapeutic effect)', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:nmda-receptor ; pld:hasEffect ?e .
        ?e pld:process process:glutamatergic-synaptic-transmission ; pld:direction pld:Decreased ; pld:valence pld:Therapeutic .`)).toBe(true);
    });
    it('maps the action to ChEMBL BLOCKER and GtoPdb Channel blocker', async () => {
      expect(await ask(`pld:ChannelBlocker pld:chemblActionType "BLOCKER" ; pld:gtopdbType "Channel blocker" ; rdfs:label ?l .`)).toBe(true);
    });
    it('carries the two citable affinities and no other', async () => {
      const rows = await select(`SELECT ?target ?measure ?value ?pmid WHERE {
        mechanism:ketamine-nmda-receptor-block pld:hasAffinity ?a .
        ?a pld:target ?target ; pld:affinityMeasure ?measure ; pld:affinityValue ?value ; pld:citation/pld:pmid ?pmid .
      } ORDER BY ?value`);
      expect(rows).toEqual([
        { target: 'https://w3id.org/pharmald/id/target/glun2c', measure: 'https://w3id.org/pharmald/vocab#pIC50', value: '6.18', pmid: '17303642' },
        { target: 'https://w3id.org/pharmald/id/target/nmda-receptor', measure: 'https://w3id.org/pharmald/vocab#Ki', value: '659.0', pmid: '23527166' },
      ]);
      const all = await select(`SELECT ?a WHERE { ${ketamine} ?m pld:hasAffinity ?a }`);
      expect(all).toHaveLength(2);
    });
    it('is a complex whose subunits each have a UniProt entry', async () => {
      const rows = await select(`SELECT ?subunit ?uniprot WHERE {
        target:nmda-receptor a pld:ProteinComplex ; pld:hasSubunit ?s . ?s rdfs:label ?subunit ; skos:exactMatch ?uniprot .
        FILTER(STRSTARTS(STR(?uniprot), "http://purl.uniprot.org/uniprot/"))
      } ORDER BY ?subunit`);
      expect(rows.map((r) => `${r.subunit} ${r.uniprot!.split('/').pop()}`)).toEqual([
        'GluN1 Q05586', 'GluN2A Q12879', 'GluN2B Q13224', 'GluN2C Q14957', 'GluN2D O15399',
      ]);
    });
  });

  describe('1b. AMPA receptor modulation', () => {
    it('is an indirect enhancement downstream of the NMDA block, toward the antidepressant effect', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:ampa-receptor ; pld:actionType pld:Potentiation ; pld:directness pld:Indirect ;
        pld:downstreamOf mechanism:ketamine-nmda-receptor-block ; pld:contributesTo use:rapid-antidepressant ;
        pld:certainty pld:Probable ; pld:hasEffect [ pld:process process:synaptic-plasticity ; pld:direction pld:Increased ] .`)).toBe(true);
    });
  });

  describe('1c. opioid receptor interaction', () => {
    it('is a weak, possible interaction at the mu opioid receptor, with no affinity value', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:mu-opioid-receptor ; pld:strength pld:Weak ; pld:certainty pld:Possible ;
        pld:directness pld:Direct ; pld:contributesTo use:analgesia .
        FILTER NOT EXISTS { ?m pld:hasAffinity ?a }`)).toBe(true);
    });
    it('says why it is unquantified', async () => {
      const rows = await select(`SELECT ?text WHERE { ${ketamine} ?m pld:target target:mu-opioid-receptor ; pld:hasCaveat/rdfs:comment ?text }`);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.text).toMatch(/stated without a number/);
    });
  });

  describe('1d. BDNF pathway', () => {
    it('raises BDNF downstream, then TrkB signalling follows from it', async () => {
      expect(await ask(`?bdnf pld:drug drug:ketamine ; pld:target target:bdnf ; pld:actionType pld:IncreasedLevel ; pld:directness pld:Indirect ;
          pld:contributesTo use:rapid-antidepressant .
        ?trkb pld:target target:trkb ; pld:downstreamOf ?bdnf ; pld:directness pld:Indirect .
        ?bdnf pld:downstreamOf+ mechanism:ketamine-nmda-receptor-block .`)).toBe(true);
    });
  });

  describe('1e. GABAergic effects', () => {
    it('is a possible increase of GABA signalling, with the disinhibition caveat', async () => {
      const rows = await select(`SELECT ?certainty ?direction ?caveat WHERE { ${ketamine}
        ?m pld:hasEffect ?e ; pld:certainty ?certainty ; pld:hasCaveat/rdfs:comment ?caveat .
        ?e pld:process process:gaba-signalling ; pld:direction ?direction .
      }`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.certainty).toBe('https://w3id.org/pharmald/vocab#Possible');
      expect(rows[0]!.direction).toBe('https://w3id.org/pharmald/vocab#Increased');
      expect(rows[0]!.caveat).toMatch(/disinhibition hypothesis/);
    });
  });

  describe('2. cardiovascular system', () => {
    it('raises heart rate and blood pressure, indirectly, with no molecular target', async () => {
      const rows = await select(`SELECT ?process ?direction ?valence WHERE { ${ketamine}
        ?m pld:system system:cardiovascular-system ; pld:directness pld:Indirect ; pld:hasEffect ?e .
        FILTER NOT EXISTS { ?m pld:target ?t }
        ?e pld:process ?process ; pld:direction ?direction ; pld:valence ?valence .
      } ORDER BY ?process`);
      expect(rows.map((r) => [r.process, r.direction, r.valence].map((v) => v!.replace(/^.*[#/]/, '')))).toEqual([
        ['blood-pressure', 'Increased', 'ContextDependent'],
        ['heart-rate', 'Increased', 'ContextDependent'],
      ]);
    });
    it('attributes it to central sympathetic stimulation and doubts reuptake inhibition', async () => {
      const rows = await select(`SELECT ?description ?caveat WHERE {
        mechanism:ketamine-sympathomimetic-cardiovascular-effects rdfs:comment ?description ; pld:hasCaveat/rdfs:comment ?caveat }`);
      expect(rows[0]!.description).toMatch(/central sympathetic stimulation/);
      expect(rows.some((r) => /reuptake inhibition/.test(r.caveat!))).toBe(true);
    });
  });

  describe('3. respiratory system', () => {
    it('preserves respiratory drive (therapeutic)', async () => {
      expect(await ask(`${ketamine} ?m pld:system system:respiratory-system ; pld:hasEffect ?e .
        ?e pld:process process:respiratory-drive ; pld:direction pld:Preserved ; pld:valence pld:Therapeutic .`)).toBe(true);
    });
    it('causes bronchodilation, supported by a review and qualified by a negative systematic review', async () => {
      const rows = await select(`SELECT ?pmid ?caveatDoi WHERE { ${ketamine}
        ?m pld:system system:bronchus-smooth-muscle ; pld:supportedBy/pld:pmid ?pmid ; pld:hasCaveat/pld:citation ?c ;
           pld:hasEffect [ pld:direction pld:Increased ] .
        ?c pld:referenceType pld:SystematicReview ; pld:doi ?caveatDoi . }`);
      expect(rows).toEqual([{ pmid: '24082612', caveatDoi: '10.1007/s00228-022-03374-3' }]);
    });
  });

  describe('4. pain modulation', () => {
    it('blocks NMDA receptors in spinal cord and brain, reducing central sensitization and pain', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:nmda-receptor ; pld:system system:spinal-cord, system:brain ;
        pld:contributesTo use:analgesia ;
        pld:hasEffect [ pld:process process:central-sensitization ; pld:direction pld:Decreased ],
                      [ pld:process process:pain-perception ; pld:direction pld:Decreased ] .`)).toBe(true);
    });
    it('may reduce peripheral sensitization, with no supporting review', async () => {
      expect(await ask(`${ketamine} ?m pld:system system:peripheral-nervous-system ; pld:certainty pld:Possible ;
        pld:hasEffect [ pld:process process:peripheral-sensitization ; pld:direction pld:Decreased ] .
        FILTER NOT EXISTS { ?m pld:supportedBy ?r }`)).toBe(true);
    });
    it('enhances descending pain inhibition, with a limited-efficacy caveat', async () => {
      expect(await ask(`${ketamine} ?m pld:hasEffect [ pld:process process:descending-pain-inhibition ; pld:direction pld:Increased ] ;
        pld:hasCaveat/pld:citation/pld:pmid "28979762" .`)).toBe(true);
    });
  });

  describe('5. serotonin and dopamine', () => {
    it('alters both signalling pathways indirectly, and records no appreciable receptor binding', async () => {
      for (const [process, receptor] of [['serotonin-signalling', '5-ht2a-receptor'], ['dopamine-signalling', 'd2-receptor']]) {
        expect(await ask(`${ketamine} ?m pld:directness pld:Indirect ; pld:certainty pld:Possible ;
          pld:hasEffect [ pld:process process:${process} ; pld:direction pld:Altered ] .
          drug:ketamine pld:noAppreciableBindingAt target:${receptor} .
          FILTER NOT EXISTS { ?m pld:target ?t }`)).toBe(true);
      }
    });
  });

  describe('the three uses', () => {
    it('are anaesthesia, analgesia and rapid antidepressant, each with its ChEBI role', async () => {
      const rows = await select(`SELECT ?use ?role WHERE {
        drug:ketamine pld:hasClinicalUse ?u . ?u rdfs:label ?use ; pld:correspondingRole ?r .
        drug:ketamine <http://purl.obolibrary.org/obo/RO_0000087> ?r . ?r rdfs:label ?role } ORDER BY ?use`);
      expect(rows).toEqual([
        { use: 'anaesthesia', role: 'intravenous anaesthetic' },
        { use: 'analgesia', role: 'analgesic' },
        { use: 'rapid antidepressant', role: 'antidepressant' },
      ]);
    });
    it('each has mechanisms contributing to it', async () => {
      const rows = await select(`SELECT ?use (COUNT(?m) AS ?n) WHERE { ${ketamine} ?m pld:contributesTo ?u . ?u rdfs:label ?use } GROUP BY ?use ORDER BY ?use`);
      expect(rows.map((r) => r.use)).toEqual(['anaesthesia', 'analgesia', 'rapid antidepressant']);
      for (const row of rows) expect(Number(row.n)).toBeGreaterThan(0);
    });
  });

  describe('every seed section', () => {
    it('is the source of at least one mechanism', async () => {
      const rows = await select(`SELECT DISTINCT ?section WHERE { ?m pld:derivedFrom reference:seed-ketamine ; pld:sourceSection ?section } ORDER BY ?section`);
      expect(rows.map((r) => r.section)).toEqual(['1a', '1b', '1c', '1d', '1e', '2', '3', '4', '5']);
    });
  });
});
