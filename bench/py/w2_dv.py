"""W2: Donsker-Varadhan E_Q g <= KL(Q||P) + log E_P e^g on 100-atom instances, as a Hypothesis test.

Strategies mirror src/gen/weights.ts weightsOf(100) and src/gen/values.ts valuesOf(100) in spirit
(same kinds and weights of the mix, not the same draws). Instances without Q << P are rejected with
assume(), as kd-verify discards them. Each instance is certified like src/numerics/certify.ts:
mpmath iv at 40 digits, escalated to 80 and 160 while the enclosure cannot decide.
"""
import sys
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mpmath import iv

from common import certify_le, emit, now, side

N = 100


def weights_of(n):
    integer_weight = st.integers(0, 3).flatmap(lambda k: st.just(0) if k == 0 else st.integers(1, 1000))
    log_scale = st.tuples(st.integers(1, 9), st.integers(-12, 12)).map(lambda t: t[0] * 10.0 ** t[1])
    vec = lambda s: st.lists(s, min_size=n, max_size=n).map(lambda w: w if any(x > 0 for x in w) else [1] + w[1:])
    kinds = {
        "integer": vec(st.integers(1, 1000)),
        "sparse": vec(integer_weight),
        "log-scale": vec(log_scale),
        "one-hot": st.integers(0, n - 1).map(lambda k: [1 if i == k else 0 for i in range(n)]),
        "uniform": st.integers(1, 7).map(lambda c: [c] * n),
        "extreme": vec(st.sampled_from([0, 1, 1e-12, 1e12, 5e-324, 1e-300, 1e300])),
    }
    mix = ["integer"] * 4 + ["sparse"] * 3 + ["log-scale"] * 3 + ["one-hot", "uniform", "extreme"]
    return st.sampled_from(mix).flatmap(lambda k: kinds[k])


def values_of(n):
    grid = st.integers(-50000, 50000).map(lambda k: k / 1000)
    signed_log = st.tuples(st.booleans(), st.integers(1000, 9999), st.integers(-6, 1)).map(lambda t: (-1 if t[0] else 1) * (t[1] / 1000) * 10.0 ** t[2])
    real = st.one_of(grid, signed_log, st.sampled_from([5e-324, -5e-324, 0.1, 1 / 3]))
    vec = lambda s: st.lists(s, min_size=n, max_size=n)
    kinds = {
        "small-int": vec(st.integers(-5, 5)),
        "real": vec(real),
        "large": vec(st.one_of(st.integers(-800, 800), st.sampled_from([-745, 709, 710, 1000, -1000]))),
        "constant": st.integers(-3, 3).map(lambda c: [c] * n),
        "binary": vec(st.sampled_from([0, 1])),
    }
    mix = ["small-int"] * 3 + ["real"] * 3 + ["large", "constant", "binary"]
    return st.sampled_from(mix).flatmap(lambda k: kinds[k])


def kl(q, p):
    """KL(q||p) as in src/prob/divergence.ts (one logarithm per atom), +inf without q << p."""
    if any(qi > 0 and pi == 0 for qi, pi in zip(q, p)):
        return iv.mpf("inf")
    acc, W, V = iv.mpf(0), iv.mpf(0), iv.mpf(0)
    for qi, pi in zip(q, p):
        a, b = iv.mpf(qi), iv.mpf(pi)
        V += b
        if qi == 0:
            continue
        W += a
        acc += a * iv.log(a / b)
    r = acc / W + iv.log(V / W)
    return iv.mpf([max(r.a, iv.mpf(0)).a, max(r.b, iv.mpf(0)).b])


def dv_sides(q, p, g):
    """lhs = E_Q g; rhs = KL(Q||P) + log E_P e^g (log-mean-exp shifted by the largest charged g)."""
    gq = [(iv.mpf(w), iv.mpf(x)) for w, x in zip(q, g) if w > 0]
    lhs = sum((w * x for w, x in gq), iv.mpf(0)) / sum((w for w, _ in gq), iv.mpf(0))
    gp = [(iv.mpf(w), iv.mpf(x)) for w, x in zip(p, g) if w > 0]
    c = max(x for w, x in zip(p, g) if w > 0)
    s = sum((w * iv.exp(x - c) for w, x in gp), iv.mpf(0))
    rhs = kl(q, p) + (iv.mpf(c) + iv.log(s) - iv.log(sum((w for w, _ in gp), iv.mpf(0))))
    return lhs, rhs


def main(runs):
    verdicts, digits_used = Counter(), Counter()
    state = {"checked": 0, "check_time": 0.0}

    @settings(max_examples=runs, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(q=weights_of(N), p=weights_of(N), g=values_of(N))
    def dv_inequality(q, p, g):
        assume(all(qi == 0 or pi > 0 for qi, pi in zip(q, p)))  # Q << P
        t0 = now()
        verdict, digits = certify_le(lambda: dv_sides(q, p, g))
        state["check_time"] += now() - t0
        state["checked"] += 1
        verdicts[verdict] += 1
        digits_used[digits] += 1
        assert verdict != "violated"

    t0 = now()
    dv_inequality()
    total = now() - t0
    notes = ["digits used: " + ", ".join("%d: %d" % kv for kv in sorted(digits_used.items()))]
    emit([side("Hypothesis + mpmath iv (dps 40, escalating)", total, state["checked"], verdicts=dict(verdicts),
               phases={"certify (mpmath iv)": state["check_time"], "generation + engine (Hypothesis)": total - state["check_time"]}, notes=notes)])


if __name__ == "__main__":
    main(int(sys.argv[1]))
