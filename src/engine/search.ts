import type fc from 'fast-check';
import { generateFromTape, type Tape } from './tape.ts';
import { mulberry32, mutateWords, shiftWord, type Edit } from './mutate.ts';

/** A starting point of the search: a sampled instance's choice sequence and its objective. */
export interface SearchStart {
  tape: Tape;
  objective: number;
}

/** What evaluating one instance gives the search: its objective (+∞: unusable) and whether to stop. */
export interface Scored {
  objective: number;
  stop?: boolean;
}

export interface ClimbResult<I> {
  /** instances evaluated (distinct from the current point of their climb) */
  evaluations: number;
  /** moves accepted (objective not worse) */
  accepted: number;
  /** the best point found, or null when no start regenerated */
  best: { instance: I; objective: number; start: number } | null;
  /** starts whose tape did not regenerate the recorded instance (skipped) */
  unreproducible: number;
  /** an evaluation asked to stop (e.g. a certified violation) */
  stopped: boolean;
  /** `shouldStop` (a deadline) ended the search early */
  interrupted: boolean;
}

/**
 * Hill-climbing on choice sequences towards the smallest objective: from each start, mutate the
 * tape, regenerate, and move when the objective is not worse (plateau moves let a climb cross
 * flat regions). The evaluation budget is shared equally between the starts; an edit that
 * regenerates the current instance is not evaluated again. Deterministic in `seed`.
 */
export function climb<I>(
  arb: fc.Arbitrary<I>,
  starts: ReadonlyArray<SearchStart & { instance: string }>,
  evaluations: number,
  seed: number,
  evaluate: (instance: I) => Scored,
  key: (instance: I) => string = (x) => JSON.stringify(x),
  shouldStop: () => boolean = () => false,
): ClimbResult<I> {
  const rng = mulberry32(seed);
  const res: ClimbResult<I> = { evaluations: 0, accepted: 0, best: null, unreproducible: 0, stopped: false, interrupted: false };
  // a start whose tape does not regenerate its recorded instance is skipped
  const valid = starts.flatMap((s) => {
    const g = generateFromTape(arb, s.tape, seed);
    if (key(g.value) === s.instance) return [{ ...g, objective: s.objective }];
    res.unreproducible++;
    return [];
  });
  valid.forEach((start, k) => {
    if (res.stopped || res.interrupted) return;
    let cur = start;
    if (res.best === null || cur.objective < res.best.objective) res.best = { instance: cur.value, objective: cur.objective, start: k };
    const share = Math.floor(evaluations / valid.length) + (k < evaluations % valid.length ? 1 : 0);
    let used = 0;
    // after a shift that helped, the same shift doubled (a line search along that word)
    let momentum: Edit['shift'] = null;
    // an edit often lands in words the instance does not depend on: bound the attempts as well
    for (let attempt = 0; used < share && attempt < 4 * share; attempt++) {
      if (shouldStop()) {
        res.interrupted = true;
        return;
      }
      const edit: Edit = momentum && momentum.index < cur.tape.words.length ? shiftWord(cur.tape.words, momentum.index, 2 * momentum.delta) : mutateWords(cur.tape.words, rng);
      momentum = null;
      const cand = generateFromTape(arb, { words: edit.words, bias: cur.tape.bias }, seed);
      if (key(cand.value) === key(cur.value)) continue;
      used++;
      res.evaluations++;
      const scored = evaluate(cand.value);
      if (scored.objective <= cur.objective) {
        if (scored.objective < cur.objective) momentum = edit.shift;
        cur = { ...cand, objective: scored.objective };
        res.accepted++;
        if (scored.objective < res.best!.objective) res.best = { instance: cand.value, objective: scored.objective, start: k };
      }
      if (scored.stop) {
        res.stopped = true;
        return;
      }
    }
  });
  return res;
}
