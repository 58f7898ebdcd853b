// Type-checked by tests/generate-schema.test.ts (tsc does not see tests/): the types of the data are derived
// from the description, so a mechanism's codes, required fields and absent fields follow it.
import { expectTypeOf } from 'vitest';
import type { Effect, Mechanism, Model } from '../../src/model/types.js';

expectTypeOf<Mechanism['strength']>().toEqualTypeOf<'strong' | 'moderate' | 'weak' | undefined>();
expectTypeOf<Mechanism['effects']>().toEqualTypeOf<readonly Effect[] | undefined>();
expectTypeOf<Model['mechanisms']>().toEqualTypeOf<readonly Mechanism[]>();

const mechanism: Mechanism = {
  id: 'm', label: 'M', drug: 'd', directness: 'direct', certainty: 'established', systems: ['cns'],
  effects: [{ process: 'p', label: 'P', direction: 'increased', valence: 'therapeutic' }],
};
// @ts-expect-error a strength is one of the codes of its vocabulary
export const sure: Mechanism = { ...mechanism, strength: 'sure' };
// @ts-expect-error directness is required (effects are required of curated claims by a rule, not by the type)
export const noDirectness: Mechanism = { ...mechanism, directness: undefined };
// @ts-expect-error a mechanism has no route
export const route: Mechanism['route'] = 'oral';
