"""Minimal kdverify check-impl adapter, Python stdlib only: kl_discrete and logsumexp.
Run: npx kdverify check-impl --cmd "python3 examples/adapters/minimal_adapter.py"
"""
import json, math, sys

def kl_discrete(p, q):
    if len(p) != len(q) or any(math.isnan(v) or v < 0 for v in p + q):
        raise ValueError("p and q must be probability vectors of equal length")
    total = 0.0
    for pi, qi in zip(p, q, strict=True):
        if pi == 0:
            continue                       # 0 * log(0 / q) = 0
        if qi == 0:
            return math.inf                # p puts mass where q has none
        r = pi / qi
        if 0.5 <= r <= 2:                  # p ~ q: pi - qi is exact, log1p keeps the digits
            total += pi * math.log1p((pi - qi) / qi)
        else:                              # log r, unless r overflowed or underflowed
            total += pi * (math.log(r) if 0 < r < math.inf else math.log(pi) - math.log(qi))
    return total

def logsumexp(x):
    m = max(x, default=-math.inf)          # empty x: log 0 = -inf
    if math.isinf(m) and not any(map(math.isnan, x)):
        return m                           # no inf - inf below; a NaN still gives NaN
    k = x.index(m)                         # log1p keeps a dominant term's tail:
    return m + math.log1p(math.fsum(math.exp(v - m) for i, v in enumerate(x) if i != k))  # [0, -40] -> 4.25e-18

FUNCTIONS = {"kl_discrete": kl_discrete, "logsumexp": logsumexp}

for line in sys.stdin:                     # one request per line; EOF ends the loop
    request = json.loads(line)
    try:
        if request["fn"] == "describe":
            result = {"name": "minimal-python", "functions": list(FUNCTIONS)}
        else:
            args = {k: [float(s) for s in v] for k, v in request["args"].items()}
            value = FUNCTIONS[request["fn"]](**args)
            result = repr(value).replace("inf", "Infinity").replace("nan", "NaN")
        print(json.dumps({"id": request["id"], "result": result}), flush=True)
    except Exception as e:
        print(json.dumps({"id": request["id"], "error": repr(e)}), flush=True)
