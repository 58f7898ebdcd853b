// fast-check arbitraries for pharmald, shared by tests/property.test.ts (the quick run) and bench/fuzz.mjs (the long
// one). Plain ESM JavaScript with no import from pharmald itself, so it runs under vitest and plain node alike.
//
//   validModel(options)    a random model that conforms to src/model/schema.ts and to the cross-entity rules of
//                          src/model/check.ts and shapes/pharmald.shacl.ts, written as 1-3 YAML data files in random
//                          YAML styles (quoting, block scalars, flow or block collections, line folding, CRLF, BOM),
//                          with random texts full of quotes, backslashes, line ends, tabs, non-BMP characters,
//                          RTL marks, separators and combining marks, and random decimals for affinities
//   byteMutations(n)       a list of random byte edits (flip, set, insert, delete, truncate, duplicate) for a file
//   applyMutations(b, ms)  applies them to a Buffer
//   expectedLiterals(m)    the literals the model must produce, by subject IRI and predicate
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

const ID = 'https://w3id.org/pharmald/id/';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const PLD = 'https://w3id.org/pharmald/vocab#';

// --- Texts ------------------------------------------------------------------------------------------------------------

/** Pieces that break naive writers and parsers of YAML, Turtle, N-Triples and JSON. */
const tricky = [
  '"', "'", '\\', '\\n', '\\u0041', '\n', '\t', '\r', '\r\n', ' ', '  ', '#', ' #', ':', ': ', '- ', '? ', '&a', '*a', '!', '!!str', '|',
  '>', '%', '@', '@en', '`', '{', '}', '[', ']', ',', '<', '>', '^^', '_:b0', '<http://x>', '"""', "'''", '---', '...', 'null', 'true',
  '~', '0x1F', '1e3', '-0', '😀', '𝔸', '👩‍⚕️', '\u200F', '\u200E', '\u2028', '\u2029', '\u00A0', '\u0301', 'e\u0301', '\u0085',
  '\uFEFF', '\u200B', 'é', 'ß', '中文', 'עברית', '\u0080', '\u009F', '\uFFFD', '\uFFFE', '\u{10FFFF}', '\u{E0001}',
];

/** The Text rules of src/model/schema.ts. */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Repairs a string into a valid Text: no forbidden control character, no lone surrogate, no white space at either end. */
export function toText(raw) {
  let text = raw.replace(forbidden, '?').replace(loneSurrogate, '?');
  if (text === '' || /^\s/u.test(text)) text = `a${text}`;
  if (/\s$/u.test(text)) text = `${text}z`;
  return text;
}

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...tricky) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
);

/** A random valid Text (schema: non-empty, no control characters but tab and line ends, no white space at the ends). */
export const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => toText(pieces.join('')));

// --- Identifiers ------------------------------------------------------------------------------------------------------

const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,2}$/);
const ids = (min, max) => fc.uniqueArray(id, { minLength: min, maxLength: max });
const digits = (min, max) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const upper = (n) => fc.stringMatching(new RegExp(`^[A-Z]{${n}}$`));

const chebi = fc.integer({ min: 1, max: 999_999 }).map((n) => `CHEBI:${n}`);
const drugIdentifiers = fc.record({
  chebi: fc.option(chebi, { nil: undefined }),
  wikidata: fc.option(fc.integer({ min: 1, max: 1e8 }).map((n) => `Q${n}`), { nil: undefined }),
  drugbank: fc.option(digits(5, 5).map((d) => `DB${d}`), { nil: undefined }),
  chembl: fc.option(fc.nat(9_999_999).map((n) => `CHEMBL${n}`), { nil: undefined }),
  pubchem: fc.option(digits(1, 9), { nil: undefined }),
  mesh: fc.option(fc.oneof(digits(6, 6).map((d) => `D${d}`), digits(9, 9).map((d) => `D${d}`), digits(6, 6).map((d) => `C${d}`)), { nil: undefined }),
  atc: fc.option(fc.array(fc.tuple(upper(1), digits(2, 2), upper(2), digits(2, 2)).map((p) => p.join('')), { maxLength: 2 }), { nil: undefined }),
  unii: fc.option(fc.stringMatching(/^[0-9A-Z]{10}$/), { nil: undefined }),
  cas: fc.option(fc.tuple(digits(1, 7), digits(2, 2), digits(1, 1)).map((p) => p.join('-')), { nil: undefined }),
  gtopdb_ligand: fc.option(digits(1, 6), { nil: undefined }),
});
const uniprot = fc.oneof(
  fc.stringMatching(/^[OPQ][0-9][A-Z0-9]{3}[0-9]$/),
  fc.stringMatching(/^[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2}$/),
);
const targetIdentifiers = fc.record({
  uniprot: fc.option(uniprot, { nil: undefined }),
  hgnc: fc.option(digits(1, 5).map((d) => `HGNC:${d}`), { nil: undefined }),
  gtopdb_target: fc.option(digits(1, 5), { nil: undefined }),
});

/**
 * DOI suffix characters the schema allows ([^\s"<>\\^`{|}]), but control characters and lone surrogates, which it
 * allows too but should not (a known bug: the Turtle and N-Triples written are then unparseable, or corrupted).
 */
const doiChars = [...'abcXYZ0189.-_;()/:#%?&=+$,!*\'~[]@', 'é', '😀', '\u200F', '\u0301'];
const doi = () =>
  fc.tuple(digits(4, 9), fc.array(fc.constantFrom(...doiChars), { minLength: 1, maxLength: 12 }))
    .map(([registrant, suffix]) => `10.${registrant}/${suffix.join('')}`);

// --- Decimals ---------------------------------------------------------------------------------------------------------

/**
 * A decimal as a curator writes it: up to 12 significant digits, up to 12 decimal places, either sign, written in the
 * YAML as the plain decimal text (e.g. 0.000012, 123456789.123, -7.5, 0). `extreme` gives any finite double instead
 * (1e21, 5e-324, 1.2345678901234567e-10…), written as JavaScript prints it.
 */
const decimal = (extreme, { positive = false } = {}) =>
  extreme
    ? fc.double({ noNaN: true, noDefaultInfinity: true, min: positive ? Number.MIN_VALUE : -Number.MAX_VALUE })
    : fc.tuple(fc.integer({ min: positive ? 1 : 0, max: 999_999_999_999 }), fc.integer({ min: 0, max: 12 }), positive ? fc.constant(false) : fc.boolean())
      .map(([mantissa, scale, negative]) => {
        const padded = String(mantissa).padStart(scale + 1, '0');
        const lexical = scale === 0 ? padded : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
        return Number(`${negative && mantissa !== 0 ? '-' : ''}${lexical}`);
      });

// --- Vocabularies -----------------------------------------------------------------------------------------------------

const targetTypes = ['receptor', 'ion-channel', 'ligand-gated-ion-channel', 'transporter', 'enzyme', 'signalling-protein'];
const actions = ['channel-blocker', 'antagonist', 'agonist', 'partial-agonist', 'inverse-agonist', 'inhibitor', 'activator',
  'positive-allosteric-modulator', 'negative-allosteric-modulator', 'potentiation', 'binding', 'increased-level', 'decreased-level', 'modulation'];
const logMeasures = ['pKi', 'pKd', 'pIC50', 'pEC50', 'pA2', 'pKB'];
const linearMeasures = ['Ki', 'Kd', 'IC50', 'EC50'];
const referenceTypes = ['review', 'systematic-review', 'primary-study', 'database', 'source-text'];

const opt = (arb, freq = 2) => fc.option(arb, { nil: undefined, freq });
const pick = (list) => fc.constantFrom(...list);
const someOf = (list, min = 0, max = list.length) => fc.shuffledSubarray(list, { minLength: Math.min(min, list.length), maxLength: Math.min(max, list.length) });

/** Drops undefined fields, so that the YAML holds only what is set. */
const clean = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

// --- The model --------------------------------------------------------------------------------------------------------

/**
 * A random valid model: { sections: { drugs, targets, … }, files: [{ name, text }] }.
 * options.extreme: any finite double for affinity values and uncertainties, as the schema allows (z.number().finite():
 * 1e21, 5e-324, …), which src/rdf/mappers.ts decimal() writes wrongly today (a known bug); off by default.
 */
export function validModel(options = {}) {
  const extreme = Boolean(options.extreme);
  return fc
    .record({
      drugIds: ids(1, 2),
      targetIds: ids(1, 4),
      systemIds: ids(1, 3),
      processIds: ids(1, 4),
      useIds: ids(0, 2),
      referenceIds: ids(1, 3),
      mechanismIds: ids(0, 3),
      roles: fc.uniqueArray(fc.record({ chebi, label: text }), { maxLength: 3, selector: (r) => r.chebi }),
    })
    .chain((pool) => {
      const { drugIds, targetIds, systemIds, processIds, useIds, referenceIds, mechanismIds, roles } = pool;
      const drug = (drugId) => fc.record({
        id: fc.constant(drugId),
        label: text,
        description: opt(text),
        drug_classes: opt(fc.array(text, { minLength: 1, maxLength: 3 })),
        identifiers: drugIdentifiers.map(clean),
        roles: opt(someOf(roles, 1)),
        uses: useIds.length ? opt(someOf(useIds, 1)) : fc.constant(undefined),
        no_appreciable_binding: opt(fc.record({ targets: someOf(targetIds, 1), reference: pick(referenceIds), note: text })),
      }).map(clean);
      const target = (targetId) => {
        const others = targetIds.filter((t) => t !== targetId);
        return fc.record({
          id: fc.constant(targetId),
          label: text,
          description: opt(text),
          type: pick(targetTypes),
          gene: opt(fc.stringMatching(/^[A-Z0-9-]{1,8}$/)),
          identifiers: opt(targetIdentifiers.map(clean)),
          subunits: others.length ? opt(someOf(others, 1, 3)) : fc.constant(undefined),
        }).map(clean);
      };
      const system = (systemId) => {
        const others = systemIds.filter((s) => s !== systemId);
        return fc.record({
          id: fc.constant(systemId),
          label: text,
          description: opt(text),
          uberon: opt(digits(7, 7).map((d) => `UBERON:${d}`)),
          part_of: others.length ? opt(pick(others)) : fc.constant(undefined),
        }).map(clean);
      };
      const process = (processId) => fc.record({
        id: fc.constant(processId),
        label: text,
        description: opt(text),
        go: opt(digits(7, 7).map((d) => `GO:${d}`)),
        occurs_in: opt(someOf(systemIds, 1)),
      }).map(clean);
      const use = (useId) => fc.record({ id: fc.constant(useId), label: text, description: opt(text), chebi_role: opt(chebi) }).map(clean);
      const reference = (referenceId) => fc.record({
        id: fc.constant(referenceId),
        label: text,
        type: pick(referenceTypes),
        year: opt(fc.integer({ min: 1800, max: 2100 })),
        pmid: opt(fc.integer({ min: 1, max: 999_999_999 }).map(String)),
        doi: opt(doi()),
      }).map(clean);
      const affinity = (mechanismTarget) => fc.record({
        target: mechanismTarget === undefined ? pick(targetIds) : opt(pick(targetIds)),
        log: fc.boolean(),
        logMeasure: pick(logMeasures),
        linearMeasure: pick(linearMeasures),
        value: decimal(extreme),
        uncertainty: opt(decimal(extreme, { positive: true })),
        unit: pick(['nM', 'uM']),
        assay: opt(text),
        species: opt(text),
        reference: pick(referenceIds),
      }).map((a) => clean({
        target: a.target,
        measure: a.log ? a.logMeasure : a.linearMeasure,
        value: a.value,
        uncertainty: a.uncertainty,
        unit: a.log ? undefined : a.unit,
        assay: a.assay,
        species: a.species,
        reference: a.reference,
      }));
      const mechanism = (mechanismId) => {
        const others = mechanismIds.filter((m) => m !== mechanismId);
        return fc.record({
          direct: fc.boolean(),
          hasTarget: fc.boolean(),
          target: pick(targetIds),
          action: pick(actions),
          actionWithoutTarget: opt(pick(actions), 4),
        }).chain(({ direct, hasTarget, target: chosenTarget, action, actionWithoutTarget }) => {
          const mechanismTarget = direct || hasTarget ? chosenTarget : undefined;
          return fc.record({
            id: fc.constant(mechanismId),
            label: text,
            description: opt(text),
            drug: pick(drugIds),
            target: fc.constant(mechanismTarget),
            action: fc.constant(mechanismTarget === undefined ? actionWithoutTarget : action),
            directness: fc.constant(direct ? 'direct' : 'indirect'),
            strength: opt(pick(['strong', 'moderate', 'weak'])),
            certainty: pick(['established', 'probable', 'possible']),
            systems: someOf(systemIds, 1),
            effects: someOf(processIds, 1, 3).chain((processes) => fc.tuple(...processes.map((p) => fc.record({
              process: fc.constant(p),
              label: text,
              direction: pick(['increased', 'decreased', 'preserved', 'altered']),
              valence: pick(['therapeutic', 'adverse', 'context-dependent']),
            })))),
            downstream_of: others.length ? opt(someOf(others, 1)) : fc.constant(undefined),
            contributes_to: useIds.length ? opt(someOf(useIds, 1)) : fc.constant(undefined),
            supported_by: opt(someOf(referenceIds, 1)),
            source: opt(fc.record({ reference: pick(referenceIds), section: opt(text) }).map(clean)),
            // One affinity per (target, measure): the key check.ts uses.
            affinities: opt(fc.uniqueArray(affinity(mechanismTarget), {
              minLength: 1,
              maxLength: 3,
              selector: (a) => `${a.target ?? mechanismTarget}/${a.measure}`,
            })),
            caveats: opt(fc.uniqueArray(fc.record({ id, text, references: opt(someOf(referenceIds, 1)) }).map(clean), {
              minLength: 1,
              maxLength: 2,
              selector: (c) => c.id,
            })),
          }).map(clean);
        });
      };
      const all = (list, arb) => (list.length ? fc.tuple(...list.map(arb)) : fc.constant([]));
      return fc.record({
        drugs: all(drugIds, drug),
        targets: all(targetIds, target),
        systems: all(systemIds, system),
        processes: all(processIds, process),
        clinical_uses: all(useIds, use),
        references: all(referenceIds, reference),
        mechanisms: all(mechanismIds, mechanism),
      });
    })
    .chain((sections) => fc.record({
      sections: fc.constant(sections),
      files: layout(sections),
    }));
}

/** Spreads the entities over 1-3 files, each written in its own random YAML style. */
function layout(sections) {
  const entities = Object.entries(sections).flatMap(([section, list]) => list.map((entity) => ({ section, entity })));
  return fc.record({
    fileCount: fc.integer({ min: 1, max: 3 }),
    assignment: fc.array(fc.nat(2), { minLength: entities.length, maxLength: entities.length }),
    styles: fc.array(yamlStyle, { minLength: 3, maxLength: 3 }),
  }).map(({ fileCount, assignment, styles }) => {
    const files = [];
    for (let f = 0; f < fileCount; f++) {
      const content = {};
      entities.forEach(({ section, entity }, i) => {
        if (assignment[i] % fileCount !== f) return;
        (content[section] ??= []).push(entity);
      });
      if (Object.keys(content).length === 0) content.clinical_uses = [];
      const style = styles[f];
      let yaml = writeYaml(content, style.options);
      if (style.crlf) yaml = yaml.replace(/\n/g, '\r\n');
      if (style.bom) yaml = `\uFEFF${yaml}`;
      files.push({ name: `part-${f}.yaml`, text: yaml, style });
    }
    return files;
  });
}

/**
 * The YAML of `content` in the given style, if the yaml library writes it so that it reads back the same; else in a
 * plain safe style. yaml@2.9.1 stringify has two bugs this guards against: with collectionStyle 'block' and indentSeq
 * false, an empty list is written on its own line at its key's indentation (`atc:\n    []`: not YAML); and folding
 * a double-quoted string at lineWidth splits a surrogate pair (`\ud80c\` + line break + `\udf38`), which is no
 * longer well-formed UTF-16 and so not writable as UTF-8.
 */
function writeYaml(content, options) {
  const reads = (text) => {
    try {
      return text.isWellFormed() && JSON.stringify(parse(text)) === JSON.stringify(content);
    } catch {
      return false;
    }
  };
  const styled = stringify(content, options);
  if (reads(styled)) return styled;
  const safe = stringify(content, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 });
  if (!reads(safe)) throw new Error(`the yaml library cannot write this model so that it reads back the same: ${JSON.stringify(content)}`);
  return safe;
}

const yamlStyle = fc.record({
  options: fc.record({
    defaultStringType: pick(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED']),
    defaultKeyType: pick([null, 'PLAIN', 'QUOTE_DOUBLE']),
    collectionStyle: pick(['any', 'block', 'flow']),
    lineWidth: pick([0, 20, 40, 80]),
    minContentWidth: pick([0, 10, 20]),
    indent: pick([2, 3, 4]),
    indentSeq: fc.boolean(),
    doubleQuotedAsJSON: fc.boolean(),
  }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

// --- What the model must produce ----------------------------------------------------------------------------------------

/**
 * The literals the model must produce: { subject, predicate, value, kind } with kind 'text' (rdf:langString @en),
 * 'plain' (xsd:string) or 'decimal' (value is the number).
 */
export function expectedLiterals(sections) {
  const out = [];
  const add = (subject, predicate, value, kind = 'text') => {
    if (value !== undefined) out.push({ subject, predicate, value, kind });
  };
  const kinds = { drugs: 'drug', targets: 'target', systems: 'system', processes: 'process', clinical_uses: 'use', references: 'reference', mechanisms: 'mechanism' };
  for (const [section, kind] of Object.entries(kinds)) {
    for (const entity of sections[section]) {
      const iri = `${ID}${kind}/${entity.id}`;
      add(iri, `${RDFS}label`, entity.label);
      add(iri, `${RDFS}comment`, entity.description);
    }
  }
  for (const drug of sections.drugs) for (const c of drug.drug_classes ?? []) add(`${ID}drug/${drug.id}`, `${PLD}drugClass`, c);
  for (const target of sections.targets) add(`${ID}target/${target.id}`, `${PLD}geneSymbol`, target.gene, 'plain');
  for (const reference of sections.references) add(`${ID}reference/${reference.id}`, `${PLD}doi`, reference.doi, 'plain');
  for (const m of sections.mechanisms) {
    const iri = `${ID}mechanism/${m.id}`;
    add(iri, `${PLD}sourceSection`, m.source?.section, 'plain');
    for (const effect of m.effects) add(`${iri}/effect/${effect.process}`, `${RDFS}label`, effect.label);
    for (const caveat of m.caveats ?? []) add(`${iri}/caveat/${caveat.id}`, `${RDFS}comment`, caveat.text);
    for (const a of m.affinities ?? []) {
      const part = `${iri}/affinity/${a.target ?? m.target}-${a.measure.toLowerCase()}`;
      add(part, `${PLD}affinityValue`, a.value, 'decimal');
      add(part, `${PLD}affinityUncertainty`, a.uncertainty, 'decimal');
      add(part, `${PLD}assay`, a.assay);
      add(part, `${PLD}species`, a.species);
    }
  }
  return out;
}

// --- Byte mutations -----------------------------------------------------------------------------------------------------

/** Bytes and byte strings that mean something to YAML, UTF-8 or JavaScript objects. */
const interestingBytes = [...Buffer.from(':-?[]{},#&*!|>\'"%@`\\ \t\n\r0123456789azAZ~.'), 0x00, 0x07, 0x1b, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xa9, 0xe2, 0x80, 0xa8, 0xed, 0xa0, 0xef, 0xbb, 0xbf, 0xf0, 0x9f, 0x98, 0xf4, 0x90, 0xfe, 0xff];
const interestingStrings = [
  '&a ', '*a', '*a ', '&b [*a, *a] ', '<<: ', '<<: *a', '!!str ', '!!int ', '!!float ', '!!binary ', '!!set ', '!!omap ', '!!pairs ', '!!map ',
  '!!seq ', '!!timestamp ', '!!js/function ', '!local ', '!<tag:x> ', '? ', '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:x:\n', '\\u', '"\\ud800"',
  '"\\x00"', '"\\N"', '~', 'null', '.nan', '.inf', '-.inf', '0x10', '1e400', '-0', '0o7', '1_000', '__proto__: ', 'constructor: ', 'toString: ',
  'hasOwnProperty: ', 'valueOf: ', 'id: ', 'label: ', '- id: x\n', '\t', '\n  ', '\n- ', ' #', '|\n', '>-\n', '"', "'", '{', '[', '\uFEFF',
  '\u2028', '😀', '\r',
];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip'), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ op: fc.constant('set'), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...interestingBytes), fc.nat(255)) }),
  fc.record({ op: fc.constant('insert'), at: fc.nat(), bytes: fc.oneof(
    fc.constantFrom(...interestingStrings).map((s) => [...Buffer.from(s)]),
    fc.array(fc.oneof(fc.constantFrom(...interestingBytes), fc.nat(255)), { minLength: 1, maxLength: 8 }),
  ) }),
  fc.record({ op: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ op: fc.constant('duplicate'), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), to: fc.nat() }),
  fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
);

/** A list of 1 to `max` byte edits; positions are taken modulo the length of the buffer they apply to. */
export const byteMutations = (max = 6) => fc.array(mutation, { minLength: 1, maxLength: max });

export function applyMutations(input, mutations) {
  let bytes = Buffer.from(input);
  for (const m of mutations) {
    const length = bytes.length;
    const at = length === 0 ? 0 : m.at % (length + (m.op === 'insert' ? 1 : 0));
    switch (m.op) {
      case 'flip':
        if (length) bytes[at] ^= 1 << m.bit;
        break;
      case 'set':
        if (length) bytes[at] = m.byte;
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
        break;
      case 'duplicate': {
        const slice = Buffer.from(bytes.subarray(at, at + m.length));
        const to = length === 0 ? 0 : m.to % (length + 1);
        bytes = Buffer.concat([bytes.subarray(0, to), slice, bytes.subarray(to)]);
        break;
      }
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
    }
  }
  return bytes;
}
