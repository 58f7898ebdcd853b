// The static site (src/site): the files it writes, byte-reproducible; each page's JSON-LD holds the
// entity's triples; the schema.org view; the diagram; the alternates; no broken links; the vocabulary
// page; data that tries to break out of the JSON-LD or the HTML stays inert; and our JSON-LD extraction
// against the W3C JSON-LD-in-HTML test cases that apply to how our pages embed data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../src/io/atomicWrite.js';
import { ontologyFile } from '../src/paths.js';
import { parseTurtleFile } from '../src/rdf/parse.js';
import { quadToNTriples } from '../src/serialize/ntriples.js';
import { buildSite, buildSiteWithReport } from '../src/site/build.js';
import { extractJsonLd, jsonLdScriptTexts, JsonLdScriptError } from './support/extract.js';
import { cls, ID, PLD, prop, rdf, rdfs, skos, termIri } from '../src/vocab.js';
import { bundledDataset, root } from './helpers.js';

const { namedNode, literal, quad } = DataFactory;

/** The N-Triples lines of quads, in canonical escaping (so two writers' output compare equal). */
const ntLines = (quads: readonly Quad[]) => new Set(quads.map(quadToNTriples));

/**
 * A stand-in for the schema.org context, so that expanding a page never goes to the network. It maps
 * terms the way the real context does (`@vocab` http://schema.org/, sameAs and url as IRIs); the tests
 * check the pharmald triples, which do not depend on it.
 */
const schemaOrgContext = {
  '@context': {
    '@vocab': 'http://schema.org/',
    sameAs: { '@id': 'http://schema.org/sameAs', '@type': '@id' },
    url: { '@id': 'http://schema.org/url', '@type': '@id' },
  },
};
const documentLoader = async (url: string) => {
  if (url === 'https://schema.org' || url === 'https://schema.org/') return { contextUrl: undefined, documentUrl: url, document: schemaOrgContext };
  throw new Error(`the test loads nothing from the network: ${url}`);
};

/** A page's embedded JSON-LD as quads. */
async function pageQuads(page: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(extractJsonLd(page) as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader } as never)) as unknown as string;
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}

const entityIri = new RegExp(`^${ID.replace(/[.]/g, '\\.')}(drug|target|system|process|use|reference|mechanism)/([a-z0-9-]+)$`);

let quads: readonly Quad[];
let ontology: Quad[];
let site: OutputFile[];
let files: Map<string, string>;
let entities: string[];

beforeAll(async () => {
  quads = (await bundledDataset()).quads;
  ontology = await parseTurtleFile(ontologyFile);
  site = await buildSite({ quads, ontology });
  files = new Map(site.map((f) => [f.name, f.content]));
  entities = [...new Set(quads.map((q) => q.subject.value))].filter((s) => entityIri.test(s)).sort();
});

const pageOf = (entity: string) => `${entity.slice(ID.length - 'id/'.length)}/index.html`;
const htmlPages = () => [...files.keys()].filter((name) => name.endsWith('.html'));

/** What the description of an entity must be: its triples, its parts' triples, the labels of their objects. */
function expectedDescription(entity: string): Set<string> {
  const own = quads.filter((q) => q.subject.value === entity || q.subject.value.startsWith(`${entity}/`));
  const objects = new Set(own.filter((q) => q.object.termType === 'NamedNode').map((q) => q.object.value));
  const labels = quads.filter((q) => objects.has(q.subject.value) && q.predicate.value === rdfs.label);
  return ntLines([...own, ...labels]);
}

describe('the site files', () => {
  it('are the index, the stylesheet and icon, the vocabulary, and a page and three alternates per entity', () => {
    const kinds = new Set(entities.map((e) => entityIri.exec(e)![1]));
    expect([...kinds].sort()).toEqual(['drug', 'mechanism', 'process', 'reference', 'system', 'target', 'use']);
    const expected = ['favicon.svg', 'index.html', 'search.json', 'site.css', 'vocab/index.html', 'vocab/index.ttl'];
    for (const entity of entities) {
      const base = entity.slice(ID.length - 'id/'.length);
      expected.push(`${base}/index.html`, `${base}.ttl`, `${base}.nt`, `${base}.jsonld`);
    }
    expect(site.map((f) => f.name)).toEqual(expected.sort());
    expect(files.has('id/drug/ketamine/index.html')).toBe(true);
    expect(files.has('id/mechanism/ketamine-nmda-receptor-block.ttl')).toBe(true);
  });

  it('are byte-identical when built again from the same graph (in another order)', async () => {
    const again = await buildSite({ quads: [...quads].reverse(), ontology: [...ontology].reverse() });
    expect(again.length).toBe(site.length);
    again.forEach((file, i) => {
      expect(file.name).toBe(site[i]!.name);
      expect(file.content === site[i]!.content, file.name).toBe(true);
    });
  });

  it('are HTML5 pages with lang, charset, title, the stylesheet, and nothing loaded from elsewhere', () => {
    for (const name of htmlPages()) {
      const page = files.get(name)!;
      expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'), name).toBe(true);
      expect(page).toMatch(/<title>[^<]+<\/title>/);
      expect(page).toMatch(/<link rel="stylesheet" href="(\.\.\/)*site\.css">/);
      // No external resource: the only absolute URLs are links a reader follows (<a href>), never src or stylesheets.
      expect(page).not.toMatch(/\bsrc="/);
      expect(page).not.toMatch(/<link[^>]+href="https?:/);
      expect(page).not.toMatch(/<\?xml|<!DOCTYPE svg|<!--/);
    }
  });
});

describe('the JSON-LD of each page', () => {
  it('is one script element whose graph holds every triple with the entity as subject, and its whole description', async () => {
    for (const entity of entities) {
      const page = files.get(pageOf(entity))!;
      expect(jsonLdScriptTexts(page), entity).toHaveLength(1);
      const found = ntLines(await pageQuads(page));
      const own = quads.filter((q) => q.subject.value === entity);
      expect(own.length, entity).toBeGreaterThan(0);
      for (const line of ntLines(own)) expect(found.has(line), `${entity}: ${line}`).toBe(true);
      for (const line of expectedDescription(entity)) expect(found.has(line), `${entity}: ${line}`).toBe(true);
    }
  });

  it('on the index holds the type and label of every entity, and on the vocabulary page the ontology', async () => {
    const index = ntLines(await pageQuads(files.get('index.html')!));
    for (const q of quads.filter((q) => entities.includes(q.subject.value) && (q.predicate.value === rdf.type || q.predicate.value === rdfs.label))) {
      expect(index.has(quadToNTriples(q))).toBe(true);
    }
    const vocabulary = ntLines(await pageQuads(files.get('vocab/index.html')!));
    for (const q of ontology.filter((q) => q.subject.termType === 'NamedNode' && q.object.termType !== 'BlankNode')) {
      expect(vocabulary.has(quadToNTriples(q)), quadToNTriples(q)).toBe(true);
    }
  });

  it('describes ketamine as a schema.org Drug: name, sameAs (ChEBI …), mechanismOfAction, drugClass, uses', () => {
    const [schemaOrg] = extractJsonLd(files.get('id/drug/ketamine/index.html')!) as [{ '@context': string; '@graph': Record<string, unknown>[] }];
    expect(schemaOrg['@context']).toBe('https://schema.org');
    const drug = schemaOrg['@graph'].find((n) => n['@type'] === 'Drug')!;
    expect(drug['@id']).toBe(`${ID}drug/ketamine`);
    // What the page must say, read from the graph (whatever the data says of ketamine).
    const ketamine = `${ID}drug/ketamine`;
    const objects = (subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
    const labelOf = (iri: string) => objects(iri, rdfs.label)[0];
    expect(drug['name']).toBe(labelOf(ketamine));
    expect(objects(ketamine, skos.exactMatch)).toContain('http://purl.obolibrary.org/obo/CHEBI_6121');
    for (const identifier of objects(ketamine, skos.exactMatch)) expect(drug['sameAs']).toContain(identifier);
    expect([...(drug['mechanismOfAction'] as string[])].sort()).toEqual(objects(ketamine, prop.hasMechanism).map(labelOf).sort());
    expect(objects(ketamine, prop.drugClass).length).toBeGreaterThan(0);
    for (const drugClass of objects(ketamine, prop.drugClass)) expect(drug['drugClass']).toContainEqual({ '@type': 'DrugClass', name: drugClass });
    const therapies = schemaOrg['@graph'].filter((n) => n['@type'] === 'MedicalTherapy');
    expect(therapies.length).toBeGreaterThan(0);
    expect(therapies.map((t) => t['name']).sort()).toEqual(objects(ketamine, prop.hasClinicalUse).map(labelOf).sort());
    for (const therapy of therapies) expect(therapy['drug']).toEqual({ '@id': `${ID}drug/ketamine` });
  });

  it('types targets, systems, processes, uses, references and mechanisms with fitting schema.org types', () => {
    const typeOf = (page: string) => (extractJsonLd(files.get(page)!) as [{ '@graph': { '@type': string }[] }])[0]['@graph'][0]!['@type'];
    expect(typeOf('id/target/nmda-receptor/index.html')).toBe('BioChemEntity');
    expect(typeOf('id/target/glun1/index.html')).toBe('Protein');
    expect(typeOf('id/system/brain/index.html')).toBe('AnatomicalSystem');
    expect(typeOf('id/process/pain-perception/index.html')).toBe('MedicalEntity');
    expect(typeOf('id/use/anaesthesia/index.html')).toBe('MedicalTherapy');
    expect(typeOf('id/mechanism/ketamine-nmda-receptor-block/index.html')).toBe('Claim');
    expect(typeOf('id/reference/lodge-mercier-2015/index.html')).toBe('ScholarlyArticle');
    expect(typeOf('id/reference/drugcentral-2016/index.html')).toBe('Dataset');
    expect(typeOf('id/reference/seed-ketamine/index.html')).toBe('CreativeWork');
    const nmda = (extractJsonLd(files.get('id/target/nmda-receptor/index.html')!) as [{ '@graph': Record<string, unknown>[] }])[0]['@graph'][0]!;
    const glun1 = (extractJsonLd(files.get('id/target/glun1/index.html')!) as [{ '@graph': Record<string, unknown>[] }])[0]['@graph'][0]!;
    expect(glun1['sameAs']).toContain('http://purl.uniprot.org/uniprot/Q05586');
    expect(nmda['hasBioChemEntityPart']).toContainEqual({ '@id': `${ID}target/glun1` });
  });
});

describe('the mechanism diagram', () => {
  const svgOf = (page: string) => /<svg [^>]*class="diagram"[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';
  const mechanismsOf = (drug: string) => quads.filter((q) => q.subject.value === drug && q.predicate.value === prop.hasMechanism).map((q) => q.object.value);
  const objectOf = (s: string, p: string) => quads.find((q) => q.subject.value === s && q.predicate.value === p)?.object.value;

  it('is an inline SVG with role img, a title and a description', () => {
    const svg = svgOf(files.get('id/drug/ketamine/index.html')!);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="diagram-title" aria-describedby="diagram-desc">\n<title id="diagram-title">How ketamine acts[^<]*<\/title>\n<desc id="diagram-desc">[^<]+<\/desc>/);
    expect(svg).toContain('Ketamine blocks the NMDA receptor channel (direct, strong, established). Target: NMDA receptor (channel blocker).');
    expect(files.get('id/drug/ketamine/index.html')).toContain('<ul class="legend">');
  });

  it('draws one edge per mechanism: indirect dashed, direct solid; strong thick, weak thin, unknown normal', () => {
    const svg = svgOf(files.get('id/drug/ketamine/index.html')!);
    // Graphviz writes each edge as <g id="…" class="edge"> followed by its link, path and label.
    const byMechanism = new Map<string, string[]>();
    for (const chunk of svg.split(/(?=<g id="(?:edge|node)-)/)) {
      const id = /^<g id="edge-mechanism-(.+?)(?:-\d+)?" class="edge">/.exec(chunk)?.[1];
      if (id) byMechanism.set(id, [...(byMechanism.get(id) ?? []), chunk]);
    }
    const mechanisms = mechanismsOf(`${ID}drug/ketamine`);
    expect(mechanisms.length).toBeGreaterThan(1);
    let dashed = 0;
    for (const mechanism of mechanisms) {
      const id = mechanism.slice(`${ID}mechanism/`.length);
      const drawn = byMechanism.get(id);
      expect(drawn, id).toBeDefined();
      const path = /<path [^>]*>/.exec(drawn![0]!)![0];
      const indirect = objectOf(mechanism, prop.directness) === termIri('directness', 'indirect');
      expect(path.includes('stroke-dasharray'), id).toBe(indirect);
      if (indirect) dashed++;
      const width = Number(/stroke-width="([\d.]+)"/.exec(path)?.[1] ?? '1');
      const strength = objectOf(mechanism, prop.strength);
      if (strength === termIri('strength', 'strong')) expect(width, id).toBeGreaterThan(3);
      else if (strength === termIri('strength', 'weak')) expect(width, id).toBeLessThan(1);
      else expect(width, id).toBe(1.5);
    }
    expect(dashed).toBeGreaterThan(0);
  });

  it('links its nodes and edges to the pages of the drug, targets, systems and mechanisms', () => {
    const svg = svgOf(files.get('id/drug/ketamine/index.html')!);
    expect(svg).toContain('xlink:href="../../target/nmda-receptor/index.html"');
    expect(svg).toContain('xlink:href="../../mechanism/ketamine-nmda-receptor-block/index.html"');
    expect(svg).toContain('xlink:href="../../system/brain/index.html"');
  });
});

describe('parts of a claim on the pages', () => {
  const rowsOf = (page: string, cls: string) => {
    const body = new RegExp(`<table class="${cls}">[\\s\\S]*?</table>`).exec(files.get(page)!)?.[0] ?? '';
    return [...body.matchAll(/<tr id="([^"]+)">([\s\S]*?)<\/tr>/g)].map(([, id, cells]) => [id, cells!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|')]);
  };

  it("give an effect's dose level a column only where some effect of the mechanism has one", () => {
    const nmda = files.get('id/mechanism/ketamine-nmda-receptor-block/index.html')!;
    expect(nmda).toMatch(/<table class="effects">\n<thead><tr><th scope="col">Effect<\/th><th scope="col">Process<\/th><th scope="col">Dose<\/th>/);
    expect(rowsOf('id/mechanism/ketamine-nmda-receptor-block/index.html', 'effects')).toContainEqual([
      'effect-glutamatergic-synaptic-transmission-subanaesthetic',
      expect.stringMatching(/^\|increased glutamate outflow .*\|synaptic transmission, glutamatergic\|subanaesthetic dose\|increased\|/),
    ]);
    expect(files.get('id/mechanism/ketamine-bdnf-increase/index.html')).not.toContain('<th scope="col">Dose</th>');
  });

  it("list a drug's potency comparisons: than which drug, at which target, in the source's words, with the source", () => {
    const rows = rowsOf('id/drug/esketamine/index.html', 'potency-comparisons');
    expect(rows.map(([id]) => id)).toEqual(['potency-kappa-opioid-receptor-arketamine', 'potency-mu-opioid-receptor-arketamine', 'potency-nmda-receptor-arketamine']);
    expect(rows[2]![1]).toMatch(/^\|arketamine\|NMDA receptor\|\(R\)-ketamine is a less potent NMDA receptor antagonist .*\|Yang C/);
    expect(files.get('id/drug/arketamine/index.html')).not.toContain('potency-comparisons');
  });
});

describe('the alternates', () => {
  it('hold the entity triples, its parts and its neighbours\' labels, in Turtle, N-Triples and JSON-LD alike', async () => {
    for (const entity of entities) {
      const base = entity.slice(ID.length - 'id/'.length);
      const expected = expectedDescription(entity);
      const turtle = new Parser({ format: 'text/turtle' }).parse(files.get(`${base}.ttl`)!);
      const ntriples = new Parser({ format: 'application/n-triples' }).parse(files.get(`${base}.nt`)!);
      const document = JSON.parse(files.get(`${base}.jsonld`)!) as jsonld.JsonLdDocument;
      const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads', documentLoader } as never)) as unknown as string;
      const fromJsonLd = new Parser({ format: 'application/n-quads' }).parse(nquads);
      for (const parsed of [turtle, ntriples, fromJsonLd]) expect(ntLines(parsed), entity).toEqual(expected);
    }
  });

  it('are linked from each page with rel="alternate" and their media types', () => {
    const page = files.get('id/drug/ketamine/index.html')!;
    expect(page).toContain('<link rel="alternate" type="text/turtle" href="../ketamine.ttl" title="Turtle">');
    expect(page).toContain('<link rel="alternate" type="application/n-triples" href="../ketamine.nt" title="N-Triples">');
    expect(page).toContain('<link rel="alternate" type="application/ld+json" href="../ketamine.jsonld" title="JSON-LD">');
  });
});

describe('links', () => {
  it('every relative link of every page resolves to a generated file, and every fragment to an id on it', () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (name: string) => {
      let found = ids.get(name);
      if (!found) ids.set(name, (found = new Set([...files.get(name)!.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))));
      return found;
    };
    let checked = 0;
    for (const name of htmlPages()) {
      for (const match of files.get(name)!.matchAll(/\s(?:xlink:)?href="([^"]*)"/g)) {
        const href = match[1]!.replace(/&amp;/g, '&');
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
          expect(href, `${name}: ${href}`).toMatch(/^https?:\/\//);
          continue;
        }
        const [file = '', fragment] = href.split('#');
        const target = file === '' ? name : path.posix.normalize(path.posix.join(path.posix.dirname(name), file));
        expect(files.has(target), `${name} links to ${href} (${target})`).toBe(true);
        if (fragment !== undefined && target.endsWith('.html')) expect(idsOf(target).has(fragment), `${name} links to ${href}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('name entities by their labels, not their IRIs', () => {
    const page = files.get('id/mechanism/ketamine-nmda-receptor-block/index.html')!;
    expect(page).toContain('<a href="../../target/nmda-receptor/index.html">NMDA receptor</a>');
    expect(page).toContain('<a href="../../drug/ketamine/index.html">ketamine</a>');
    expect(page).toMatch(/href="https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/">PubMed \d+<\/a>/);
    expect(page).toMatch(/href="https:\/\/doi\.org\/10\.[^"]+">doi:10\./);
  });
});

describe('the index', () => {
  it('lists every entity as a plain link by kind, with a search form that a script also filters with', () => {
    const page = files.get('index.html')!;
    for (const kind of ['drug', 'target', 'system', 'process', 'mechanism', 'use', 'reference']) {
      const section = new RegExp(`<section id="${kind}" class="listing">([\\s\\S]*?)</section>`).exec(page)?.[1] ?? '';
      const listed = [...section.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
      const expected = entities.filter((e) => entityIri.exec(e)![1] === kind).map((e) => pageOf(e));
      expect(listed.sort(), kind).toEqual(expected.sort());
    }
    expect(page).toMatch(/<form id="filter-form" class="filter" method="get" action="search" role="search">[\s\S]*<input type="search" id="filter" name="q"/);
    expect(page).toContain('<script>\n(function () {');
  });
});

describe('the vocabulary page', () => {
  const page = () => files.get('vocab/index.html')!;
  const sectionOf = (local: string) => new RegExp(`<section id="${local}" class="term">([\\s\\S]*?)</section>`).exec(page())?.[1];
  const rows = (section: string) => new Map([...section.matchAll(/<dt>([^<]+)<\/dt><dd>([\s\S]*?)<\/dd>/g)].map((m) => [m[1]!, m[2]!]));
  /** The triples of an example (Turtle in <pre><code>, HTML-escaped, with the page's prefixes). */
  const exampleTriples = (dd: string) => {
    const code = /<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(dd)![1]!
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const kinds = ['drug', 'target', 'system', 'process', 'use', 'reference', 'mechanism'];
    const prefixes = [`@prefix pld: <${PLD}> .`, '@prefix obo: <http://purl.obolibrary.org/obo/> .', ...kinds.map((k) => `@prefix ${k}: <${ID}${k}/> .`)];
    return new Parser({ format: 'text/turtle' }).parse(`${prefixes.join('\n')}\n${code}`);
  };
  /**
   * An example is one triple: one of the dataset's (whichever the data holds) where it has any of the kind, else
   * one with the placeholder object "…".
   */
  const expectExampleFromData = (dd: string, local: string, inData: boolean) => {
    const triples = exampleTriples(dd);
    expect(triples, local).toHaveLength(1);
    const line = quadToNTriples(triples[0]!);
    if (inData) expect(ntLines(quads).has(line), `${local}: ${line}`).toBe(true);
    // A made-up example: a placeholder value, or for a class (or a property whose domain has no instance yet) a
    // blank-node instance; either way marked as illustrative.
    else {
      expect(triples[0]!.object.value === '…' || triples[0]!.subject.termType === 'BlankNode', `${local}: ${line}`).toBe(true);
      expect(dd, local).toContain('Illustrative:');
    }
  };

  it('has a section for every class, with label, comment, the properties it is domain and range of, and an example', () => {
    for (const iri of Object.values(cls)) {
      const local = iri.slice(PLD.length);
      const section = sectionOf(local);
      expect(section, local).toBeDefined();
      const dl = rows(section!);
      for (const row of ['label', 'comment', 'domain of', 'range of', 'example']) expect(dl.get(row), `${local} ${row}`).toBeTruthy();
      expect(dl.get('comment')!.length, local).toBeGreaterThan(20);
      expect(dl.get('example'), local).toContain('<pre><code>');
      expectExampleFromData(dl.get('example')!, local, quads.some((q) => q.predicate.value === rdf.type && q.object.value === iri));
      expect(exampleTriples(dl.get('example')!)[0]!.object.value, local).toBe(iri);
    }
  });

  it('has a section for every property, with label, comment, domain, range and an example', () => {
    for (const iri of Object.values(prop)) {
      const local = iri.slice(PLD.length);
      const section = sectionOf(local);
      expect(section, local).toBeDefined();
      const dl = rows(section!);
      for (const row of ['label', 'comment', 'domain', 'range', 'example']) expect(dl.get(row), `${local} ${row}`).toBeTruthy();
      expect(dl.get('domain'), local).not.toContain('not declared');
      expect(dl.get('range'), local).not.toContain('not declared');
      expect(dl.get('example'), local).toContain('<pre><code>');
      expectExampleFromData(dl.get('example')!, local, quads.some((q) => q.predicate.value === iri));
      expect(exampleTriples(dl.get('example')!)[0]!.predicate.value, local).toBe(iri);
    }
    // A union domain is listed member by member, in the ontology's order (the description's: drug, then mechanism).
    expect(rows(sectionOf('hasCaveat')!).get('domain')).toMatch(/>drug<\/a> or <a[^>]*>mechanism</);
  });

  it('anchors every controlled term, so vocab#ChannelBlocker lands on it', () => {
    expect(page()).toMatch(/<tr id="ChannelBlocker"><th scope="row">channel blocker <code>pld:ChannelBlocker<\/code><\/th><td><code>channel-blocker<\/code><\/td>/);
    expect(page()).toContain('<tr id="Indirect">');
    const mechanism = files.get('id/mechanism/ketamine-nmda-receptor-block/index.html')!;
    expect(mechanism).toContain('<a href="../../../vocab/index.html#ChannelBlocker">channel blocker</a>');
  });

  it('comes with the ontology as Turtle', () => {
    const parsed = new Parser({ format: 'text/turtle' }).parse(files.get('vocab/index.ttl')!);
    expect(parsed.length).toBe(ontology.length);
  });
});

describe('labels that try to break out', () => {
  const hostile = '</script><script>alert(1)</script> <!-- "quotes\' & \u2028 line\u2029 end -->';
  const drug = `${ID}drug/evil`;
  const target = `${ID}target/evil-receptor`;
  const system = `${ID}system/evil-system`;
  const mechanism = `${ID}mechanism/evil-block`;
  let pages: Map<string, string>;
  let missing: readonly string[];

  beforeAll(async () => {
    const t = (s: string, p: string, o: string) => quad(namedNode(s), namedNode(p), namedNode(o));
    const l = (s: string, p: string, text: string) => quad(namedNode(s), namedNode(p), literal(text, 'en'));
    const data = [
      t(drug, rdf.type, cls.Drug), l(drug, rdfs.label, hostile), l(drug, rdfs.comment, `${hostile} description`),
      l(drug, prop.drugClass, hostile), t(drug, prop.hasMechanism, mechanism), t(drug, prop.actsOn, target),
      t(drug, skos.exactMatch, 'javascript:alert(1)'), t(drug, skos.exactMatch, 'http://purl.obolibrary.org/obo/CHEBI_1'),
      t(target, rdf.type, cls.Target), l(target, rdfs.label, `${hostile} target`), t(target, prop.affects, system),
      t(system, rdf.type, cls.PhysiologicalSystem), l(system, rdfs.label, `${hostile} system`),
      t(mechanism, rdf.type, cls.Mechanism), l(mechanism, rdfs.label, `${hostile} mechanism`), t(mechanism, prop.drug, drug),
      t(mechanism, prop.target, target), t(mechanism, prop.system, system), t(mechanism, prop.actionType, termIri('actionType', 'channel-blocker')),
      t(mechanism, prop.directness, termIri('directness', 'direct')), t(mechanism, prop.certainty, termIri('certainty', 'possible')),
    ];
    const report = await buildSiteWithReport({ quads: [...data, ...ontology], ontology });
    pages = new Map(report.files.map((f) => [f.name, f.content]));
    missing = report.missingLabels;
  });

  it('stay inert in the JSON-LD: no `<`, no U+2028 in the script text, and JSON.parse gives the exact label back', async () => {
    for (const name of ['id/drug/evil/index.html', 'id/target/evil-receptor/index.html', 'id/system/evil-system/index.html', 'id/mechanism/evil-block/index.html']) {
      const page = pages.get(name)!;
      const texts = jsonLdScriptTexts(page);
      expect(texts, name).toHaveLength(1);
      expect(texts[0]).not.toMatch(/[<>\u2028\u2029]/);
      expect(texts[0]).toContain('\\u003c/script\\u003e');
      const [schemaOrg, description] = JSON.parse(texts[0]!) as [{ '@graph': { name: string }[] }, { '@graph': { id: string; label?: string }[] }];
      expect(schemaOrg['@graph'][0]!.name.startsWith(hostile), name).toBe(true);
      expect(description['@graph'].some((node) => node.label?.startsWith(hostile)), name).toBe(true);
      if (name.includes('/drug/')) expect(description['@graph'].find((node) => node.id === drug)?.label).toBe(hostile);
      const labels = (await pageQuads(page)).filter((q) => q.predicate.value === rdfs.label).map((q) => q.object.value);
      expect(labels.some((label) => label.startsWith(hostile)), name).toBe(true);
    }
    const [schemaOrg] = JSON.parse(jsonLdScriptTexts(pages.get('id/drug/evil/index.html')!)[0]!) as [{ '@graph': { name: string; description: string }[] }];
    expect(schemaOrg['@graph'][0]!.name).toBe(hostile);
    expect(schemaOrg['@graph'][0]!.description).toBe(`${hostile} description`);
  });

  it('stay inert in the HTML: the only script elements are the page\'s own, no comment opens, text is escaped', () => {
    for (const [name, page] of pages) {
      if (!name.endsWith('.html')) continue;
      const scripts = [...page.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      expect(scripts, name).toEqual(name === 'index.html' ? ['<script type="application/ld+json">', '<script>'] : ['<script type="application/ld+json">']);
      expect(page, name).not.toContain('<!--');
      expect(page, name).not.toContain('alert(1)</script>');
      expect(page, name).not.toMatch(/href="javascript:/i);
    }
    const page = pages.get('id/drug/evil/index.html')!;
    const escaped = '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &quot;quotes&#39; &amp; \u2028 line\u2029 end --&gt;';
    expect(page).toContain(`<h1>${escaped}</h1>`);
    expect(page).toContain(`<title>${escaped} · pharmald</title>`);
    expect(page).toContain('<span class="iri">javascript:alert(1)</span>');
    // The diagram: Graphviz escapes the label in the SVG text, and our title and desc are escaped too.
    const svg = /<svg [^>]*class="diagram"[\s\S]*?<\/svg>/.exec(page)![0];
    expect(svg).not.toMatch(/<script|<!--/i);
    expect(svg).toContain('&lt;/script&gt;');
  });

  it('need no label the graph does not give', () => {
    expect(missing).toEqual([]);
  });
});

describe('what the pages reveal about the data', () => {
  it('every IRI a page names has a label, except caveats (named by their key: the data gives them only a text)', async () => {
    const { missingLabels } = await buildSiteWithReport({ quads, ontology });
    expect(missingLabels.length).toBeGreaterThan(0);
    for (const iri of missingLabels) expect(iri, iri).toMatch(/\/caveat\/[a-z0-9-]+$/);
  });
});

/**
 * The W3C JSON-LD 1.1 tests for JSON-LD in HTML (json-ld-api/tests/html-manifest.jsonld, copied with the
 * W3C licence into tests/fixtures/json-ld-html/) that bear on how our pages embed data and how we read it
 * back: one script element in the head holding an array, absolute IRIs only, every `<` escaped.
 */
describe('W3C JSON-LD-in-HTML cases for our embedding', () => {
  const dir = path.join(root, 'tests', 'fixtures', 'json-ld-html');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'html-manifest.jsonld'), 'utf8')) as {
    baseIri: string;
    sequence: { '@id': string; '@type': string[]; name: string; input: string; expect?: string; expectErrorCode?: string; context?: string; option?: { extractAllScripts?: boolean } }[];
  };
  const run = new Set([
    // One script element (our pages): expand, to RDF, compact, flatten.
    '#te001', '#tr001', '#tc001', '#tf001',
    // The first of several is what a reader without extractAllScripts gets; with it, all, and arrays are spliced (ours is an array).
    '#te002', '#tr002', '#tc002', '#tf002', '#tf004', '#te004', '#tr004', '#tc004', '#tf005', '#te005', '#tr005',
    // No script element: an error without extractAllScripts, else nothing.
    '#te006', '#te007', '#tr006', '#tr007',
    // Character references are not decoded in a script: why we escape `<` as \u003c and never as &lt;.
    '#te010', '#tr010',
    // Comment markers left in a script are an error: why a label's `<!--` must never reach the script text.
    '#te014', '#te015', '#te016', '#te017', '#tr014', '#tr015', '#tr016', '#tr017',
  ]);
  const notApplicable: Record<string, string> = {
    '#tex01': 'XHTML (application/xhtml+xml): our pages are text/html',
    '#te003': 'targets a script by fragment id: our pages have one script, without id', '#tr003': 'fragment-targeted script', '#tc003': 'fragment-targeted script', '#tf003': 'fragment-targeted script',
    '#te011': 'error for a missing fragment target', '#tr011': 'error for a missing fragment target',
    '#te012': 'fragment target that is not a script', '#tr012': 'fragment target that is not a script',
    '#te013': 'fragment target with another type', '#tr013': 'fragment target with another type',
    '#te022': 'fragment target with an HTML <base>', '#tr022': 'fragment target with an HTML <base>',
    '#te018': 'relative @id against the document URL: our JSON-LD has absolute IRIs only', '#tr018': 'relative @id against the document URL',
    '#te019': 'relative @id against the base option', '#tr019': 'relative @id against the base option',
    '#te020': 'relative @id against an HTML <base>: our pages have none', '#tr020': 'relative @id against an HTML <base>',
    '#te021': 'relative @id against a relative HTML <base>', '#tr021': 'relative @id against a relative HTML <base>',
  };

  it('every case of the manifest is either run here or not applicable, with the reason', () => {
    for (const test of manifest.sequence) expect(run.has(test['@id']) !== (test['@id'] in notApplicable), test['@id']).toBe(true);
  });

  for (const id of [...run].sort()) {
    it(`${id}`, async () => {
      const test = manifest.sequence.find((t) => t['@id'] === id)!;
      const file = (ref: string) => readFileSync(path.join(dir, path.basename(ref)), 'utf8');
      const base = `${manifest.baseIri}${test.input}`;
      const type = test['@type'];
      // toRdf extracts all scripts unless told otherwise (w3c/json-ld-api#603); the other methods the first only.
      const extractAllScripts = test.option?.extractAllScripts ?? type.includes('jld:ToRDFTest');
      const extract = () => extractJsonLd(file(test.input), { extractAllScripts }) as jsonld.JsonLdDocument;
      if (test.expectErrorCode) {
        expect(extract).toThrow(JsonLdScriptError);
        try {
          extract();
        } catch (error) {
          expect((error as JsonLdScriptError).code).toBe(test.expectErrorCode);
        }
        return;
      }
      const document = extract();
      const context = test.context ? (JSON.parse(file(test.context)) as { '@context': jsonld.ContextDefinition })['@context'] : undefined;
      if (type.includes('jld:ToRDFTest')) {
        const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads', base } as never)) as unknown as string;
        expect(await canonical(nquads)).toBe(await canonical(file(test.expect!)));
        return;
      }
      const expected = JSON.parse(file(test.expect!)) as unknown;
      const actual = type.includes('jld:ExpandTest')
        ? await jsonld.expand(document, { base })
        : type.includes('jld:CompactTest')
          ? await jsonld.compact(document, context!, { base })
          : await jsonld.flatten(document, context!, { base } as never);
      expect(normalize(actual)).toEqual(normalize(expected));
    });
  }
});

/** The canonical form of N-Quads (RDF Dataset Canonicalization), equal for isomorphic graphs. */
function canonical(nquads: string): Promise<string> {
  return jsonld.canonize(nquads, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never) as Promise<string>;
}

/** JSON-LD compared as the test suite does: arrays are unordered, except a @list's. */
function normalize(value: unknown, ordered = false): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v));
    return ordered ? items : items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, k === '@list')]));
  }
  return value;
}
