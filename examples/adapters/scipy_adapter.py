#!/usr/bin/env python3
"""kdverify check-impl adapter backed by SciPy and NumPy.

Implements every check-impl function the way a typical user would, with
plain scipy/numpy calls and no extra numerical fixes, so that check-impl
measures what the libraries themselves do.

Protocol: one JSON request per line on stdin, one JSON response per line on
stdout, in order, with the same id. All numbers travel as strings ("1.5",
"NaN", "Infinity", "-Infinity"). EOF on stdin ends the program.

Run it with:

    npx kdverify check-impl --cmd "python3 examples/adapters/scipy_adapter.py"

or on float32 arrays (what a user with float32 data gets), judged in float32:

    npx kdverify check-impl --precision float32 --cmd "python3 examples/adapters/scipy_adapter.py --dtype float32"

or by hand:

    echo '{"id":1,"fn":"logsumexp","args":{"x":["1","2"]}}' | python3 examples/adapters/scipy_adapter.py
"""
import json
import math
import sys
import warnings

import numpy as np
import scipy
from scipy import special, stats

warnings.simplefilter("ignore")  # keep stderr quiet; the results speak for themselves

DTYPE = np.float32 if sys.argv[1:] == ["--dtype", "float32"] else np.float64

SPELLING = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def fmt(x):
    """float / vector / matrix -> protocol strings (exact double round-trip)."""
    if np.ndim(x) == 0:
        s = repr(float(x))  # a float32 converts exactly
        return SPELLING.get(s, s)
    return [fmt(v) for v in x]


def arr(v):
    """protocol strings (vector or matrix) -> array of DTYPE."""
    if v and isinstance(v[0], list):
        return np.array([[float(s) for s in row] for row in v], dtype=DTYPE)
    return np.array([float(s) for s in v], dtype=DTYPE)


def real(s):
    """a protocol scalar -> DTYPE."""
    return DTYPE(float(s))


def kl_gaussian(mu1, cov1, mu2, cov2):
    d = mu1.shape[0]
    np.linalg.cholesky(cov2)  # raises LinAlgError unless cov2 is SPD
    _, logdet1 = np.linalg.slogdet(cov1)
    _, logdet2 = np.linalg.slogdet(cov2)
    diff = mu2 - mu1
    trace = np.trace(np.linalg.solve(cov2, cov1))
    quad = diff @ np.linalg.solve(cov2, diff)
    return 0.5 * (trace + quad - d + logdet2 - logdet1)


def logdet(a):
    sign, value = np.linalg.slogdet(a)
    if sign <= 0:
        raise ValueError(f"matrix is not positive definite (slogdet sign {sign})")
    return value


def rank_k_approx(a, k):
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    return (u[:, :k] * s[:k]) @ vt[:k, :]


def power_soften(p, temperature):
    with np.errstate(divide="ignore"):
        logp = np.log(p)  # log 0 = -inf, which softmax turns into weight 0
    return special.softmax(logp / temperature)


# fn name -> (argument names, argument parsers, implementation)
FUNCTIONS = {
    "kl_discrete": (("p", "q"), (arr, arr), lambda p, q: special.rel_entr(p, q).sum()),
    "entropy": (("p",), (arr,), lambda p: stats.entropy(p)),
    "logsumexp": (("x",), (arr,), lambda x: special.logsumexp(x)),
    "cgf": (("x", "p", "lambda"), (arr, arr, real),
            lambda x, p, lam: special.logsumexp(lam * x, b=p)),
    "softmax": (("z", "temperature"), (arr, real), lambda z, t: special.softmax(z / t)),
    "power_soften": (("p", "temperature"), (arr, real), power_soften),
    "kl_gaussian": (("mu1", "cov1", "mu2", "cov2"), (arr, arr, arr, arr), kl_gaussian),
    "logdet": (("a",), (arr,), logdet),
    "inverse": (("a",), (arr,), np.linalg.inv),
    "singular_values": (("a",), (arr,), lambda a: np.linalg.svd(a, compute_uv=False)),
    "rank_k_approx": (("a", "k"), (arr, lambda s: int(float(s))), rank_k_approx),
    "kd_upper_bound": (("gen_t", "sigma", "kn"), (real, real, real),
                       lambda g, s, kn: g + s * np.sqrt(2 * kn)),
    "kd_lower_bound": (("gen_t", "c", "eta", "kn"), (real, real, real, real),
                       lambda g, c, eta, kn: c * g - kn / eta),
    "mcdiarmid_sigma": (("c",), (arr,), lambda c: np.linalg.norm(c) / 2),
    "hoeffding_sigma": (("a", "b"), (real, real), lambda a, b: (b - a) / 2),
}


def answer(request):
    fn, args = request.get("fn"), request.get("args") or {}
    if fn == "describe":
        name = f"scipy {scipy.__version__} / numpy {np.__version__}" + (" (float32 arrays)" if DTYPE is np.float32 else "")
        return {"name": name, "functions": list(FUNCTIONS)}
    if fn not in FUNCTIONS:
        raise ValueError(f"unknown function {fn!r}")
    names, parsers, impl = FUNCTIONS[fn]
    values = [parse(args[n]) for n, parse in zip(names, parsers)]
    return fmt(impl(*values))


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            response = {"id": request_id, "result": answer(request)}
        except Exception as exc:  # any failure becomes an error response
            response = {"id": request_id, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(response) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
