"""Shared helpers of the Python side: timing, the result format, and kd-verify's certification rule.

Each script prints one JSON object on stdout:
  {"sides": [{"label", "seconds", "instances", "phases"?, "notes"?, "verdicts"?}], "checks": [str]}
"""
import json
import sys
import time

from mpmath import iv, mp

now = time.perf_counter


def emit(sides, checks=()):
    print(json.dumps({"sides": sides, "checks": list(checks)}))


def load(path):
    with open(path) as f:
        return json.load(f)


def side(label, seconds, instances, **extra):
    return {"label": label, "seconds": seconds, "instances": instances, **extra}


def is_pos_inf(x):
    return x.a == iv.inf


def is_finite(x):
    return x.a != -iv.inf and x.b != iv.inf and x.a != iv.inf and x.b != -iv.inf


def decide_le(lhs, rhs, digits, working_digits=40, guard=5, final=False):
    """kd-verify's rule for lhs <= rhs on interval enclosures (src/numerics/certify.ts, relation 'le'):
    holds when the margin is certified above scale*1e-(P-guard); violated when certified negative;
    attained when |margin| is certified within that threshold at the working precision; else escalate."""
    if is_pos_inf(rhs):
        return "holds"
    if is_pos_inf(lhs):
        return "violated" if is_finite(rhs) else ("undecided" if final else "escalate")
    margin = rhs - lhs
    scale = max(1.0, abs(float(lhs.mid)), abs(float(rhs.mid)))
    thr = iv.mpf(scale) * iv.mpf("1e-%d" % (working_digits - guard))
    above = margin - thr > 0  # True / False / None (undetermined)
    below = margin + thr < 0
    if margin < 0:
        return "violated"
    if above is True:
        return "holds"
    if digits >= working_digits and above is False and below is False:
        return "attained"
    if final:
        return "holds" if margin > 0 else "undecided"
    return "escalate"


class Insufficient(Exception):
    """A computation that cannot decide at the current precision (a straddling pivot): escalate."""


def certify_le(formula, working_digits=40, max_digits=160):
    """Evaluate formula() -> (lhs, rhs) in iv at 40 digits, then 80, 160 while undecided.
    Returns (verdict, digits)."""
    digits = working_digits
    while True:
        final = digits >= max_digits
        iv.dps = digits
        try:
            lhs, rhs = formula()
            verdict = decide_le(lhs, rhs, digits, working_digits, final=final)
        except Insufficient:
            verdict = "undecided" if final else "escalate"
        if verdict != "escalate":
            iv.dps = working_digits
            return verdict, digits
        digits = min(2 * digits, max_digits)


def versions():
    import mpmath
    import mpmath.libmp
    import hypothesis
    return {"python": sys.version.split()[0], "mpmath": mpmath.__version__, "mpmath_backend": mpmath.libmp.BACKEND, "hypothesis": hypothesis.__version__}


if __name__ == "__main__":
    print(json.dumps(versions()))
