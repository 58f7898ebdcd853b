// **literal** writes the numbers of the model as RDF literals, in one canonical lexical form each.
import type { Literal } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { xsd } from '../vocab.js';

const { literal, namedNode } = DataFactory;
const decimalType = namedNode(xsd.decimal);

/** A JSON number as an xsd:decimal literal: the exact digits of its shortest form, never in exponent form. */
export function decimal(value: number): Literal {
  const [mantissa = '0', exponent = '0'] = String(value === 0 ? 0 : value).split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  let lexical = point <= 0
    ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length
      ? `${digits}${'0'.repeat(point - digits.length)}.0`
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  lexical = lexical.replace(/^0+(?=\d)/, '');
  return literal(negative ? `-${lexical}` : lexical, decimalType);
}
