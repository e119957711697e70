# ---- exact inputs ---------------------------------------------------------------------------
# Every number of the instance is a double, written in JSON as the shortest decimal string that
# reads back to exactly that double (Python's float() rounds correctly), or as {"$double": "-0"},
# "Infinity", "-Infinity", "NaN". mpf(double) is exact at 50 digits and more, so every
# computation below starts from exactly the instance kd-verify checked.
import json
import math
import sys

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:  # pragma: no cover
    sys.stderr.write("this re-check needs mpmath: pip install mpmath\n")
    sys.exit(2)

_SPECIAL = {"-0": -0.0, "Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}


def decode(x):
    """JSON instance -> Python values, special doubles included."""
    if isinstance(x, dict):
        if set(x) == {"$double"}:
            return _SPECIAL[x["$double"]]
        return {k: decode(v) for k, v in x.items()}
    if isinstance(x, list):
        return [decode(v) for v in x]
    return x


def X(v):
    """The exact value of a double or integer (or a decimal string, rounded at the working precision)."""
    if isinstance(v, str):
        return mpf(v)
    if isinstance(v, float) and math.isnan(v):
        raise ValueError("NaN input")
    return mpf(v)


def dec(s):
    """A decimal string of kd-verify's report (enclosure ends: 'Infinity', '-Infinity', 'NaN' included)."""
    special = {"Infinity": "inf", "-Infinity": "-inf", "NaN": "nan"}
    return mpf(special.get(s, s))


def fsum(xs):
    return mpmath.fsum(list(xs))


INF = mpf("inf")

# property (or probe) id -> function(instance, params) returning the two sides
FORMULAS = {}
