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
    it('carries the two citable affinities at the NMDA receptor and its subunits, and no other there', async () => {
      const rows = await select(`SELECT ?target ?measure ?value ?pmid WHERE {
        mechanism:ketamine-nmda-receptor-block pld:hasAffinity ?a .
        ?a pld:target ?target ; pld:affinityMeasure ?measure ; pld:affinityValue ?value ; pld:citation/pld:pmid ?pmid .
      } ORDER BY ?value`);
      expect(rows).toEqual([
        { target: 'https://w3id.org/pharmald/id/target/glun2c', measure: 'https://w3id.org/pharmald/vocab#pIC50', value: '6.18', pmid: '17303642' },
        { target: 'https://w3id.org/pharmald/id/target/nmda-receptor', measure: 'https://w3id.org/pharmald/vocab#Ki', value: '659.0', pmid: '23527166' },
      ]);
      const all = await select(`SELECT ?a WHERE { ${ketamine} ?m pld:hasAffinity ?a .
        ?a pld:target ?t . FILTER(?t = target:nmda-receptor || EXISTS { target:nmda-receptor pld:hasSubunit ?t }) }`);
      expect(all).toHaveLength(2);
    });
    it('has a dose-dependent net effect on glutamate, as a caveat', async () => {
      const rows = await select(`SELECT ?text WHERE { mechanism:ketamine-nmda-receptor-block pld:hasCaveat ?c . ?c rdfs:comment ?text ; pld:citation/pld:doi ?doi }`);
      expect(rows.some((r) => /subanaesthetic doses .* increased glutamate outflow/.test(r.text!))).toBe(true);
    });
    it('raises prefrontal glutamate outflow at subanaesthetic doses and lowers it at an anaesthetic dose (Moghaddam 1997)', async () => {
      const rows = await select(`SELECT ?dose ?direction WHERE { mechanism:ketamine-nmda-receptor-block pld:hasEffect ?e ;
        pld:supportedBy reference:moghaddam-1997 . ?e pld:process process:glutamatergic-synaptic-transmission ; pld:doseLevel ?dose ;
        pld:direction ?direction } ORDER BY ?dose`);
      expect(rows.map((r) => `${r.dose!.split('#')[1]} ${r.direction!.split('#')[1]}`)).toEqual(['Anaesthetic Decreased', 'Subanaesthetic Increased']);
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

  describe('targets and genes', () => {
    it('links GluN1 to its HGNC gene as gene product of (RO:0002204), never as an exact match', async () => {
      expect(await ask(`target:glun1 <http://purl.obolibrary.org/obo/RO_0002204> <https://identifiers.org/hgnc:4584> .`)).toBe(true);
      expect(await ask(`?t skos:exactMatch ?g . FILTER(STRSTARTS(STR(?g), "https://identifiers.org/hgnc:"))`)).toBe(false);
    });
    it('maps potentiation broadly to ChEMBL POSITIVE MODULATOR, and binding to no ChEMBL action type', async () => {
      expect(await ask(`pld:Potentiation pld:chemblActionType "POSITIVE MODULATOR" ; pld:broadMapping pld:chemblActionType .`)).toBe(true);
      expect(await ask(`pld:Binding pld:chemblActionType ?v .`)).toBe(false);
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
    it('is a weak, possible, direct binding at the mu opioid receptor, toward analgesia, with its measured pKi', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:mu-opioid-receptor ; pld:actionType pld:Binding ; pld:strength pld:Weak ;
        pld:certainty pld:Possible ; pld:directness pld:Direct ; pld:contributesTo use:analgesia ;
        pld:supportedBy/pld:pmid "9915326" .`)).toBe(true);
    });
    it('publishes the measured opioid affinities (pKi 4.38 mu, 4.55 kappa, 3.57 delta) with their assay, all weak', async () => {
      const rows = await select(`SELECT ?target ?value ?uncertainty ?strength ?certainty ?assay ?pmid WHERE { ${ketamine}
        ?m pld:target ?t ; pld:strength ?strength ; pld:certainty ?certainty ; pld:hasAffinity ?a .
        ?a pld:target ?t ; pld:affinityMeasure pld:pKi ; pld:affinityValue ?value ; pld:affinityUncertainty ?uncertainty ;
           pld:assay ?assay ; pld:citation/pld:pmid ?pmid .
        ?t pld:geneSymbol ?gene . FILTER(STRSTARTS(?gene, "OPR")) BIND(STRAFTER(STR(?t), "target/") AS ?target)
      } ORDER BY ?target`);
      expect(rows.map((r) => [r.target, r.value, r.uncertainty, r.strength!.replace(/^.*#/, ''), r.certainty!.replace(/^.*#/, ''), r.pmid])).toEqual([
        ['delta-opioid-receptor', '3.57', '0.02', 'Weak', 'Possible', '9915326'],
        ['kappa-opioid-receptor', '4.55', '0.04', 'Weak', 'Possible', '9915326'],
        ['mu-opioid-receptor', '4.38', '0.02', 'Weak', 'Possible', '9915326'],
      ]);
      for (const row of rows) expect(row.assay).toMatch(/\[3H\]diprenorphine displacement/);
    });
    it('gives the opioid affinities no unit and no species (the source does not state the receptor species)', async () => {
      expect(await ask(`${ketamine} ?m pld:target/pld:geneSymbol ?gene ; pld:hasAffinity ?a .
        FILTER(STRSTARTS(?gene, "OPR")) { ?a pld:affinityUnit ?u } UNION { ?a pld:species ?s }`)).toBe(false);
    });
    it('no longer lists kappa under no appreciable binding, and the screen says it is a cut-off result', async () => {
      expect(await ask(`drug:ketamine pld:noAppreciableBindingAt target:kappa-opioid-receptor .`)).toBe(false);
      const rows = await select(`SELECT ?note WHERE { drug:ketamine pld:hasCaveat ?c . ?c pld:citation reference:pdsp-kidb ; rdfs:comment ?note }`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.note).toMatch(/screening result at the\s+cut-off/);
      expect(rows[0]!.note).toMatch(/only where no measured value exists/);
    });
    it('says the mu binding is weak and its functional direction unknown', async () => {
      const rows = await select(`SELECT ?text WHERE { ${ketamine} ?m pld:target target:mu-opioid-receptor ; pld:hasCaveat/rdfs:comment ?text }`);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.text).toMatch(/weak: pKi 4\.38/);
      expect(rows[0]?.text).toMatch(/activates or blocks the receptor is not established/);
    });
    it('leaves the direction and valence of the kappa and delta effects not established', async () => {
      const rows = await select(`SELECT ?t ?direction ?valence WHERE { ${ketamine} ?m pld:target ?t ; pld:hasEffect ?e .
        ?e pld:direction ?direction ; pld:valence ?valence . FILTER(?t IN (target:kappa-opioid-receptor, target:delta-opioid-receptor)) } ORDER BY ?t`);
      expect(rows.map((r) => `${r.t!.split('/').pop()} ${r.direction!.split('#')[1]} ${r.valence!.split('#')[1]}`)).toEqual([
        'delta-opioid-receptor DirectionNotEstablished ValenceNotEstablished', 'kappa-opioid-receptor DirectionNotEstablished ValenceNotEstablished',
      ]);
    });
    it('says S(+)-ketamine is 2-3 times more potent than R(-) at mu and kappa (PubMed 9915326)', async () => {
      for (const t of ['mu-opioid-receptor', 'kappa-opioid-receptor']) {
        expect(await ask(`${ketamine} ?m pld:target target:${t} ; pld:hasCaveat ?c . ?c pld:citation reference:opioid-receptors-1999 ; rdfs:comment ?text .
          FILTER(CONTAINS(?text, "S(+)-ketamine 2-3") || CONTAINS(?text, "S(+)-ketamine is 2-3"))`), t).toBe(true);
      }
    });
  });

  describe('ketamine\'s enantiomers and metabolites', () => {
    it('has esketamine and arketamine as its enantiomers, norketamine and (2R,6R)-HNK as its metabolites', async () => {
      const rows = await select(`SELECT ?d ?p WHERE { ?d ?p drug:ketamine . FILTER(?p IN (pld:enantiomerOf, pld:metaboliteOf)) } ORDER BY ?p ?d`);
      expect(rows.map((r) => `${r.p!.split('#')[1]} ${r.d!.split('/').pop()}`)).toEqual([
        'enantiomerOf arketamine', 'enantiomerOf esketamine', 'metaboliteOf hydroxynorketamine-2r-6r', 'metaboliteOf norketamine',
      ]);
    });
    it('gives the enantiomers their own verified identifiers (esketamine: ChEMBL, GtoPdb; arketamine: GtoPdb)', async () => {
      expect(await ask(`drug:esketamine skos:exactMatch <http://rdf.ebi.ac.uk/resource/chembl/molecule/CHEMBL395091> .`)).toBe(true);
      expect(await ask(`drug:ketamine skos:exactMatch <http://rdf.ebi.ac.uk/resource/chembl/molecule/CHEMBL395091> .`)).toBe(false);
      expect(await ask(`drug:arketamine skos:exactMatch ?gtopdb . FILTER(STRENDS(STR(?gtopdb), "9153"))`)).toBe(true);
    });
    it('measures S(+)-ketamine about eight times more potent than R(-) at the dopamine transporter', async () => {
      const rows = await select(`SELECT ?d ?v WHERE { ?m pld:drug ?d ; pld:target target:dat ; pld:hasAffinity/pld:affinityValue ?v .
        ?d pld:enantiomerOf drug:ketamine } ORDER BY ?v`);
      expect(rows.map((r) => [r.d!.split('/').pop(), Number(r.v)])).toEqual([['esketamine', 46.9], ['arketamine', 390]]);
    });
    it('states esketamine the more potent enantiomer at the NMDA receptor (Yang 2019) and at mu and kappa (PubMed 9915326)', async () => {
      const rows = await select(`SELECT ?t ?cite WHERE { drug:esketamine pld:hasPotencyComparison ?p . ?p pld:morePotentThan drug:arketamine ;
        pld:target ?t ; pld:citation ?cite } ORDER BY ?t`);
      expect(rows.map((r) => `${r.t!.split('/').pop()} ${r.cite!.split('/').pop()}`)).toEqual([
        'kappa-opioid-receptor opioid-receptors-1999', 'mu-opioid-receptor opioid-receptors-1999', 'nmda-receptor yang-2019',
      ]);
      expect(await ask(`drug:arketamine pld:hasPotencyComparison ?p .`)).toBe(false);
    });
    it('types the counter-evidence and off-label statements as commentaries, and the labels as drug labels', async () => {
      const rows = await select(`SELECT ?r ?type WHERE { ?r pld:referenceType ?type . FILTER(?type IN (pld:Commentary, pld:DrugLabel)) } ORDER BY ?r`);
      expect(rows.map((r) => `${r.r!.split('/').pop()} ${r.type!.split('#')[1]}`)).toEqual([
        'gastaldon-2019 Commentary', 'kavalali-monteggia-2018 Commentary', 'ketamine-label DrugLabel', 'spravato-label DrugLabel',
      ]);
    });
    it('keeps the NMDA potency difference as a caveat of the racemate\'s NMDA block, without numbers', async () => {
      expect(await ask(`mechanism:ketamine-nmda-receptor-block pld:hasCaveat ?c . ?c pld:citation reference:yang-2019 ; rdfs:comment ?t .
        FILTER(CONTAINS(?t, "less potent NMDA receptor"))`)).toBe(true);
    });
    it('marks racemic ketamine\'s antidepressant use off-label, and esketamine\'s nasal spray FDA-approved (2019) under a REMS', async () => {
      expect(await ask(`drug:ketamine pld:hasUseStatus ?s . ?s pld:clinicalUse use:rapid-antidepressant ; pld:regulatoryStatus pld:OffLabel ;
        pld:citation reference:gastaldon-2019 .`)).toBe(true);
      expect(await ask(`drug:ketamine pld:hasUseStatus/pld:regulatoryStatus pld:Approved .`)).toBe(false);
      expect(await ask(`drug:esketamine pld:hasUseStatus ?s . ?s pld:clinicalUse use:treatment-resistant-depression ;
        pld:regulatoryStatus pld:Approved ; pld:regulatoryAuthority "FDA" ; pld:year ?y ; pld:restriction ?r .
        FILTER(STR(?y) = "2019" && CONTAINS(?r, "REMS"))`)).toBe(true);
    });
    it('keeps the NMDA-independent (2R,6R)-HNK hypothesis possible, with its counter-evidence as a caveat', async () => {
      const rows = await select(`SELECT ?certainty ?cite WHERE { ?m pld:drug drug:hydroxynorketamine-2r-6r ; pld:certainty ?certainty ;
        pld:hasCaveat/pld:citation ?cite }`);
      expect(rows.map((r) => [r.certainty!.split('#')[1], r.cite!.split('/').pop()])).toEqual([['Possible', 'kavalali-monteggia-2018']]);
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
    it('is a possible change of GABA signalling whose direction is not settled, with the disinhibition caveat', async () => {
      const rows = await select(`SELECT ?certainty ?direction ?caveat WHERE { ${ketamine}
        ?m pld:hasEffect ?e ; pld:certainty ?certainty ; pld:hasCaveat/rdfs:comment ?caveat .
        ?e pld:process process:gaba-signalling ; pld:direction ?direction .
        FILTER NOT EXISTS { ?m pld:target ?t }
      } ORDER BY ?caveat`);
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.certainty).toBe('https://w3id.org/pharmald/vocab#Possible');
        expect(row.direction).toBe('https://w3id.org/pharmald/vocab#Altered');
      }
      expect(rows.map((r) => r.caveat)).toEqual([expect.stringMatching(/^Synaptic alpha1beta2gamma2 GABA-A receptors/), expect.stringMatching(/disinhibition hypothesis/)]);
    });
  });

  describe('2. cardiovascular system', () => {
    it('raises heart rate and blood pressure, indirectly, with no molecular target', async () => {
      const rows = await select(`SELECT ?process ?direction ?valence WHERE {
        BIND(mechanism:ketamine-sympathomimetic-cardiovascular-effects AS ?m)
        ?m pld:drug drug:ketamine ; pld:system system:cardiovascular-system ; pld:directness pld:Indirect ; pld:hasEffect ?e .
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
    it('doubts reuptake inhibition for its weak potency (PubMed 9523822), not because of Kienbaum 2000', async () => {
      const rows = await select(`SELECT ?text (GROUP_CONCAT(?pmid; separator=" ") AS ?pmids) WHERE {
        mechanism:ketamine-sympathomimetic-cardiovascular-effects pld:hasCaveat ?c .
        ?c rdfs:comment ?text ; pld:citation ?r . FILTER(CONTAINS(?text, "reuptake")) OPTIONAL { ?r pld:pmid ?pmid } } GROUP BY ?text`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.text).toMatch(/weak\s+inhibitor/);
      expect(rows[0]!.text).toMatch(/Ki 66\.8 µM at NET, 62\.9 µM at DAT and 162 µM at SERT/);
      expect(rows[0]!.text).toMatch(/does not argue against it/);
      expect(rows[0]!.pmids!.split(' ').sort()).toEqual(['10638904', '9523822']);
    });
    it('records the weak transporter inhibition as affinities in uM, with assay and species', async () => {
      const rows = await select(`SELECT ?target ?value ?species WHERE { ${ketamine}
        ?m pld:target ?t ; pld:actionType pld:Inhibitor ; pld:directness pld:Direct ; pld:strength pld:Weak ; pld:hasAffinity ?a .
        ?t a pld:Transporter . ?a pld:target ?t ; pld:affinityMeasure pld:Ki ; pld:affinityValue ?value ; pld:affinityUnit "uM" ;
           pld:species ?species ; pld:assay ?assay ; pld:citation/pld:pmid "9523822" .
        BIND(STRAFTER(STR(?t), "target/") AS ?target) } ORDER BY ?target`);
      expect(rows).toEqual([
        { target: 'dat', value: '62.9', species: 'rat' },
        { target: 'net', value: '66.8', species: 'human' },
        { target: 'sert', value: '162.0', species: 'rat' },
      ]);
    });
    it('is not universal: the label lists cardiac decompensation where catecholamines are depleted', async () => {
      expect(await ask(`mechanism:ketamine-sympathomimetic-cardiovascular-effects pld:hasCaveat/rdfs:comment ?t . FILTER(CONTAINS(?t, "catecholamine depletion"))`)).toBe(true);
      expect(await ask(`${ketamine} ?m pld:system system:heart ; pld:hasEffect [ pld:process process:cardiac-performance ; pld:direction pld:Decreased ; pld:valence pld:Adverse ] .`)).toBe(true);
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
    it('names central sensitization with the titled reviews (Sawynok 2014; Bell & Kalso 2018)', async () => {
      const rows = await select(`SELECT ?r WHERE { ${ketamine} ?m pld:target target:nmda-receptor ; pld:supportedBy ?r ;
        pld:hasEffect [ pld:process process:central-sensitization ] . }`);
      expect(rows.map((r) => r.r)).toEqual(expect.arrayContaining([
        'https://w3id.org/pharmald/id/reference/sawynok-2014', 'https://w3id.org/pharmald/id/reference/bell-kalso-2018',
      ]));
      expect(await ask(`reference:bell-kalso-2018 pld:pmid "30534625" . reference:sawynok-2014 pld:doi "10.1213/ANE.0000000000000246" .`)).toBe(true);
      expect(await ask(`${ketamine} ?m pld:hasCaveat/rdfs:comment ?t . FILTER(CONTAINS(?t, "source text's wording"))`)).toBe(false);
    });
    it('may reduce peripheral sensitization, supported by a titled review and qualified by mixed human evidence', async () => {
      expect(await ask(`${ketamine} ?m pld:system system:peripheral-nervous-system ; pld:certainty pld:Possible ;
        pld:hasEffect [ pld:process process:peripheral-sensitization ; pld:direction pld:Decreased ] ;
        pld:supportedBy reference:sawynok-2014 ; pld:hasCaveat [ pld:citation reference:sawynok-2014 ; rdfs:comment ?t ] .
        FILTER(CONTAINS(?t, "mixed"))`)).toBe(true);
    });
    it('enhances descending pain inhibition, with a limited-efficacy caveat', async () => {
      expect(await ask(`${ketamine} ?m pld:hasEffect [ pld:process process:descending-pain-inhibition ; pld:direction pld:Increased ] ;
        pld:hasCaveat/pld:citation/pld:pmid "28979762" .`)).toBe(true);
    });
  });

  describe('5. serotonin and dopamine', () => {
    it('gives dopamine effects a context-dependent valence (reward, abuse liability, psychotomimetic effects)', async () => {
      expect(await ask(`${ketamine} ?m pld:hasEffect [ pld:process process:dopamine-signalling ; pld:valence pld:ContextDependent ] .`)).toBe(true);
      expect(await ask(`${ketamine} ?m pld:hasEffect [ pld:process process:dopamine-signalling ; pld:valence pld:Therapeutic ] .`)).toBe(false);
    });
    it('has dopamine effects downstream of two mechanisms: AMPA receptor activation and the lateral habenula', async () => {
      const rows = await select(`SELECT ?up WHERE { ${ketamine} ?m pld:hasEffect [ pld:process process:dopamine-signalling ] ; pld:downstreamOf ?up } ORDER BY ?up`);
      expect(rows.map((r) => r.up!.replace(/^.*\//, ''))).toEqual(['ketamine-ampa-receptor-enhancement', 'ketamine-lateral-habenula-burst-block']);
    });
    it('keeps the D2 high-affinity-state report as a contested caveat, never as an affinity', async () => {
      const rows = await select(`SELECT ?text WHERE { ${ketamine} ?m pld:hasCaveat ?c . ?c rdfs:comment ?text ; pld:citation/pld:pmid "15852061" }`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.text).toMatch(/contested and not published as an affinity/);
      expect(await ask(`${ketamine} ?m pld:hasAffinity/pld:target target:d2-receptor .`)).toBe(false);
    });
    it('alters both signalling pathways indirectly, and records no appreciable receptor binding', async () => {
      for (const [process, receptor] of [['serotonin-signalling', '5-ht2a-receptor'], ['dopamine-signalling', 'd2-receptor']]) {
        expect(await ask(`${ketamine} ?m pld:directness pld:Indirect ; pld:certainty pld:Possible ;
          pld:hasEffect [ pld:process process:${process} ; pld:direction pld:Altered ] .
          drug:ketamine pld:noAppreciableBindingAt target:${receptor} .
          FILTER NOT EXISTS { ?m pld:target ?t }`)).toBe(true);
      }
    });
  });

  describe('other antidepressant routes', () => {
    it('eEF2 kinase deactivation and eEF2 follow from the NMDA block, and BDNF follows from two mechanisms', async () => {
      expect(await ask(`mechanism:ketamine-eef2k-deactivation pld:drug drug:ketamine ; pld:target target:eef2k ; pld:directness pld:Indirect ;
          pld:downstreamOf mechanism:ketamine-nmda-receptor-block ; pld:supportedBy/pld:doi "10.1038/nature10130" .
        mechanism:ketamine-eef2-activation pld:target target:eef2 ; pld:downstreamOf mechanism:ketamine-eef2k-deactivation .`)).toBe(true);
      const rows = await select(`SELECT ?up WHERE { ${ketamine} ?m pld:target target:bdnf ; pld:downstreamOf ?up } ORDER BY ?up`);
      expect(rows.map((r) => r.up!.replace(/^.*\//, ''))).toEqual(['ketamine-ampa-receptor-enhancement', 'ketamine-eef2-activation']);
    });
    it('blocks lateral habenula bursting downstream of the NMDA block (PubMed 29446381)', async () => {
      expect(await ask(`${ketamine} ?m pld:system system:lateral-habenula ; pld:downstreamOf mechanism:ketamine-nmda-receptor-block ;
        pld:contributesTo use:rapid-antidepressant ; pld:supportedBy/pld:pmid "29446381" ;
        pld:hasEffect [ pld:process process:lateral-habenula-burst-firing ; pld:direction pld:Decreased ; pld:valence pld:Therapeutic ] .
        system:lateral-habenula pld:partOf system:brain .`)).toBe(true);
    });
    it('qualifies mTOR with the human rapamycin trial', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:mtor ; pld:certainty pld:Probable ; pld:supportedBy/pld:pmid "20724638" ;
        pld:hasCaveat [ pld:citation/pld:doi "10.1038/s41386-020-0644-9" ; rdfs:comment ?t ] . FILTER(CONTAINS(?t, "rapamycin"))`)).toBe(true);
    });
    it('keeps direct TrkB binding as a hypothesis, not a direct mechanism', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:trkb ; pld:directness pld:Indirect ; pld:hasCaveat/pld:citation/pld:pmid "33606976" .`)).toBe(true);
      expect(await ask(`${ketamine} ?m pld:target target:trkb ; pld:directness pld:Direct .`)).toBe(false);
    });
  });

  describe('other targets', () => {
    it('inhibits HCN1 directly, toward hypnosis in anaesthesia, with no potency given', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:hcn1 ; pld:directness pld:Direct ; pld:actionType pld:Inhibitor ;
        pld:contributesTo use:anaesthesia ; pld:supportedBy/pld:pmid "19158287" ; pld:hasEffect [ pld:process process:consciousness ; pld:direction pld:Decreased ] .
        FILTER NOT EXISTS { ?m pld:hasAffinity ?a } FILTER NOT EXISTS { ?m pld:strength ?s }`)).toBe(true);
    });
    it('inhibits alpha7 nicotinic receptors weakly: IC50 20 uM at human receptors', async () => {
      expect(await ask(`${ketamine} ?m pld:target target:alpha7-nicotinic-receptor ; pld:strength pld:Weak ; pld:hasAffinity ?a .
        ?a pld:affinityMeasure pld:IC50 ; pld:affinityValue 20.0 ; pld:affinityUnit "uM" ; pld:species "human"@en ; pld:citation/pld:pmid "11606328" .`)).toBe(true);
    });
  });

  describe('adverse effects', () => {
    it('are each an adverse effect on its process and system, backed by literature or the label', async () => {
      const rows = await select(`SELECT ?process ?system ?direction WHERE { ${ketamine}
        ?m pld:hasEffect ?e ; pld:system ?s ; pld:supportedBy ?r . ?e pld:valence pld:Adverse ; pld:process ?p ; pld:direction ?d .
        BIND(STRAFTER(STR(?p), "process/") AS ?process) BIND(STRAFTER(STR(?s), "system/") AS ?system) BIND(STRAFTER(STR(?d), "#") AS ?direction)
      } GROUP BY ?process ?system ?direction ORDER BY ?process ?system`);
      expect(rows).toEqual([
        { process: 'airway-patency', system: 'larynx', direction: 'Decreased' },
        { process: 'airway-patency', system: 'respiratory-system', direction: 'Decreased' },
        { process: 'bladder-wall-integrity', system: 'urinary-bladder', direction: 'Decreased' },
        { process: 'cardiac-performance', system: 'cardiovascular-system', direction: 'Decreased' },
        { process: 'cardiac-performance', system: 'heart', direction: 'Decreased' },
        { process: 'intracranial-pressure', system: 'central-nervous-system', direction: 'Increased' },
        { process: 'nausea-and-vomiting', system: 'digestive-system', direction: 'Increased' },
        { process: 'perception-and-thought', system: 'brain', direction: 'Altered' },
        { process: 'reward', system: 'brain', direction: 'Increased' },
        { process: 'salivation', system: 'salivary-glands', direction: 'Increased' },
      ]);
    });
    it('psychotomimetic effects follow from the NMDA receptor block (meta-analysis, PubMed 32437573)', async () => {
      expect(await ask(`${ketamine} ?m pld:downstreamOf mechanism:ketamine-nmda-receptor-block ; pld:supportedBy/pld:pmid "32437573" ;
        pld:certainty pld:Established ; pld:hasEffect [ pld:process process:perception-and-thought ; pld:valence pld:Adverse ] .`)).toBe(true);
    });
    it('emergence reactions, abuse liability, hypersalivation, laryngospasm, ulcerative cystitis and nausea are each there', async () => {
      for (const process of ['perception-and-thought', 'reward', 'salivation', 'airway-patency', 'bladder-wall-integrity', 'nausea-and-vomiting']) {
        expect(await ask(`${ketamine} ?m pld:hasEffect [ pld:process process:${process} ; pld:valence pld:Adverse ] ; pld:supportedBy ?r .`), process).toBe(true);
      }
      expect(await ask(`${ketamine} ?m pld:supportedBy/pld:pmid "24651639" ; pld:hasEffect [ pld:process process:reward ] .`)).toBe(true);
      expect(await ask(`${ketamine} ?m pld:supportedBy/pld:pmid "19201064" ; pld:hasEffect [ pld:process process:airway-patency ] .`)).toBe(true);
    });
    it('keeps the intracranial-pressure question possible, with the systematic review as a caveat', async () => {
      expect(await ask(`${ketamine} ?m pld:certainty pld:Possible ; pld:hasEffect [ pld:process process:intracranial-pressure ; pld:valence pld:Adverse ] ;
        pld:hasCaveat/pld:citation ?c . ?c pld:referenceType pld:SystematicReview ; pld:pmid "25064742" .`)).toBe(true);
    });
    it('no adverse effect is counted toward a clinical use', async () => {
      expect(await ask(`${ketamine} ?m pld:hasEffect/pld:valence pld:Adverse ; pld:contributesTo ?u .`)).toBe(false);
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
