import { init } from 'gmp-wasm';

/**
 * GNU MPFR (compiled to WebAssembly by the gmp-wasm package, LGPL-3.0, loaded unmodified as a
 * separate package): correctly rounded +, −, ×, ÷, √, exp, log, cos, sin in any rounding
 * direction, at any precision. Loading starts when this module is imported, once per thread; it is
 * asynchronous but not a top-level await, so that require('kd-verify') from CommonJS works. Until
 * it is loaded (see mpfrLoaded) certification goes straight to Decimal, which is as sound and slower:
 * every runner awaits it first, so its verdicts and contexts do not depend on timing.
 */
// gmp-wasm types the binding loosely; the functions used are MPFR's documented C API
export let mpfr: MpfrBinding = undefined as unknown as MpfrBinding;
let loaded = false;

/** Resolves once MPFR is usable in this thread (or known to be unavailable: then Decimal alone is used). */
export const mpfrLoaded: Promise<void> = init().then(
  (lib) => {
    mpfr = lib.binding as unknown as MpfrBinding;
    loaded = true;
  },
  () => undefined,
);

/** Whether MPFR is loaded in this thread. */
export const mpfrReady = (): boolean => loaded;

export const RNDN = 0, RNDU = 2, RNDD = 3;

export interface MpfrBinding {
  mpfr_t(): number;
  mpfr_init2(x: number, prec: number): void;
  mpfr_set(r: number, x: number, rnd: number): number;
  mpfr_set_d(r: number, x: number, rnd: number): number;
  mpfr_set_ui(r: number, x: number, rnd: number): number;
  mpfr_set_inf(r: number, sign: number): void;
  mpfr_set_zero(r: number, sign: number): void;
  mpfr_set_string(r: number, s: string, base: number, rnd: number): number;
  mpfr_get_d(x: number, rnd: number): number;
  mpfr_get_str(buf: number, expPtr: number, base: number, n: number, x: number, rnd: number): number;
  mpfr_free_str(s: number): void;
  mpfr_add(r: number, a: number, b: number, rnd: number): number;
  mpfr_sub(r: number, a: number, b: number, rnd: number): number;
  mpfr_mul(r: number, a: number, b: number, rnd: number): number;
  mpfr_div(r: number, a: number, b: number, rnd: number): number;
  mpfr_sqr(r: number, a: number, rnd: number): number;
  mpfr_sqrt(r: number, a: number, rnd: number): number;
  mpfr_neg(r: number, a: number, rnd: number): number;
  mpfr_exp(r: number, a: number, rnd: number): number;
  mpfr_log(r: number, a: number, rnd: number): number;
  mpfr_cos(r: number, a: number, rnd: number): number;
  mpfr_sin(r: number, a: number, rnd: number): number;
  mpfr_const_pi(r: number, rnd: number): number;
  mpfr_mul_d(r: number, a: number, d: number, rnd: number): number;
  mpfr_nextabove(x: number): void;
  mpfr_cmp(a: number, b: number): number;
  mpfr_sgn(a: number): number;
  mpfr_nan_p(a: number): number;
  mpfr_inf_p(a: number): number;
  mpfr_zero_p(a: number): number;
  malloc(size: number): number;
  readonly mem: Int8Array;
  readonly memView: DataView;
}
