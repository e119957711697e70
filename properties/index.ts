import type { AnyProperty } from '../src/engine/property.ts';
import { properties as dv } from './kd-l6-dv.ts';
import { properties as subg } from './kd-l7-subg.ts';
import { properties as mcdiarmid } from './kd-bd-mcdiarmid.ts';

/** Every built-in property, in catalogue order. */
export const builtinProperties: AnyProperty[] = [...dv, ...subg, ...mcdiarmid];
