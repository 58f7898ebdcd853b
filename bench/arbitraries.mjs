// fast-check arbitraries for pharmald, shared by tests/property.test.ts (the quick run) and bench/fuzz.mjs (the long
// one), drawn from the model description (src/model/pharmald.ts) and the identifier schemes (src/identifiers.ts),
// which the caller passes in: the test takes them from src/, the fuzzer from the compiled lib/. So a new field,
// vocabulary term, rule or scheme is covered without an edit here.
//
//   validModel(description, schemes, options)  a random valid model, drawn field by field from the description (ids
//                          by the id rule, texts by the text rules, codes from the vocabularies, identifiers by their
//                          scheme's pattern or example, refs to drawn ids, groups, parts, cardinalities, then the rules
//                          made to hold), written as 1-3 YAML data files in random YAML styles (quoting, block scalars,
//                          flow or block collections, line folding, CRLF, BOM), with random texts full of quotes,
//                          backslashes, line ends, tabs, non-BMP characters, RTL marks, separators and combining marks
//   expectedLiterals(description, schemes, sections)  the literals the model must produce, by subject IRI and predicate
//   byteMutations(n)       a list of random byte edits (flip, set, insert, delete, truncate, duplicate) for a file
//   applyMutations(b, ms)  applies them to a Buffer
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

/** Where minted IRIs live (src/vocab.ts ID: the description does not give it). */
const ID = 'https://w3id.org/pharmald/id/';

// --- Texts and patterned strings --------------------------------------------------------------------------------------

/** Pieces that break naive writers and parsers of YAML, Turtle, N-Triples and JSON. */
const tricky = [
  '"', "'", '\\', '\\n', '\\u0041', '\n', '\t', '\r', '\r\n', ' ', '  ', '#', ' #', ':', ': ', '- ', '? ', '&a', '*a', '!', '!!str', '|',
  '>', '%', '@', '@en', '`', '{', '}', '[', ']', ',', '<', '>', '^^', '_:b0', '<http://x>', '"""', "'''", '---', '...', 'null', 'true',
  '~', '0x1F', '1e3', '-0', '😀', '𝔸', '👩‍⚕️', '\u200F', '\u200E', '\u2028', '\u2029', '\u00A0', '\u0301', 'e\u0301', '\u0085',
  '\uFEFF', '\u200B', 'é', 'ß', '中文', 'עברית', '\u0080', '\u009F', '\uFFFD', '\uFFFE', '\u{10FFFF}', '\u{E0001}',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...tricky) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
);

/**
 * Repairs a string into a text the rules accept: a character they refuse even between two letters becomes '?', then
 * 'a' and 'z' go at the ends as needed; undefined when that is not enough.
 */
function toText(raw, rules) {
  const valid = (s) => rules.every((rule) => rule.test(s));
  const text = [...raw].map((ch) => (valid(`a${ch}z`) ? ch : '?')).join('');
  return [text, `a${text}`, `${text}z`, `a${text}z`].find(valid);
}

/** Random texts that the model's text rules accept. */
const textsBy = (textRules) => {
  const rules = textRules.map((rule) => new RegExp(rule.pattern, 'u'));
  return fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => toText(pieces.join(''), rules)).filter((t) => t !== undefined);
};

/** Strings that match `pattern`: fast-check's, with up to three hard pieces put in where the pattern still allows them. */
const matching = (pattern) =>
  fc.tuple(fc.stringMatching(pattern), fc.array(fc.tuple(fc.nat(), piece), { maxLength: 3 })).map(([value, insertions]) =>
    insertions.reduce((s, [at, hard]) => {
      const i = at % (s.length + 1);
      const t = `${s.slice(0, i)}${hard}${s.slice(i)}`;
      return t.isWellFormed() && pattern.test(t) ? t : s;
    }, value));

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

// --- Reading the description ------------------------------------------------------------------------------------------

const opt = (arb) => fc.option(arb, { nil: undefined, freq: 2 });
const pick = (list) => fc.constantFrom(...list);
const someOf = (list, min, max = 3) => fc.shuffledSubarray(list, { minLength: Math.min(min, list.length), maxLength: Math.min(max, list.length) });
const all = (arbs) => (arbs.length ? fc.tuple(...arbs) : fc.constant([]));

const isList = (field) => field.cardinality === 'many' || field.cardinality === 'some';
/** The fewest values a list takes when it is given. */
const fewest = (field) => (field.cardinality === 'some' || field.nonEmpty ? 1 : 0);
/** Always in the YAML: the id, a required value, a required group; a required ref with a fallback may be left out. */
const required = (field) => field.kind === 'id' || ((field.cardinality === 'one' || field.cardinality === 'some') && !field.fallback);
const idField = (entity) => Object.keys(entity.fields).find((name) => entity.fields[name].kind === 'id');
const inOrder = (fields, values) => Object.fromEntries(Object.keys(fields).filter((name) => values[name] !== undefined).map((name) => [name, values[name]]));

/** What part keys and fallbacks may look at while the model is drawn: the owner (the other entities are not there yet). */
const hookContext = (owner) => ({
  owner,
  referencing: () => {
    throw new Error('arbitraries: a part key or fallback that looks at other entities cannot be drawn');
  },
});

const valueAt = (entity, path) => path.split('.').reduce((value, step) => value?.[step], entity);
const inRange = (condition, value) => typeof value === 'number' && value >= condition.from && value <= condition.to;
const holds = (condition, entity) =>
  'in' in condition ? condition.in.includes(valueAt(entity, condition.field))
    : 'from' in condition ? inRange(condition, valueAt(entity, condition.field))
      : present(valueAt(entity, condition.field)) === (condition.is === 'present');
/** An empty list is no value, as in the graph and in the loader's rules. */
const present = (value) => value !== undefined && !(Array.isArray(value) && value.length === 0);
/** The rules the YAML must meet: field conditions only (class conditions are about the graph), warnings aside. */
const yamlRules = (entity) => (entity.rules ?? []).filter((rule) => rule.severity !== 'warning' && !('class' in rule.when) && !('class' in rule.then));

/**
 * The given values of an entity's fields, changed until its rules hold: a rule whose `when` holds gets its `then` (the
 * field given, taken away, or set to an allowed code), and a field with a fallback is given when the fallback has none.
 */
function settle(fields, rules, drawn, owner) {
  const entity = {};
  for (const [name, { given, value }] of Object.entries(drawn)) if (given) entity[name] = value;
  for (let pass = 0; pass <= rules.length; pass++) {
    for (const { when, then } of rules) {
      // A rule on a field inside a group (`identifiers.uniprot`) is left to the check after the parts are drawn.
      if (then.field.includes('.') || !holds(when, entity) || holds(then, entity)) continue;
      const value = drawn[then.field]?.value;
      entity[then.field] = then.is === 'absent' ? undefined : 'in' in then && !then.in.includes(value) ? then.in[0]
        : 'from' in then && !inRange(then, value) ? then.from + (then.to - then.from) / 2 : value;
    }
    for (const [name, field] of Object.entries(fields)) {
      if (field.fallback && entity[name] === undefined && field.fallback(entity, hookContext(owner)) === undefined) entity[name] = drawn[name].value;
    }
  }
  return entity;
}

// --- The model --------------------------------------------------------------------------------------------------------

/**
 * A random valid model of `description`: { sections: { drugs, targets, … }, files: [{ name, text }] }.
 * options.extreme: any finite double for decimals (affinity values and uncertainties), as the schema allows.
 */
export function validModel(description, schemes, options = {}) {
  const { entities } = description;
  const extreme = Boolean(options.extreme);
  const text = textsBy(description.textRules);
  const id = matching(new RegExp(description.idRule.pattern, 'u'));
  const identifier = (scheme) => fc.oneof({ weight: 1, arbitrary: fc.constant(schemes[scheme].example) }, { weight: 3, arbitrary: matching(schemes[scheme].pattern) });
  const codes = (vocabulary) => description.vocabularies[vocabulary].terms.map((term) => term.code);

  /** The value of a field (a list for many / some), or undefined when it can have none (a ref to too few ids). */
  function values(field, scope) {
    const list = (one) => (isList(field) ? fc.array(one, { minLength: fewest(field), maxLength: 3 }) : one);
    switch (field.kind) {
      case 'id': return scope.id !== undefined ? fc.constant(scope.id) : field.scheme ? identifier(field.scheme) : id;
      case 'text': return list(text);
      case 'string': return list(field.values ? pick(field.values) : field.rule ? matching(new RegExp(field.rule.pattern, 'u')) : text);
      case 'integer': return list(fc.integer({ min: field.min ?? -1e9, max: field.max ?? 1e9 }));
      case 'decimal': return list(decimal(extreme, field));
      case 'code': return list(pick(codes(field.vocabulary)));
      case 'identifier': return list(identifier(field.scheme));
      case 'group': return given(field.fields, [], scope);
      case 'ref': {
        const pool = scope.pools[field.entity].filter((other) => !(field.notSelf && other === scope.id));
        if (pool.length < Math.max(1, fewest(field))) return fc.constant(undefined);
        return isList(field) ? someOf(pool, fewest(field)) : pick(pool);
      }
    }
    throw new Error(`arbitraries: no values for a field of kind ${field.kind}`);
  }

  /** The fields of an entity or group but its parts: each drawn, given by its cardinality or at random, then settled. */
  function given(fields, rules, scope) {
    const drawn = Object.entries(fields).filter(([, field]) => field.kind !== 'part' && field.kind !== 'derived')
      .map(([name, field]) => [name, fc.record({ given: required(field) ? fc.constant(true) : fc.boolean(), value: values(field, scope) })]);
    return fc.record(Object.fromEntries(drawn)).map((fieldsDrawn) => inOrder(fields, settle(fields, rules, fieldsDrawn, scope.owner)));
  }

  /** A part field's value: entities drawn with the owner in view (one per key), or picked from a shared pool (roles). */
  function part(field, owner, scope) {
    const { subject } = entities[field.entity];
    let one;
    let list;
    if (subject.kind === 'identifier') {
      const pool = scope.shared[field.entity];
      one = pool.length ? pick(pool) : fc.constant(undefined);
      list = someOf(pool, fewest(field));
    } else {
      one = entity(field.entity, { ...scope, id: undefined, owner });
      list = fc.uniqueArray(one, { minLength: fewest(field), maxLength: 3, selector: (p) => subject.key(p, hookContext(owner)) });
    }
    const value = isList(field) ? list : one;
    return required(field) ? value : opt(value);
  }

  /** A random entity: its fields, then its parts (which may look at it), in the description's order. */
  function entity(name, scope) {
    const { fields } = entities[name];
    const rules = yamlRules(entities[name]);
    const parts = Object.entries(fields).filter(([, field]) => field.kind === 'part');
    return given(fields, rules, scope)
      .chain((own) => fc.record(Object.fromEntries(parts.map(([key, field]) => [key, part(field, own, scope)])))
        .map((drawnParts) => inOrder(fields, { ...own, ...drawnParts })))
      .filter((e) => rules.every((rule) => !holds(rule.when, e) || holds(rule.then, e)));
  }

  // The ids of every top-level entity first (at least one where a required ref names them), then the shared pools of
  // entities named by an identifier (a ChEBI role: one label per role across drugs), then every entity.
  const top = Object.keys(entities).filter((name) => entities[name].section !== undefined);
  const shared = Object.keys(entities).filter((name) => entities[name].subject.kind === 'identifier');
  const refs = (fields) => Object.values(fields).flatMap((field) => (field.kind === 'group' ? refs(field.fields) : field.kind === 'ref' ? [field] : []));
  const needed = new Set(Object.values(entities).flatMap((e) => refs(e.fields)).filter((f) => f.cardinality === 'one' || f.cardinality === 'some').map((f) => f.entity));
  const pools = fc.record(Object.fromEntries(top.map((name) => [name, fc.uniqueArray(id, { minLength: needed.has(name) ? 1 : 0, maxLength: 3 })])));
  return pools
    .chain((ids) => fc.record(Object.fromEntries(shared.map((name) => [name, fc.uniqueArray(entity(name, { pools: ids }), {
      maxLength: 3,
      selector: (e) => e[idField(entities[name])],
    })]))).map((sharedPools) => ({ pools: ids, shared: sharedPools })))
    .chain((scope) => fc.record(Object.fromEntries(top.map((name) => [
      entities[name].section,
      all(scope.pools[name].map((own) => entity(name, { ...scope, id: own }))),
    ]))))
    .map((sections) => keepAmong(entities, sections))
    .chain((sections) => fc.record({ sections: fc.constant(sections), files: layout(sections) }));
}

/**
 * Drops the values that a ref field with `among` may not take (a use status of a use the drug does not list, a
 * mechanism contributing to a use its drug does not list), the parts whose ref is not `within` their owner's (an
 * affinity at a target that is neither its mechanism's nor a subunit of it), and the parts left without their
 * required ref.
 */
function keepAmong(entities, drawn) {
  // A copy: fast-check may show the drawn value again while it shrinks.
  const sections = structuredClone(drawn);
  const byId = (name) => new Map((sections[entities[name].section] ?? []).map((e) => [e[idField(entities[name])], e]));
  const allowed = (description, among, values, owner) => {
    if (among.via === undefined) return [owner?.[among.field] ?? []].flat();
    const other = byId(description.fields[among.via].entity).get(values[among.via]);
    return [other?.[among.field] ?? []].flat();
  };
  const keep = (name, values, owner) => {
    const description = entities[name];
    for (const [key, field] of Object.entries(description.fields)) {
      if (values[key] === undefined) continue;
      if (field.kind === 'part') {
        const parts = [values[key]].flat().filter((p) => keep(field.entity, p, values));
        if (parts.length === 0 && !required(field)) delete values[key];
        else values[key] = Array.isArray(values[key]) ? parts : parts[0];
      }
      if (field.kind === 'ref' && field.within && owner?.[field.within.field] !== undefined) {
        // A part's ref `within` its owner's: what the owner names, or what that entity lists in `orIts`.
        const named = owner[field.within.field];
        const listed = field.within.orIts === undefined ? [] : [byId(field.entity).get(named)?.[field.within.orIts] ?? []].flat();
        if (![named, ...listed].includes(values[key])) return false;
      }
      if (field.kind !== 'ref' || !field.among) continue;
      const ok = allowed(description, field.among, values, owner);
      if (!Array.isArray(values[key])) {
        if (!ok.includes(values[key])) return false;
        continue;
      }
      values[key] = values[key].filter((v) => ok.includes(v));
      if (values[key].length < fewest(field)) return false;
      if (values[key].length === 0) delete values[key];
    }
    return true;
  };
  for (const [name, description] of Object.entries(entities)) {
    if (description.section === undefined) continue;
    for (const values of sections[description.section] ?? []) keep(name, values, undefined);
  }
  return sections;
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
      if (Object.keys(content).length === 0) content[Object.keys(sections)[0]] = [];
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
 * The literals the model must produce, from the description's text, string, integer and decimal fields and the
 * identifiers it also writes as literals: { subject, predicate, value, kind } with kind 'text' (rdf:langString @en),
 * 'plain' (xsd:string), 'typed' (value is the lexical form, with `datatype`) or 'decimal' (value is the number).
 */
export function expectedLiterals(description, schemes, sections) {
  const { entities } = description;
  const out = [];
  const predicate = (property) => description.properties[property].iri ?? `${description.namespace}${property}`;
  const subjectOf = (name, entity, owner) => {
    const { subject, fields } = entities[name];
    const key = idField(entities[name]);
    if (subject.kind === 'minted') return `${ID}${subject.segment}/${entity[key]}`;
    if (subject.kind === 'part') return `${owner.iri}/${subject.segment}/${subject.key(entity, hookContext(owner.entity))}`;
    return schemes[fields[key].scheme].iri(entity[key]);
  };
  const visit = (fields, entity, iri, owner) => {
    for (const [name, field] of Object.entries(fields)) {
      if (entity[name] === undefined) continue;
      const subject = field.onOwner ? owner.iri : iri;
      const add = (property, kind, value, extra) => out.push({ subject, predicate: predicate(property), value, kind, ...extra });
      for (const value of isList(field) ? entity[name] : [entity[name]]) {
        if (field.kind === 'text') add(field.property, 'text', value);
        if (field.kind === 'string') add(field.property, 'plain', value);
        if (field.kind === 'decimal') add(field.property, 'decimal', value);
        if (field.kind === 'integer') add(field.property, 'typed', String(value), { datatype: field.datatype });
        if (field.kind === 'identifier' && field.literal) add(field.literal, 'plain', value);
        if (field.kind === 'group') visit(field.fields, value, iri, owner);
        if (field.kind === 'part') visit(entities[field.entity].fields, value, subjectOf(field.entity, value, { iri, entity }), { iri, entity });
      }
    }
  };
  for (const [name, { section, fields }] of Object.entries(entities)) {
    for (const entity of section === undefined ? [] : sections[section] ?? []) visit(fields, entity, subjectOf(name, entity), undefined);
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
