# ---- Donsker-Varadhan (KD-L6-DV) ------------------------------------------------------------
# Q, P given by nonnegative weights (q_i = w_i / sum w). E_Q[g] <= KL(Q||P) + log E_P[e^g] for
# Q << P; room used = (E_Q g - log E_P e^g) / KL(Q||P).


def dv_charged_mean(w, v):
    """sum w_i v_i / sum w_i over the atoms of positive weight."""
    ws = [(X(wi), vi) for wi, vi in zip(w, v) if wi > 0]
    return fsum(wi * vi for wi, vi in ws) / fsum(wi for wi, _ in ws)


def dv_log_mean_exp(w, v):
    """log(sum w_i e^{v_i} / sum w_i) over the atoms of positive weight (e^{-inf} = 0)."""
    ws = [(X(wi), vi) for wi, vi in zip(w, v) if wi > 0]
    return mpmath.log(fsum(wi * mpmath.exp(vi) for wi, vi in ws) / fsum(wi for wi, _ in ws))


def kl_weights(q, p):
    """KL(Q||P) of weight vectors: +inf when Q charges an atom P does not; 0 log 0 = 0."""
    Wq, Wp = fsum(X(x) for x in q), fsum(X(x) for x in p)
    total = mpf(0)
    for qi, pi in zip(q, p):
        if qi == 0:
            continue
        if pi == 0:
            return INF
        a, b = X(qi) / Wq, X(pi) / Wp
        total += a * mpmath.log(a / b)
    return max(total, mpf(0))


def log_ratio(q, p, c):
    """g = log dQ/dP + c: -inf where q_i = 0, +inf where p_i = 0 < q_i."""
    Wq, Wp = fsum(X(x) for x in q), fsum(X(x) for x in p)
    off = mpmath.log(Wp / Wq) + c
    return [-INF if qi == 0 else INF if pi == 0 else mpmath.log(X(qi) / X(pi)) + off for qi, pi in zip(q, p)]


def dv_g(inst):
    q, p, g = inst["pair"]["q"], inst["pair"]["p"], inst["g"]
    if g["kind"] == "values":
        return [X(v) for v in g["values"]]
    base = log_ratio(q, p, X(g["c"]))
    if g["kind"] == "log-ratio":
        return base
    return [b + X(g["eps"]) * X(d) for b, d in zip(base, g["direction"])]


def dv_ac(q, p):
    return ("Q << P (every atom Q charges, P charges)", all(qi == 0 or pi > 0 for qi, pi in zip(q, p)))


def dv_inequality(inst, P):
    q, p = inst["pair"]["q"], inst["pair"]["p"]
    g = dv_g(inst)
    mgf = dv_log_mean_exp(p, g)
    return {"lhs": dv_charged_mean(q, g), "rhs": kl_weights(q, p) + mgf, "base": mgf, "hypotheses": [dv_ac(q, p)]}


def dv_functional(q, p, g):
    return dv_charged_mean(q, g) - dv_log_mean_exp(p, g)


def dv_variational(inst, P):
    q, p = inst["pair"]["q"], inst["pair"]["p"]
    return {"lhs": dv_functional(q, p, dv_g(inst)), "rhs": dv_functional(q, p, log_ratio(q, p, mpf(0))), "base": mpf(0), "hypotheses": [dv_ac(q, p)]}


def dv_equality(inst, P):
    q, p = inst["pair"]["q"], inst["pair"]["p"]
    g = log_ratio(q, p, X(inst["c"]))
    return {"lhs": dv_charged_mean(q, g), "rhs": kl_weights(q, p) + dv_log_mean_exp(p, g), "hypotheses": [dv_ac(q, p)]}


FORMULAS["KD-L6-DV/inequality"] = dv_inequality
FORMULAS["KD-L6-DV/variational-sup"] = dv_variational
FORMULAS["KD-L6-DV/equality-at-log-ratio"] = dv_equality
