# ---- sharpness worlds (KD-SH-ASSUMP, KD-L13/L14/L15, KD-L16-SHARP, KD-T12-SHARP-UPPER) -------
# Parameters f in R^p; data points z_j = (x_j, y_j) with law mu_j = w_j / sum w; the loss
# l(f; z) = 1 - cos(omega (f.x - y)) in [0, 2]; the ridge teacher A(D) = (sum x x^T/n + lambda I)^-1
# sum x y / n over the n points of D (all m^n datasets, coordinate 0 least significant). Averages over
# U uniform on the rho-ball of R^p: E cos(a + omega x.U) = cos(a) * E cos(s u_1), s = omega rho |x|,
# and E cos(s u_1) = 0F1(; p/2 + 1; -s^2/4) for u uniform on the unit ball of R^p.
# S_P(f) = E_U L_P(f + U) - L_P(f) (the population sharpness).

LOSS_RANGE = 2


def ball_cos_mean(s, p):
    return mpmath.hyp0f1(mpf(p) / 2 + 1, -s ** 2 / 4)


class SharpWorld:
    def __init__(self, w):
        self.w = w
        self.p, self.m, self.n = w["p"], len(w["xs"]), w["n"]
        self.omega, self.rho = X(w["omega"]), X(w["rho"])
        self.xs = [[X(v) for v in x] for x in w["xs"]]
        self.ys = [X(y) for y in w["ys"]]
        W = fsum(X(v) for v in w["weights"])
        self.mu = [X(v) / W for v in w["weights"]]
        self.norm = [mpmath.sqrt(fsum(v ** 2 for v in x)) for x in self.xs]
        self.phi = [ball_cos_mean(self.omega * self.rho * nx, self.p) for nx in self.norm]
        self.datasets = [[(d // self.m ** i) % self.m for i in range(self.n)] for d in range(self.m ** self.n)]
        self.teachers = [self.teacher(D) for D in self.datasets]

    def r(self, f, j):
        return fsum(a * b for a, b in zip(f, self.xs[j])) - self.ys[j]

    def loss(self, f, j):
        return 1 - mpmath.cos(self.omega * self.r(f, j))

    def smoothed(self, f, j):
        return 1 - mpmath.cos(self.omega * self.r(f, j)) * self.phi[j]

    def grad_norm(self, f, j):
        return self.omega * abs(mpmath.sin(self.omega * self.r(f, j))) * self.norm[j]

    def teacher(self, D):
        p, n = self.p, self.n
        G = mpmath.matrix(p, p)
        b = mpmath.matrix(p, 1)
        for r in range(p):
            for c in range(p):
                G[r, c] = fsum(self.xs[j][r] * self.xs[j][c] for j in D) / n + (X(self.w["lambda"]) if r == c else 0)
            b[r] = fsum(self.xs[j][r] * self.ys[j] for j in D) / n
        sol = mpmath.lu_solve(G, b)
        return [sol[k] for k in range(p)]

    def emp(self, D, l, f):
        return fsum(l(f, j) for j in D) / self.n

    def pop(self, l, f):
        return fsum(m * l(f, j) for j, m in enumerate(self.mu))

    def neighbours(self):
        m, n = self.m, self.n
        for d, D in enumerate(self.datasets):
            for i in range(n):
                for z in range(m):
                    if z != D[i]:
                        yield d, d + (z - D[i]) * m ** i

    def constants(self):
        """kappa, L, alpha, g0 and the bounded differences of H, H_U and S, by enumeration."""
        per = []
        for D, f in zip(self.datasets, self.teachers):
            LD, LDU = self.emp(D, self.loss, f), self.emp(D, self.smoothed, f)
            per.append({"H": self.pop(self.loss, f) - LD, "HU": self.pop(self.smoothed, f) - LDU, "S": LDU - LD})
        pairs = list(self.neighbours())
        dist = lambda d, e: mpmath.sqrt(fsum((a - b) ** 2 for a, b in zip(self.teachers[d], self.teachers[e])))
        xmax2 = max(fsum(v ** 2 for v in x) for x in self.xs)
        return {
            "kappa": self.n * max(dist(d, e) for d, e in pairs),
            "L": self.omega * mpmath.sqrt(xmax2),
            "alpha": self.omega ** 2 * xmax2,
            "g0": max(self.grad_norm(f, j) for f in self.teachers for j in range(self.m)),
            "bdH": max(abs(per[d]["H"] - per[e]["H"]) for d, e in pairs),
            "bdHU": max(abs(per[d]["HU"] - per[e]["HU"]) for d, e in pairs),
            "bdS": max(abs(per[d]["S"] - per[e]["S"]) for d, e in pairs),
        }


def sh_pair_sides(inst, what, factor=1):
    W = SharpWorld(inst["world"])
    f = [X(v) for v in inst["f"]]
    g = [X(v) + X(inst["scale"]) * X(s) for v, s in zip(inst["f"], inst["step"])]
    dist = X(inst["scale"]) * mpmath.sqrt(fsum(X(s) ** 2 for s in inst["step"]))
    j = inst["j"]
    xmax2 = max(fsum(v ** 2 for v in x) for x in W.xs)
    if what == "lipschitz":
        return {"lhs": abs(W.loss(f, j) - W.loss(g, j)), "rhs": factor * W.omega * mpmath.sqrt(xmax2) * dist, "base": mpf(0)}
    s = lambda v: mpmath.sin(W.omega * W.r(v, j))
    return {"lhs": W.omega * abs(s(f) - s(g)) * W.norm[j], "rhs": factor * W.omega ** 2 * xmax2 * dist, "base": mpf(0)}


def sh_bd(inst, lhs_key, rhs):
    W = SharpWorld(inst)
    c = W.constants()
    return {"lhs": c[lhs_key], "rhs": rhs(W, c) / W.n, "base": mpf(0),
            "hypotheses": [("two or more data points and ridge lambda > 0", W.m >= 2 and inst["lambda"] > 0)]}


def sh_nu(W, c, drop=None):
    ak = 0 if drop == "alpha-kappa" else c["alpha"] * c["kappa"] * W.rho
    g = 0 if drop == "g0" else 2 * c["g0"] * W.rho
    return ak + g + c["alpha"] * W.rho ** 2


def sh_top_eigenvalue(M):
    E = mpmath.eigsy(M)[0]
    return max(E[k] for k in range(M.rows))


def l16_quadratic(inst, P, tight=False):
    H = inst["H"]
    p = len(H)
    rho = X(inst["rho"])
    M = mpmath.matrix([[X(v) for v in r] for r in H])
    sharpness = rho ** 2 / (p + 2) * fsum(M[k, k] for k in range(p)) / 2
    tau = X(P["tau"])
    factor = mpf(p) / (p + 2) if tight else mpf(1)
    return {"lhs": sharpness, "rhs": tau * rho ** 2 / 2 * factor, "base": mpf(0),
            "hypotheses": [("tau_op = %s >= lambda_max(H) = %s" % (mpmath.nstr(tau, 15), mpmath.nstr(sh_top_eigenvalue(M), 15)), tau >= sh_top_eigenvalue(M))]}


def l16_cosine(inst, P):
    W = SharpWorld(inst)
    lhs = fsum(mpmath.fprod(W.mu[j] for j in D) * (W.pop(W.smoothed, f) - W.pop(W.loss, f)) for D, f in zip(W.datasets, W.teachers))
    C = mpmath.matrix(W.p, W.p)
    for r in range(W.p):
        for c in range(W.p):
            C[r, c] = W.omega ** 2 * fsum(m * x[r] * x[c] for m, x in zip(W.mu, W.xs))
    tau = X(P["tau"])
    return {"lhs": lhs, "rhs": tau * W.rho ** 2 / 2, "base": mpf(0),
            "hypotheses": [("tau_op = %s >= omega^2 lambda_max(E x x^T) = %s" % (mpmath.nstr(tau, 15), mpmath.nstr(sh_top_eigenvalue(C), 15)), tau >= sh_top_eigenvalue(C))]}


def sharp_kd(inst):
    """Theorem 12's quantities on a distillation process over a sharpness world (grid X x Y)."""
    a, b = len(inst["inputs"]), len(inst["labels"])
    sw = {"p": inst["p"], "xs": [x for x in inst["inputs"] for _ in inst["labels"]], "ys": [y for _ in inst["inputs"] for y in inst["labels"]],
          "weights": [v for row in inst["weights"] for v in row], "n": inst["n"], "omega": inst["omega"], "lambda": inst["lambda"], "rho": inst["rho"]}
    W = SharpWorld(sw)
    n = W.n
    muN = [mpmath.fprod(W.mu[z] for z in D) for D in W.datasets]
    truth = lambda i, j: W.mu[i * b + j] / fsum(W.mu[i * b + l] for l in range(b))
    rel = inst["relabel"]

    def channel(f):
        out = []
        for i in range(a):
            if rel["kind"] == "truth":
                out.append([truth(i, j) for j in range(b)])
                continue
            e = [mpmath.exp(-X(rel["beta"]) * W.loss(f, i * b + j)) for j in range(b)]
            Z = fsum(e)
            gibbs = [v / Z for v in e]
            if rel["kind"] == "gibbs":
                out.append(gibbs)
            else:
                eps = X(rel["eps"])
                out.append([(1 - eps) * truth(i, j) + eps * gibbs[j] for j in range(b)])
        return out

    gammaD = [mpf(0)] * len(W.datasets)
    # relabelled by the true channel, Gamma_D = prod mu(x_k) mu(y_k | x_k) = mu^n exactly (and K_n = 0)
    for d, D in (enumerate(W.datasets) if rel["kind"] != "truth" else ()):
        ch = channel(W.teachers[d])
        for r in range(b ** n):
            labels = [(r // b ** k) % b for k in range(n)]
            Dhat = [(z // b) * b + labels[k] for k, z in enumerate(D)]
            prob = muN[d]
            for k, z in enumerate(D):
                prob *= ch[z // b][labels[k]]
            gammaD[sum(z * (a * b) ** k for k, z in enumerate(Dhat))] += prob
    if rel["kind"] == "truth":
        gammaD = muN
    # KL as a sum of terms >= 0, g log(g/m) - g + m = m ((1 + r) log1p(r) - r) with r = g/m - 1 (both laws
    # sum to 1): where Gamma = Delta up to rounding it is of the rounding's square, not its size
    Kn = fsum(m * ((1 + r) * mpmath.log1p(r) - r) if r > -1 else m for g, m in zip(gammaD, muN) for r in [g / m - 1])
    H = [W.pop(W.loss, f) - W.emp(D, W.loss, f) for D, f in zip(W.datasets, W.teachers)]
    HU = [W.pop(W.smoothed, f) - W.emp(D, W.smoothed, f) for D, f in zip(W.datasets, W.teachers)]
    S = [W.emp(D, W.smoothed, f) - W.emp(D, W.loss, f) for D, f in zip(W.datasets, W.teachers)]
    SP = [W.pop(W.smoothed, f) - W.pop(W.loss, f) for f in W.teachers]
    c = W.constants()
    rho, sqn, r = W.rho, mpmath.sqrt(n), mpf(LOSS_RANGE) / 2
    return {
        "Kn": Kn, "genT": fsum(m * h for m, h in zip(muN, H)), "genS": fsum(g * h for g, h in zip(gammaD, H)),
        "sharpT": fsum(m * s for m, s in zip(muN, SP)), "sharpS": fsum(g * s for g, s in zip(gammaD, SP)), "bd": c,
        "sigma0": (c["kappa"] * c["L"] + r) / sqn,
        "sigmaU": (c["kappa"] * (c["g0"] + c["alpha"] * rho) + r) / sqn,
        "nu": (c["alpha"] * c["kappa"] * rho / 2 + c["g0"] * rho + c["alpha"] * rho ** 2 / 2) / sqn,
        "lawHU": list(zip(muN, HU)), "lawS": list(zip(muN, S)),
        "n": n,
    }


def t12(inst, P, proxies="lemmas", root="2K", require42=True):
    """Theorem 12: gen_S <= gen_T + E_Delta[S_P(f_T)] + (sigma_u + nu) sqrt(2 K_n), base gen_T + E_Delta[S_P(f_T)].
    proxies: "lemmas" (sigma_u, nu of Lemmas 14-15, (ii) re-checked through their bounded differences),
    "best" (kd-verify's certified best proxies of the laws of h_U and S_D under Delta, re-checked against
    the supremum of 2 psi_c(l)/l^2 found here), "best-u" (sigma_u* alone: nu dropped)."""
    q = sharp_kd(inst)
    sqn = mpmath.sqrt(q["n"])
    if proxies == "lemmas":
        width = q["sigmaU"] + q["nu"]
        hyps = [("(ii) bounded differences of h_U and S_D within 2 sigma_u/sqrt(n) and 2 nu/sqrt(n)",
                 q["bd"]["bdHU"] <= 2 * q["sigmaU"] / sqn and q["bd"]["bdS"] <= 2 * q["nu"] / sqn)]
    else:
        width = mpmath.sqrt(X(P["sigma2U"])) + (mpmath.sqrt(X(P["nu2"])) if proxies == "best" else 0)
        hyps = [t12_proxy_hypothesis("h_U", q["lawHU"], P["sigma2U"]), t12_proxy_hypothesis("S_D", q["lawS"], P["nu2"])]
    K = 2 * q["Kn"] if root == "2K" else q["Kn"]
    base = q["genT"] + q["sharpT"]
    notes = ["(42) E_Gamma[S_P(f_S)] = %s: (42) %s on this instance" % (mpmath.nstr(q["sharpS"], 12), "holds" if q["sharpS"] >= 0 else "FAILS"),
             "K_n = %s, gen_T = %s, gen_S = %s, E_Delta[S_P(f_T)] = %s" % tuple(mpmath.nstr(q[k], 12) for k in ("Kn", "genT", "genS", "sharpT"))]
    if require42:
        hyps.append(("(42) E_Gamma[S_P(f_S)] >= 0", q["sharpS"] >= 0))
    else:
        hyps.append(("K_n > 0", q["Kn"] > 0))
    return {"lhs": q["genS"], "rhs": base + width * mpmath.sqrt(K), "base": base, "hypotheses": hyps, "notes": notes}


def t12_proxy_hypothesis(name, law, sigma2):
    est = best_proxy_estimate(law, None)
    return ("%s is s2-sub-Gaussian under Delta with kd-verify's s2 = %s: the supremum of 2 psi_c(l)/l^2 found here, %s, is at most s2" % (name, sigma2[:20], mpmath.nstr(est, 15)),
            est <= X(sigma2) * (1 + mpf(10) ** -30))


def tight_rho0_concrete(inst, P):
    q = sharp_kd(inst)
    root = mpmath.sqrt(2 * q["Kn"])
    return {"lhs": q["genT"] + q["sharpT"] + (q["sigmaU"] + q["nu"]) * root, "rhs": q["genT"] + q["sigma0"] * root}


FORMULAS["KD-SH-ASSUMP/lipschitz"] = lambda inst, P: sh_pair_sides(inst, "lipschitz")
FORMULAS["KD-SH-ASSUMP/smoothness"] = lambda inst, P: sh_pair_sides(inst, "smooth")
FORMULAS["KD-L13-SIGMA0/bounded-differences"] = lambda inst, P: sh_bd(inst, "bdH", lambda W, c: 2 * c["kappa"] * c["L"] + LOSS_RANGE)
FORMULAS["KD-L14-SIGMAU/bounded-differences"] = lambda inst, P: sh_bd(inst, "bdHU", lambda W, c: 2 * c["kappa"] * (c["g0"] + c["alpha"] * W.rho) + LOSS_RANGE)
FORMULAS["KD-L15-NU/bounded-differences"] = lambda inst, P: sh_bd(inst, "bdS", lambda W, c: sh_nu(W, c))
FORMULAS["KD-L15-NU/bounded-differences~without-g0"] = lambda inst, P: sh_bd(inst, "bdS", lambda W, c: sh_nu(W, c, "g0"))
FORMULAS["KD-L15-NU/bounded-differences~curvature-only"] = lambda inst, P: sh_bd(inst, "bdS", lambda W, c: c["alpha"] * W.rho ** 2)
FORMULAS["KD-L16-SHARP/quadratic"] = l16_quadratic
FORMULAS["KD-L16-SHARP/tight-constant"] = lambda inst, P: l16_quadratic(inst, P, tight=True)
FORMULAS["KD-L16-SHARP/cosine-world"] = l16_cosine
FORMULAS["KD-T12-SHARP-UPPER/best-proxies"] = lambda inst, P: t12(inst, P, "best")
FORMULAS["KD-T12-SHARP-UPPER/best-proxies~without-42"] = lambda inst, P: t12(inst, P, "best", require42=False)
FORMULAS["KD-T12-SHARP-UPPER/best-proxies~root-k"] = lambda inst, P: t12(inst, P, "best", root="K")
FORMULAS["KD-T12-SHARP-UPPER/best-proxies~without-nu"] = lambda inst, P: t12(inst, P, "best-u")
FORMULAS["KD-T12-SHARP-UPPER/lemma-proxies"] = t12
FORMULAS["KD-T12-SHARP-UPPER/lemma-proxies~without-42"] = lambda inst, P: t12(inst, P, require42=False)
FORMULAS["KD-TIGHT-RHO0/concrete"] = tight_rho0_concrete
