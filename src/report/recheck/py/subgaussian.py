# ---- sub-Gaussian mgf bound (KD-L7-SUBG) ----------------------------------------------------
# X takes value x_i with probability w_i / sum w (atoms of positive weight). psi(l) = log E e^{lX};
# if X is s2-sub-Gaussian, psi(l) <= l EX + l^2 s2 / 2; room used = (psi(l) - l EX)/(l^2 s2 / 2).
# The best proxy is s2* = sup_{l != 0} 2 psi_c(l)/l^2 with psi_c(l) = log E e^{l(X - EX)}.


def sg_atoms(inst):
    return [(X(w), X(x)) for w, x in zip(inst["weights"], inst["values"]) if w > 0]


def sg_mean(at):
    return fsum(w * x for w, x in at) / fsum(w for w, _ in at)


def sg_cgf(at, l):
    top = max(l * x for _, x in at)
    return top + mpmath.log(fsum(w * mpmath.exp(l * x - top) for w, x in at) / fsum(w for w, _ in at))


def sg_phi(at, l):
    m = sg_mean(at)
    centred = [(w, x - m) for w, x in at]
    return 2 * max(mpf(0), sg_cgf(centred, l)) / l ** 2


def best_proxy_estimate(at, hint):
    """sup_l 2 psi_c(l)/l^2, numerically (a lower estimate of the supremum): a log grid in l on
    both sides scaled by the range, the variance (the limit at l -> 0), kd-verify's argmax, then a
    golden-section refinement around the best grid point."""
    a, b = min(x for _, x in at), max(x for _, x in at)
    if a == b:
        return mpf(0)
    m = sg_mean(at)
    var = fsum(w * (x - m) ** 2 for w, x in at) / fsum(w for w, _ in at)
    scale = 1 / (b - a)
    grid = [s * scale * mpf(10) ** (k / mpf(8)) for s in (1, -1) for k in range(-40, 33)]
    cands = [(var, None)] + [(sg_phi(at, l), l) for l in grid]
    if hint:
        cands.append((sg_phi(at, X(hint)), X(hint)))
    best, l0 = max(cands, key=lambda c: c[0])
    if l0 is None:
        return best
    lo, hi = l0 / mpf(10) ** (mpf(1) / 8), l0 * mpf(10) ** (mpf(1) / 8)
    lo, hi = min(lo, hi), max(lo, hi)
    g = (mpmath.sqrt(5) - 1) / 2
    for _ in range(200):
        c, d = hi - g * (hi - lo), lo + g * (hi - lo)
        if sg_phi(at, c) > sg_phi(at, d):
            hi = d
        else:
            lo = c
    return max(best, sg_phi(at, (lo + hi) / 2))


def sg_mgf_sides(inst, l, s2):
    at = sg_atoms(inst)
    m = sg_mean(at)
    return {"lhs": sg_cgf(at, l), "rhs": l * m + l ** 2 * s2 / 2, "base": l * m}


def subg_hoeffding(inst, P):
    at = sg_atoms(inst)
    a, b = min(x for _, x in at), max(x for _, x in at)
    s = sg_mgf_sides(inst, X(P["lambda"]), (b / 2 - a / 2) ** 2)
    s["hypotheses"] = [("X in [a, b], a = min, b = max of the support: ((b - a)/2)^2-sub-Gaussian by Hoeffding's lemma", True)]
    return s


def subg_best_proxy(inst, P):
    at = sg_atoms(inst)
    hi = X(P["sigma2Hi"])
    est = best_proxy_estimate(at, P["lambda"])
    s = sg_mgf_sides(inst, X(P["lambda"]), hi)
    s["hypotheses"] = [("X is s2-sub-Gaussian with kd-verify's s2 = %s: the supremum of 2 psi_c(l)/l^2 found here, %s, is at most s2" % (P["sigma2Hi"][:20], mpmath.nstr(est, 15)), est <= hi * (1 + mpf(10) ** -30))]
    return s


def subg_proxy_sandwich(inst, P):
    at = sg_atoms(inst)
    a, b = min(x for _, x in at), max(x for _, x in at)
    lo = X(P["sigma2Lo"])
    est = best_proxy_estimate(at, P["lambda"])
    return {"lhs": lo, "rhs": (b / 2 - a / 2) ** 2, "base": mpf(0),
            "hypotheses": [("kd-verify's lower end of s2*, %s, is at most the supremum of 2 psi_c(l)/l^2 found here, %s" % (P["sigma2Lo"][:20], mpmath.nstr(est, 15)), lo <= est * (1 + mpf(10) ** -12))]}


def subg_gaussian(inst, P):
    m, s, l = X(inst["m"]), X(inst["s"]), X(inst["lambda"])
    # closed form of log E e^{lX} for X ~ N(m, s^2)
    return {"lhs": l * m + l ** 2 * s ** 2 / 2, "rhs": l * m + l ** 2 * s ** 2 / 2, "base": l * m,
            "hypotheses": [("s > 0", s > 0)]}


FORMULAS["KD-L7-SUBG/hoeffding"] = subg_hoeffding
FORMULAS["KD-L7-SUBG/best-proxy"] = subg_best_proxy
FORMULAS["KD-L7-SUBG/proxy-sandwich"] = subg_proxy_sandwich
FORMULAS["KD-L7-SUBG/gaussian"] = subg_gaussian
