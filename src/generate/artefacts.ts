// **artefacts** are the files of the repository that are made from the model description, with their content:
// the SHACL shapes, the ontology and the JSON Schema of a data file. They are committed so that they can be
// read, diffed and shipped; tests/generated.test.ts fails when one is stale.
import type { ModelDescription } from '../model/description.js';
import { prefixes } from '../vocab.js';
import { dataFileJsonSchema } from './jsonSchema.js';
import { ontologyQuads } from './ontology.js';
import { SHAPES, shapesQuads } from './shapes.js';
import { readableTurtle } from './turtle.js';

export interface Artefact {
  /** Relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

const generated = (what: string, by: string) => [
  what,
  `Generated from the model description (src/model/pharmald.ts) by ${by}. Do not edit by hand:`,
  'change the description and run `npm run generate`.',
];

export async function committedArtefacts(description: ModelDescription): Promise<Artefact[]> {
  const { pldid: _, ...rdfPrefixes } = { ...prefixes, pld: description.namespace };
  return [
    {
      path: 'shapes/pharmald.shacl.ttl',
      content: readableTurtle(shapesQuads(description), { ...rdfPrefixes, pldsh: SHAPES }, [
        ...generated('pharmald SHACL shapes (SHACL Core only): what the triples of each entity must look like.', 'src/generate/shapes.ts'),
        'Every result is a violation except those of the shapes marked sh:Warning; each shape has one sh:message.',
      ]),
    },
    {
      path: 'ontology/pharmald.ttl',
      content: readableTurtle(ontologyQuads(description), rdfPrefixes, generated(
        'pharmald vocabulary: classes, properties and controlled vocabularies for pharmacology mechanism-of-action data.',
        'src/generate/ontology.ts',
      )),
    },
    { path: 'schema/pharmald-data.schema.json', content: `${JSON.stringify(dataFileJsonSchema(description), null, 2)}\n` },
  ];
}
