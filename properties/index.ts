import type { AnyProperty } from '../src/engine/property.ts';
import { properties as dv } from './kd-l6-dv.ts';
import { properties as subg } from './kd-l7-subg.ts';
import { properties as mcdiarmid } from './kd-bd-mcdiarmid.ts';
import { properties as kn } from './kd-def-kn.ts';
import { properties as t8 } from './kd-t8-upper.ts';
import { properties as p9 } from './kd-p9-stab.ts';
import { properties as central } from './kd-central.ts';
import { properties as lgAlgebra } from './kd-lg-algebra.ts';
import { properties as lgGibbs } from './kd-lg-gibbs.ts';
import { properties as lgBiasVar } from './kd-lg-biasvar.ts';
import { properties as lgRank } from './kd-lg-rank.ts';
import { properties as lgChain } from './kd-lg-chain.ts';
import { properties as lgFinal } from './kd-lg-final.ts';
import { properties as lgDecomposition } from './kd-lg-decomposition.ts';
import { properties as sharpBd } from './kd-sharp-bd.ts';
import { properties as sharpDef } from './kd-sharp-def.ts';
import { properties as sharpAssump } from './kd-sharp-assump.ts';
import { properties as sharpL16 } from './kd-sharp-l16.ts';
import { properties as tightRho0 } from './kd-tight-rho0.ts';
import { properties as t12 } from './kd-t12-sharp.ts';
import { properties as skdAxioms } from './skd-axioms.ts';
import { properties as skdIdentities } from './skd-identities.ts';
import { properties as skdSparse } from './skd-sparse.ts';
import { properties as skdKdLoss } from './skd-kd-loss.ts';

/** Every built-in property, in catalogue order of their claims. */
export const builtinProperties: AnyProperty[] = [...kn, ...dv, ...subg, ...mcdiarmid, ...t8, ...p9, ...central, ...lgAlgebra, ...lgGibbs, ...lgBiasVar, ...lgRank, ...lgChain, ...lgFinal, ...lgDecomposition, ...sharpDef, ...sharpAssump, ...sharpBd, ...sharpL16, ...t12, ...tightRho0, ...skdAxioms, ...skdIdentities, ...skdKdLoss, ...skdSparse];
