/** A closed interval [lo, hi] that contains an exact value. */
export interface Interval<N> {
  readonly lo: N;
  readonly hi: N;
}
