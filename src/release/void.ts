// **void** describes a built dataset: VoID statistics from the graph, a DCAT distribution per file, licence and
// provenance. Dates come from the release, never the clock, so the same input gives the same bytes.
import { createHash } from 'node:crypto';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { ID, owl, PLD, prop, rdf, rdfs, termIri, xsd } from '../vocab.js';

const VOID = 'http://rdfs.org/ns/void#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const SPDX = 'http://spdx.org/rdf/terms#';
const PROV = 'http://www.w3.org/ns/prov#';

export const voidPrefixes = { void: VOID, dcat: DCAT, spdx: SPDX, prov: PROV } as const;

/** The dataset's own IRI, the same in every build and release. */
export const datasetIri = 'https://w3id.org/pharmald/dataset';
export const dataLicense = 'https://creativecommons.org/licenses/by/4.0/';
/** Where a plain build's files are published, for their download links. */
export const defaultBaseUrl = 'https://w3id.org/pharmald/latest/';

export interface DistributionFile {
  /** The file name, relative to where the dataset is published. */
  readonly name: string;
  readonly content: Buffer;
  readonly mediaType: string;
  /** Size and checksum, computed once for void.ttl, the index page and SHA256SUMS alike. */
  readonly bytes: number;
  readonly sha256: string;
}

/** A file to publish, as bytes, with its size and checksum. */
export function distributionFile(name: string, content: string | Buffer, mediaType: string): DistributionFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, content: bytes, mediaType, bytes: bytes.length, sha256: sha256(bytes) };
}

export interface DescribeOptions {
  /** Where the files are published (…/ for the latest build, …/releases/X.Y.Z/ for a release). */
  readonly baseUrl: string;
  readonly version?: string;
  /** The release date, YYYY-MM-DD. */
  readonly issued?: string;
  readonly sparqlEndpoint?: string;
}

const { namedNode, literal, quad } = DataFactory;

/** The VoID + DCAT description of `quads`, published as `files`. */
export function describeDataset(quads: readonly Quad[], files: readonly DistributionFile[], options: DescribeOptions): Quad[] {
  const out: Quad[] = [];
  const add = (s: string, p: string, o: Quad['object']) => out.push(quad(namedNode(s), namedNode(p), o));
  const count = (n: number) => literal(String(n), namedNode(xsd.integer));
  const text = (value: string) => literal(value, 'en');

  for (const type of [`${VOID}Dataset`, `${DCAT}Dataset`]) add(datasetIri, rdf.type, namedNode(type));
  add(datasetIri, `${DCT}title`, text('pharmald: pharmacology mechanisms of action'));
  add(datasetIri, `${DCT}description`, text('How drugs act on targets and physiological systems, one claim per mechanism with its nuance and evidence.'));
  add(datasetIri, `${DCT}license`, namedNode(dataLicense));
  add(datasetIri, `${VOID}uriSpace`, literal(ID));
  add(datasetIri, `${VOID}vocabulary`, namedNode(PLD));
  if (options.version) {
    add(datasetIri, owl.versionInfo, literal(options.version));
    add(datasetIri, owl.versionIRI, namedNode(`https://w3id.org/pharmald/releases/${options.version}/dataset`));
  }
  if (options.issued) add(datasetIri, `${DCT}issued`, literal(options.issued, namedNode(xsd.date)));
  if (options.sparqlEndpoint) add(datasetIri, `${VOID}sparqlEndpoint`, namedNode(options.sparqlEndpoint));

  // Provenance: the databases and source texts the data was curated from.
  for (const source of datasetSources(quads)) {
    add(datasetIri, `${PROV}wasDerivedFrom`, namedNode(source.iri));
    add(datasetIri, `${DCT}source`, namedNode(source.iri));
    add(source.iri, rdfs.label, text(source.label));
    if (source.license) add(source.iri, `${DCT}license`, namedNode(source.license));
  }

  // VoID statistics, computed from the graph.
  const subjects = new Set<string>();
  const objects = new Set<string>();
  const byPredicate = new Map<string, number>();
  const byClass = new Map<string, Set<string>>();
  for (const q of quads) {
    subjects.add(q.subject.value);
    objects.add(`${q.object.termType}:${q.object.value}:${'language' in q.object ? q.object.language : ''}:${'datatype' in q.object ? q.object.datatype?.value : ''}`);
    byPredicate.set(q.predicate.value, (byPredicate.get(q.predicate.value) ?? 0) + 1);
    if (q.predicate.value === rdf.type) {
      if (!byClass.has(q.object.value)) byClass.set(q.object.value, new Set());
      byClass.get(q.object.value)!.add(q.subject.value);
    }
  }
  const entities = new Set([...byClass.values()].flatMap((members) => [...members]).filter((s) => s.startsWith(ID)));
  add(datasetIri, `${VOID}triples`, count(quads.length));
  add(datasetIri, `${VOID}entities`, count(entities.size));
  add(datasetIri, `${VOID}distinctSubjects`, count(subjects.size));
  add(datasetIri, `${VOID}distinctObjects`, count(objects.size));
  add(datasetIri, `${VOID}properties`, count(byPredicate.size));
  add(datasetIri, `${VOID}classes`, count(byClass.size));
  const classSizes = new Map([...byClass].map(([cls, members]) => [cls, members.size]));
  for (const [kind, sizes, measure] of [['class', classSizes, 'entities'], ['property', byPredicate, 'triples']] as const) {
    for (const [iri, n] of [...sizes].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const partition = `${datasetIri}/partition/${kind}/${encodeURIComponent(iri)}`;
      add(datasetIri, `${VOID}${kind}Partition`, namedNode(partition));
      add(partition, `${VOID}${kind}`, namedNode(iri));
      add(partition, `${VOID}${measure}`, count(n));
    }
  }

  // One distribution per file, with size and checksum.
  for (const file of files) {
    const url = `${options.baseUrl}${file.name}`;
    const distribution = `${datasetIri}/distribution/${file.name}`;
    add(datasetIri, `${VOID}dataDump`, namedNode(url));
    add(datasetIri, `${DCAT}distribution`, namedNode(distribution));
    add(distribution, rdf.type, namedNode(`${DCAT}Distribution`));
    add(distribution, `${DCAT}downloadURL`, namedNode(url));
    add(distribution, `${DCAT}mediaType`, namedNode(`https://www.iana.org/assignments/media-types/${file.mediaType}`));
    add(distribution, `${DCAT}byteSize`, literal(String(file.bytes), namedNode(xsd.nonNegativeInteger)));
    add(distribution, `${DCT}license`, namedNode(dataLicense));
    const checksum = `${distribution}#sha256`;
    add(distribution, `${SPDX}checksum`, namedNode(checksum));
    add(checksum, rdf.type, namedNode(`${SPDX}Checksum`));
    add(checksum, `${SPDX}algorithm`, namedNode(`${SPDX}checksumAlgorithm_sha256`));
    add(checksum, `${SPDX}checksumValue`, literal(file.sha256, namedNode(xsd.hexBinary)));
  }
  return out;
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** What the dataset was made from: the source releases it imports and the databases and source texts its curated claims cite. */
export function datasetSources(quads: readonly Quad[]): { iri: string; label: string; license?: string }[] {
  const kinds = new Set([termIri('referenceType', 'database'), termIri('referenceType', 'source-text')]);
  // Imported claims cite their source's own database pages (a ChEMBL record per drug): the dataset's sources are
  // the releases they were imported from, and the databases that curated claims cite.
  const imported = new Set(quads.filter((q) => q.predicate.value === prop.hasOrigin).map((q) => q.subject.value));
  const citing = new Set([prop.supportedBy, prop.derivedFrom, prop.citation]);
  const cited = new Set(quads.filter((q) => citing.has(q.predicate.value) && !imported.has(q.subject.value)).map((q) => q.object.value));
  const releases = new Set(quads.filter((q) => q.predicate.value === rdf.type && q.object.value === `${PLD}SourceRelease`).map((q) => q.subject.value));
  const sources = new Set(quads.filter((q) => q.predicate.value === prop.referenceType && kinds.has(q.object.value) && cited.has(q.subject.value)).map((q) => q.subject.value));
  for (const release of releases) sources.add(release);
  const labels = new Map<string, string>();
  const licenses = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value === rdfs.label && sources.has(q.subject.value) && !labels.has(q.subject.value)) labels.set(q.subject.value, q.object.value);
    if (q.predicate.value === `${DCT}license` && releases.has(q.subject.value)) licenses.set(q.subject.value, q.object.value);
  }
  return [...sources].sort().map((iri) => ({ iri, label: labels.get(iri) ?? iri, ...(licenses.has(iri) ? { license: licenses.get(iri)! } : {}) }));
}
