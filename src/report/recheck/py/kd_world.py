# ---- exact knowledge-distillation worlds (KD-T8-UPPER, KD-T10-LOWER, KD-R2, KD-D2, KD-P9) ------
# Written from the model's specification (as test/fixtures/generate_world_values.py is):
#   z = x*|Y| + y, mu(z) = mu_X(x) P(y|x); a dataset d has points z_i = (d // |Z|^i) % |Z|;
#   L_d(f) = (1/n) sum_i loss[f][z_i], L_mu(f) = sum_z mu(z) loss[f][z], h(d, f) = L_mu(f) - L_d(f);
#   kernels P(f|d): erm (argmin of L_d over the class, compared exactly, lowest index on ties),
#   seeded (uniform over the seeds' erm choices), gibbs (prop. to exp(-b L_d(f)) over the class with
#   b = beta*n rounded to a double, as the instance defines it);
#   Delta(d, f) = mu^n(d) P_T(f|d); pseudo-labels keep x_i and draw y_i ~ q_{f_T}(.|x_i);
#   Gamma(dh, f) = Gamma_D(dh) P_S(f|dh); K_n = KL(Gamma || Delta), gen_T = E_Delta h, gen_S = E_Gamma h.
from fractions import Fraction


class World:
    def __init__(self, w):
        self.w = w
        self.kx, self.ky = len(w["xWeights"]), len(w["labelWeights"][0])
        self.kz, self.kf, self.n = self.kx * self.ky, len(w["predictors"]), w["n"]
        self.N = self.kz ** self.n
        wx = fsum(X(v) for v in w["xWeights"])
        self.mu = []
        for z in range(self.kz):
            x, y = divmod(z, self.ky)
            row = w["labelWeights"][x]
            pos = w["xWeights"][x] > 0 and row[y] > 0
            self.mu.append(X(w["xWeights"][x]) / wx * X(row[y]) / fsum(X(v) for v in row) if pos else None)
        self.q = [[[X(v) / fsum(X(u) for u in r) for v in r] for r in p] for p in w["predictors"]]
        self.Lmu = [fsum(self.mu[z] * X(w["loss"][f][z]) for z in range(self.kz) if self.mu[z] is not None) for f in range(self.kf)]
        self.points = [[(d // self.kz ** i) % self.kz for i in range(self.n)] for d in range(self.N)]
        self._kernels = {}

    def emp(self, d, f):
        return fsum(X(self.w["loss"][f][z]) for z in self.points[d]) / self.n

    def h(self, d, f):
        return self.Lmu[f] - self.emp(d, f)

    def cls(self, learner):
        return learner.get("subclass") or list(range(self.kf))

    def erm(self, learner, d):
        best, risk = None, None
        for f in self.cls(learner):
            r = sum((Fraction(self.w["loss"][f][z]) for z in self.points[d]), Fraction(0))
            if risk is None or r < risk or (r == risk and f < best):
                best, risk = f, r
        return best

    def kernel(self, learner, d):
        key = (json.dumps(learner, sort_keys=True), d)
        if key in self._kernels:
            return self._kernels[key]
        if learner["kind"] == "erm":
            law = {self.erm(learner, d): mpf(1)}
        elif learner["kind"] == "seeded":
            law = {}
            for s in learner["seeds"]:
                f = self.erm(s, d)
                law[f] = law.get(f, mpf(0)) + mpf(1) / len(learner["seeds"])
        else:
            b = X(float(learner["beta"] * self.n))
            C = self.cls(learner)
            scores = [-b * self.emp(d, f) for f in C]
            top = max(scores)
            Z = fsum(mpmath.exp(s - top) for s in scores)
            law = {f: mpmath.exp(s - top) / Z for f, s in zip(C, scores)}
        self._kernels[key] = law
        return law

    def laws(self, teacher=None, student=None):
        teacher = teacher or self.w["teacher"]
        student = student or self.w["student"]
        data = {}
        for d in range(self.N):
            if all(self.mu[z] is not None for z in self.points[d]):
                p = mpf(1)
                for z in self.points[d]:
                    p *= self.mu[z]
                data[d] = p
        delta = {(d, f): pd * pf for d, pd in data.items() for f, pf in self.kernel(teacher, d).items()}
        pseudo = {}
        for d, pd in data.items():
            xs = [z // self.ky for z in self.points[d]]
            for fT, pf in self.kernel(teacher, d).items():
                for l in range(self.ky ** self.n):
                    ys = [(l // self.ky ** i) % self.ky for i in range(self.n)]
                    if any(self.w["predictors"][fT][x][y] == 0 for x, y in zip(xs, ys)):
                        continue
                    p = pd * pf
                    for x, y in zip(xs, ys):
                        p *= self.q[fT][x][y]
                    dh = sum((x * self.ky + y) * self.kz ** i for i, (x, y) in enumerate(zip(xs, ys)))
                    pseudo[dh] = pseudo.get(dh, mpf(0)) + p
        gamma = {(dh, f): pd * pf for dh, pd in pseudo.items() for f, pf in self.kernel(student, dh).items()}
        return {"data": data, "delta": delta, "pseudo": pseudo, "gamma": gamma}

    def h_range(self, learner):
        C = list(range(self.kf)) if learner["kind"] == "seeded" else self.cls(learner)
        hs = [self.h(d, f) for d in range(self.N) for f in C]
        return min(hs), max(hs)


def law_kl(P, Q):
    """KL(P||Q) of sparse laws: +inf when P charges an atom Q does not."""
    acc = mpf(0)
    for k, p in P.items():
        if k not in Q:
            return INF
        acc += p * mpmath.log(p / Q[k])
    return max(mpf(0), acc)


def quantities(W, L):
    return {"genT": fsum(p * W.h(d, f) for (d, f), p in L["delta"].items()),
            "genS": fsum(p * W.h(d, f) for (d, f), p in L["gamma"].items()),
            "Kn": law_kl(L["gamma"], L["delta"])}


def h_law(W, L):
    return [(p, W.h(d, f)) for (d, f), p in L["delta"].items()]


def kw_log_mean_exp(at, v):
    top = max(v)
    return top + mpmath.log(fsum(p * mpmath.exp(x - top) for (p, _), x in zip(at, v)) / fsum(p for p, _ in at))


def kw_centred_cgf(at, l):
    m = fsum(p * x for p, x in at) / fsum(p for p, _ in at)
    return max(mpf(0), kw_log_mean_exp(at, [l * (x - m) for _, x in at]))


def kw_proxy_hypothesis(W, L, sigma2):
    est = best_proxy_estimate(h_law(W, L), None)
    return ("h is s2-sub-Gaussian under Delta with kd-verify's s2 = %s: the supremum of 2 psi_c(l)/l^2 found here, %s, is at most s2" % (sigma2[:20], mpmath.nstr(est, 15)),
            est <= X(sigma2) * (1 + mpf(10) ** -30))


def kw_world(inst):
    return inst["world"]["world"] if "world" in inst["world"] else inst["world"]


def t8_sides(inst, P, side="upper"):
    W = World(kw_world(inst))
    L = W.laws()
    q = quantities(W, L)
    width = INF if q["Kn"] == INF else mpmath.sqrt(X(P["sigma2"])) * mpmath.sqrt(2 * q["Kn"])
    rhs = q["genT"] + width if side == "upper" else q["genT"] - width
    return {"lhs": q["genS"], "rhs": rhs, "base": q["genT"], "hypotheses": [kw_proxy_hypothesis(W, L, P["sigma2"])],
            "notes": ["K_n = %s, gen_T = %s, gen_S = %s" % (mpmath.nstr(q["Kn"], 12), mpmath.nstr(q["genT"], 12), mpmath.nstr(q["genS"], 12))]}


def uniform_stability(W, learner):
    """beta = max |loss(A(d), z) - loss(A(d'), z)| over neighbouring datasets d, d' and all z."""
    beta = mpf(0)
    for d in range(W.N):
        f = W.erm(learner, d)
        for i in range(W.n):
            for z2 in range(W.kz):
                if z2 == W.points[d][i]:
                    continue
                d2 = d + (z2 - W.points[d][i]) * W.kz ** i
                f2 = W.erm(learner, d2)
                if f2 != f:
                    beta = max([beta] + [abs(X(a) - X(b)) for a, b in zip(W.w["loss"][f], W.w["loss"][f2])])
    return beta


def loss_range(W):
    flat = [v for r in W.w["loss"] for v in r]
    return X(min(flat)), X(max(flat))


def stability_constant(W, beta, beta_factor=2):
    a, b = loss_range(W)
    return beta_factor * beta + (b - a) / W.n


def stability_proxy2(W, beta):
    return W.n * stability_constant(W, beta) ** 2 / 4


def t8_stability(inst, P):
    W = World(kw_world(inst))
    L = W.laws()
    q = quantities(W, L)
    s2 = stability_proxy2(W, uniform_stability(W, {"kind": "erm"}))
    rhs = INF if q["Kn"] == INF else q["genT"] + mpmath.sqrt(s2) * mpmath.sqrt(2 * q["Kn"])
    return {"lhs": q["genS"], "rhs": rhs, "base": q["genT"], "hypotheses": [("teacher deterministic (erm)", W.w["teacher"]["kind"] == "erm")]}


def gaussian_shift_t8(inst, P):
    m, s, delta = X(inst["m"]), X(inst["s"]), X(inst["delta"])
    K = delta ** 2 / (2 * s ** 2)  # KL(N(m + delta, s^2) || N(m, s^2))
    return {"lhs": m + delta, "rhs": m + s * mpmath.sqrt(2 * K), "base": m}


def gaussian_shift_t10(inst, P):
    m, s, delta = X(inst["m"]), X(inst["s"]), X(inst["delta"])
    K = delta ** 2 / (2 * s ** 2)  # KL(N(m + delta, s^2) || N(m, s^2))
    eta = abs(delta) / s ** 2
    c = 1 - eta * s ** 2 / (2 * m)
    return {"lhs": m + delta, "rhs": c * m - K / eta, "base": c * m}


def kw_central(inst):
    W = World(kw_world(inst))
    L = W.laws()
    return W, L, quantities(W, L), h_law(W, L)


def kw_eta_hyp(q, eta, sigma2):
    return ("0 < eta < 2 gen_T / s2 (eta = %s)" % mpmath.nstr(eta, 17), eta > 0 and eta < 2 * q["genT"] / X(sigma2))


def log_mgf_neg(at, eta):
    """log E_Delta e^{-eta h}, over the atoms of the joint law Delta."""
    return kw_log_mean_exp(at, [-eta * x for _, x in at])


def best_c(at, eta):
    """c*(eta) = -log E e^{-eta h} / (eta E h): the (eta, c)-central condition holds exactly for c <= c*(eta)."""
    m = fsum(p * x for p, x in at) / fsum(p for p, _ in at)
    return -log_mgf_neg(at, eta) / (eta * m)


def d2_decision(inst, P):
    """Def. 2 in the direction c*(eta), recomputed here, decides: log E e^{-eta h} <= -c eta gen_T when
    c <= c*(eta), the reverse otherwise; kd-verify's side of c*(eta) is re-checked as a hypothesis."""
    W, L, q, at = kw_central(inst)
    eta, c = X(P["eta"]), X(P["c"])
    lam = log_mgf_neg(at, eta)
    bound = -c * eta * q["genT"]
    cstar = best_c(at, eta)
    central = c <= cstar
    sides = {"lhs": lam, "rhs": bound} if central else {"lhs": bound, "rhs": lam}
    sides["hypotheses"] = [("gen_T > 0", q["genT"] > 0), ("eta > 0 and c > 0 (eta = %s, c = %s)" % (P["eta"], P["c"]), eta > 0 and c > 0),
                           ("c %s c*(eta) = %s, as kd-verify decided" % ("<=" if P["central"] else ">", mpmath.nstr(cstar, 20)), central == P["central"])]
    return sides


def r2_constant(inst, P, divisor=2):
    """Remark 2: c*(eta) >= c = 1 - eta s2/(2 gen_T) for 0 < eta < 2 gen_T/s2; room below 1."""
    W, L, q, at = kw_central(inst)
    eta = X(P["eta"])
    c = 1 - eta * X(P["sigma2"]) / (divisor * q["genT"])
    return {"lhs": best_c(at, eta), "rhs": c, "base": mpf(1),
            "hypotheses": [("gen_T > 0", q["genT"] > 0), kw_eta_hyp(q, eta, P["sigma2"]), kw_proxy_hypothesis(W, L, P["sigma2"])]}


def two_atom_tilt(W, L):
    """The eta at which Gamma is the tilt of Delta along h, Delta and Gamma on the same two atoms (a, b):
    Gamma_a/Gamma_b = Delta_a e^{-eta h_a}/(Delta_b e^{-eta h_b})."""
    D, G = L["delta"], L["gamma"]
    a, b = list(D)
    assert set(G) == {a, b}, "not a two-atom world"
    return mpmath.log(D[a] * G[b] / (G[a] * D[b])) / (W.h(*a) - W.h(*b))


def t10(inst, P, c_kind, swap_kl=False, k_factor=1):
    """Theorem 10: gen_S >= c gen_T - K_n/eta, base c gen_T; c = c*(eta) or Remark 2's c."""
    W, L, q, at = kw_central(inst)
    eta = two_atom_tilt(W, L) if P["eta"] == "tilt" else X(P["eta"])
    c = best_c(at, eta) if c_kind == "best" else 1 - eta * X(P["sigma2"]) / (2 * q["genT"])
    K = law_kl(L["delta"], L["gamma"]) if swap_kl else q["Kn"]
    rhs = -INF if K == INF else c * q["genT"] - K / (k_factor * eta)
    hyps = [("gen_T > 0", q["genT"] > 0)]
    if c_kind == "best":
        hyps.append(("eta > 0 and c*(eta) > 0 (eta = %s)" % mpmath.nstr(eta, 17), eta > 0 and c > 0))
    else:
        hyps += [kw_eta_hyp(q, eta, P["sigma2"]), kw_proxy_hypothesis(W, L, P["sigma2"])]
    return {"lhs": q["genS"], "rhs": rhs, "base": c * q["genT"], "hypotheses": hyps,
            "notes": ["K_n = %s, gen_T = %s, gen_S = %s, c = %s" % tuple(mpmath.nstr(v, 12) for v in (K, q["genT"], q["genS"], c))]}


def kw_H_differences(W, learner):
    H = [W.h(d, W.erm(learner, d)) for d in range(W.N)]
    c = mpf(0)
    for d in range(W.N):
        for i in range(W.n):
            for z2 in range(W.kz):
                d2 = d + (z2 - W.points[d][i]) * W.kz ** i
                if d2 > d:
                    c = max(c, abs(H[d] - H[d2]))
    return c


def p9_bounded_differences(inst, P, beta_factor=2):
    """max |H(d) - H(d')| over neighbours <= beta_factor beta + (b - a)/n: 2 in Prop. 9, 1 for an ERM (derived in kd-verify)."""
    W = World(kw_world(inst))
    erm = {"kind": "erm"}
    beta = uniform_stability(W, erm)
    hyps = [("teacher deterministic (erm)", W.w["teacher"]["kind"] == "erm")]
    if beta_factor == 1:
        hyps.append(("beta > 0: the ERM changes its hypothesis between some neighbouring datasets (beta = %s)" % mpmath.nstr(beta, 15), beta > 0))
    return {"lhs": kw_H_differences(W, erm), "rhs": stability_constant(W, beta, beta_factor), "base": mpf(0), "hypotheses": hyps}


def p9_mgf(inst, P):
    W = World(kw_world(inst))
    at = h_law(W, W.laws())
    l = X(P["lambda"])  # the instance's lambda, or lambda per sigma resolved by kd-verify
    s2 = stability_proxy2(W, uniform_stability(W, {"kind": "erm"}))
    return {"lhs": kw_centred_cgf(at, l), "rhs": l ** 2 * s2 / 2, "base": mpf(0)}


def p9_seed_conditional(inst, P):
    W = World(kw_world(inst))
    seed = inst["seeds"][inst["seed"]]
    at = h_law(W, W.laws(teacher=seed))
    l = X(inst["lambda"])
    s2 = stability_proxy2(W, uniform_stability(W, seed))
    return {"lhs": kw_centred_cgf(at, l), "rhs": l ** 2 * s2 / 2, "base": mpf(0)}


def p9_seed_mixture(inst, P, spread_factor=1):
    W = World(kw_world(inst))
    seeded = {"kind": "seeded", "seeds": inst["seeds"]}
    at = h_law(W, W.laws(teacher=seeded))
    l = X(inst["lambda"])
    s2 = max(stability_proxy2(W, uniform_stability(W, s)) for s in inst["seeds"])
    means = []
    for s in inst["seeds"]:
        a = h_law(W, W.laws(teacher=s))
        means.append(fsum(p * x for p, x in a) / fsum(p for p, _ in a))
    proxy = s2 + spread_factor * (max(means) - min(means)) ** 2 / 4
    return {"lhs": kw_centred_cgf(at, l), "rhs": l ** 2 * proxy / 2, "base": mpf(0)}


FORMULAS["KD-T8-UPPER/best-proxy"] = t8_sides
FORMULAS["KD-T8-UPPER/two-sided"] = lambda inst, P: t8_sides(inst, P, "lower")
FORMULAS["KD-T8-UPPER/stability-proxy"] = t8_stability
FORMULAS["KD-T8-UPPER/gaussian-mean-shift"] = gaussian_shift_t8
FORMULAS["KD-D2-CENTRAL/decision"] = d2_decision
FORMULAS["KD-R2-SUBG-CENTRAL/constant"] = r2_constant
FORMULAS["KD-T10-LOWER/best-c"] = lambda inst, P: t10(inst, P, "best")
FORMULAS["KD-T10-LOWER/best-c~swapped-kl"] = lambda inst, P: t10(inst, P, "best", swap_kl=True)
FORMULAS["KD-T10-LOWER/remark-2-constants"] = lambda inst, P: t10(inst, P, "remark-2")
FORMULAS["KD-T10-LOWER/remark-2-constants~half-k"] = lambda inst, P: t10(inst, P, "remark-2", k_factor=2)
FORMULAS["KD-T10-LOWER/gaussian-mean-shift"] = gaussian_shift_t10
FORMULAS["KD-P9-STAB/bounded-differences"] = p9_bounded_differences
FORMULAS["KD-P9-STAB/erm-bounded-differences"] = lambda inst, P: p9_bounded_differences(inst, P, 1)
FORMULAS["KD-P9-STAB/mgf"] = p9_mgf
FORMULAS["KD-P9-STAB/seed-conditional"] = p9_seed_conditional
FORMULAS["KD-P9-STAB/seed-conditional~unconditional-proxy"] = lambda inst, P: p9_seed_mixture(inst, P, 0)
FORMULAS["KD-P9-STAB/seed-mixture-repaired"] = p9_seed_mixture
