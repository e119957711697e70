# ---- softening operators (SKD-AX2-CONT, SKD-AX5-BOUND, SKD-FAM-POWER, SKD-FAM-MIX) -----------
# p = w / sum w (zeros stay zero). power: p^(1/T) / sum p^(1/T) on the support; softmax-logits:
# exp(z/T) / sum exp(z/T) for z = log p (the same law, computed the other way); mixing:
# (1/T) p + (1 - 1/T)/V. The axioms' moduli and rates as the catalogue's readings state them.


def sk_normalise(w):
    W = fsum(X(x) for x in w)
    return [X(x) / W if x != 0 else mpf(0) for x in w]


def sk_apply(op, w, T):
    T = X(T)
    p = sk_normalise(w)
    if op in ("power", "softmax-logits"):
        logs = {i: mpmath.log(p[i]) / T for i in range(len(w)) if w[i] > 0}
        top = max(logs.values())
        Z = fsum(mpmath.exp(v - top) for v in logs.values())
        return [mpmath.exp(logs[i] - top) / Z if i in logs else mpf(0) for i in range(len(w))]
    if op == "mixing":
        a = 1 / T
        return [a * x + (1 - a) / len(w) for x in p]
    raise ValueError(op)


def sk_l1(a, b):
    return fsum(abs(x - y) for x, y in zip(a, b))


def sk_uniform(on):
    k = sum(1 for b in on if b)
    return [mpf(1) / k if b else mpf(0) for b in on]


def sk_ax2(op, i):
    m = max(i["w"])
    w2 = [x + i["perturb"]["eta"] * m if k == i["perturb"]["index"] else x for k, x in enumerate(i["w"])]  # in doubles, as the instance defines it
    delta = sk_l1(sk_normalise(i["w"]), sk_normalise(w2))
    T = i["Tc"]
    gamma, c = min(T, 1 / T), 2 * max(T, 1 / T) * len(i["w"])  # doubles, as the modulus is stated
    rhs = mpf(0) if delta == 0 else X(c) * mpmath.exp(X(gamma) * mpmath.log(delta))
    return {"lhs": sk_l1(sk_apply(op, i["w"], T), sk_apply(op, w2, T)), "rhs": rhs, "base": mpf(0), "scale": mpf(1)}


def sk_large_t_rate(i):
    p = sk_normalise(i["w"])
    log_min = min(mpmath.log(x) for x, w in zip(p, i["w"]) if w > 0)
    return mpmath.exp((2 - log_min) / X(i["Tbig"])) - 1


def sk_ax5_big(op, i, reading):
    on = [x > 0 for x in i["w"]] if reading == "support" else [True] * len(i["w"])
    return {"lhs": sk_l1(sk_apply(op, i["w"], i["Tbig"]), sk_uniform(on)), "rhs": sk_large_t_rate(i), "base": mpf(0), "scale": mpf(1)}


def sk_ax5_small(op, i):
    m = max(i["w"])
    rest = [x for x in i["w"] if x < m]
    target = sk_uniform([x == m for x in i["w"]])
    r = X(max(rest)) / X(m) if rest else mpf(0)
    rate = r if r == 0 else 2 * len(i["w"]) * mpmath.exp(mpmath.log(r) / X(i["Tsmall"]))
    return {"lhs": sk_l1(sk_apply(op, i["w"], i["Tsmall"]), target), "rhs": rate, "base": mpf(0), "scale": mpf(1)}


for _claim, _op in (("SKD-AX2-CONT", "power"), ("SKD-FAM-POWER", "softmax-logits"), ("SKD-FAM-MIX", "mixing")):
    FORMULAS["%s/%s-ax2-continuity" % (_claim, _op)] = (lambda op: lambda inst, P: sk_ax2(op, inst))(_op)
for _claim, _op in (("SKD-AX5-BOUND", "power"), ("SKD-FAM-POWER", "softmax-logits")):
    FORMULAS["%s/%s-ax5-t-support" % (_claim, _op)] = (lambda op: lambda inst, P: sk_ax5_big(op, inst, "support"))(_op)
    FORMULAS["%s/%s-ax5-t-support~%s-ax5-t-all-classes" % (_claim, _op, _op)] = (lambda op: lambda inst, P: sk_ax5_big(op, inst, "all"))(_op)
    FORMULAS["%s/%s-ax5-t-0" % (_claim, _op)] = (lambda op: lambda inst, P: sk_ax5_small(op, inst))(_op)
FORMULAS["SKD-FAM-MIX/mixing-ax5-t-all-classes"] = lambda inst, P: sk_ax5_big("mixing", inst, "all")
FORMULAS["SKD-FAM-MIX/mixing-ax5-t-all-classes~mixing-ax5-t-support"] = lambda inst, P: sk_ax5_big("mixing", inst, "support")


def sk_kl(a, b):
    """KL(a||b) of probability vectors; +inf when a charges an atom b does not."""
    acc = mpf(0)
    for x, y in zip(a, b):
        if x == 0:
            continue
        if y == 0:
            return INF
        acc += x * mpmath.log(x / y)
    return max(acc, mpf(0))


def sk_blackbox(inst, P):
    w = [c + inst["alpha"] for c in inst["counts"]]  # add-alpha smoothing, in doubles as the instance defines it
    p = sk_normalise(w)
    log_min = min(mpmath.log(x) for x, v in zip(p, w) if v > 0)
    rate = mpmath.exp((2 - log_min) / X(inst["T"])) - 1
    return {"lhs": sk_l1(sk_apply("power", w, inst["T"]), sk_uniform([True] * len(w))), "rhs": rate, "base": mpf(0), "scale": mpf(1)}


def sk_top1_student(V, top, theta):
    """q_theta(y) proportional to exp(theta 1[y = top])."""
    e = mpmath.exp(theta)
    m = e / (e + V - 1)
    return [m if y == top else (1 - m) / (V - 1) for y in range(V)]


def sk_moment_matching(inst, P):
    w = inst["w"]
    r = sk_apply("power", w, inst["T"])
    top, V = w.index(max(w)), len(w)
    m = r[top]
    theta_star = mpmath.log(m * (V - 1) / (1 - m))
    return {"lhs": sk_kl(r, sk_top1_student(V, top, theta_star)), "rhs": sk_kl(r, sk_top1_student(V, top, X(inst["theta"]))), "base": mpf(0),
            "hypotheses": [("a unique argmax", w.count(max(w)) == 1)]}


FORMULAS["SKD-BLACKBOX/smooth-then-soften"] = sk_blackbox
FORMULAS["SKD-EQUIV/moment-matching"] = sk_moment_matching
