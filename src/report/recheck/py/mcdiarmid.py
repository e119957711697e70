# ---- McDiarmid on a finite product space (KD-BD-MCDIARMID) ----------------------------------
# Z_1..Z_n independent, Z_i with probabilities w_i / sum w_i over |Z_i| values; f given by a table in
# mixed radix (coordinate 0 fastest). c_i = max |f(z) - f(z')| over z, z' differing in coordinate i
# (all points, whatever their probability). log E e^{l(f - Ef)} <= l^2 sum c_i^2 / 8 and
# P(f - Ef >= t), P(f - Ef <= -t) <= exp(-2 t^2 / sum c_i^2).


def mcd_space(data):
    sizes = [len(m) for m in data["marginals"]]
    probs = [[X(w) / fsum(X(v) for v in m) for w in m] for m in data["marginals"]]
    points = []
    for z in range(len(data["table"])):
        p, r = mpf(1), z
        coords = []
        for i, k in enumerate(sizes):
            coords.append(r % k)
            p *= probs[i][r % k]
            r //= k
        points.append((p, X(data["table"][z]), coords))
    return sizes, points


def mcd_constants(data, sizes):
    table = data["table"]
    c = []
    for i, k in enumerate(sizes):
        stride = 1
        for j in range(i):
            stride *= sizes[j]
        best = mpf(0)
        for z in range(len(table)):
            cur = (z // stride) % k
            for v in range(k):
                z2 = z + (v - cur) * stride
                best = max(best, abs(X(table[z]) - X(table[z2])))
        c.append(best)
    return c


def mcd_mgf(inst, P):
    sizes, points = mcd_space(inst["data"])
    c = mcd_constants(inst["data"], sizes)
    l = X(P["lambda"])
    m = fsum(p * v for p, v, _ in points)
    charged = [(p, v) for p, v, _ in points if p > 0]
    top = max(l * (v - m) for _, v in charged)
    lhs = max(mpf(0), top + mpmath.log(fsum(p * mpmath.exp(l * (v - m) - top) for p, v in charged)))
    return {"lhs": lhs, "rhs": l ** 2 * fsum(x ** 2 for x in c) / 8, "base": mpf(0)}


def mcd_tail(inst, P, side):
    sizes, points = mcd_space(inst["data"])
    c = mcd_constants(inst["data"], sizes)
    t = X(P["t"])
    m = fsum(p * v for p, v, _ in points)
    if side == "upper":
        lhs = fsum(p for p, v, _ in points if v - m >= t)
    else:
        lhs = fsum(p for p, v, _ in points if v - m <= -t)
    s = fsum(x ** 2 for x in c)
    rhs = mpf(0) if s == 0 else mpmath.exp(-2 * t ** 2 / s)
    return {"lhs": lhs, "rhs": rhs, "base": mpf(0), "hypotheses": [("t > 0", t > 0)]}


FORMULAS["KD-BD-MCDIARMID/mgf"] = mcd_mgf
FORMULAS["KD-BD-MCDIARMID/upper-tail"] = lambda inst, P: mcd_tail(inst, P, "upper")
FORMULAS["KD-BD-MCDIARMID/lower-tail"] = lambda inst, P: mcd_tail(inst, P, "lower")
