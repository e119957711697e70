# ---- the linear-Gaussian case study (KD-LG-BIASVAR, KD-LG-RANK, KD-LG-FINAL) ----------------
# Gibbs teacher: prior W ~ MN(0, I_k, I_d/lambda), posterior precision Sigma_T^-1 = lambda I +
# (beta_T/nu^2) X X^T, mean W_T = (beta_T/nu^2) Y X^T Sigma_T. vec stacks columns, so
# vec(W X) = (X^T kron I_k) vec W and W ~ MN(M, I_k, S) means vec W ~ N(vec M, S kron I_k).
# Every KL below is the KL of two multivariate Gaussians written out in full.

M_ = mpmath.matrix


def lg_mat(rows):
    return M_([[X(v) if not isinstance(v, str) else mpf(v) for v in r] for r in rows])


def lg_eye(n):
    return mpmath.eye(n)


def lg_kron(A, B):
    K = M_(A.rows * B.rows, A.cols * B.cols)
    for i in range(A.rows):
        for j in range(A.cols):
            for r in range(B.rows):
                for c in range(B.cols):
                    K[i * B.rows + r, j * B.cols + c] = A[i, j] * B[r, c]
    return K


def lg_vec(A):
    v = M_(A.rows * A.cols, 1)
    for j in range(A.cols):
        for i in range(A.rows):
            v[j * A.rows + i] = A[i, j]
    return v


def lg_stack(a, b):
    """The column vector (a; b)."""
    return M_([[a[i]] for i in range(a.rows)] + [[b[i]] for i in range(b.rows)])


def lg_blocks(A, B, C):
    """The symmetric block matrix [[A, B], [B^T, C]]."""
    n, m = A.rows, C.rows
    K = M_(n + m, n + m)
    for i in range(n + m):
        for j in range(n + m):
            K[i, j] = A[i, j] if i < n and j < n else B[i, j - n] if i < n else B[j, i - n] if j < n else C[i - n, j - n]
    return K


def lg_trace(A):
    return fsum(A[i, i] for i in range(A.rows))


def lg_logdet(S):
    L = mpmath.cholesky(S)
    return 2 * fsum(mpmath.log(L[i, i]) for i in range(S.rows))


def gaussian_kl(m1, S1, m2, S2):
    """KL(N(m1, S1) || N(m2, S2)) = 1/2 [tr(S2^-1 S1) - dim + (m2 - m1)^T S2^-1 (m2 - m1) + log det S2 - log det S1]."""
    S2i = mpmath.inverse(S2)
    d = m2 - m1
    return max(mpf(0), (lg_trace(S2i * S1) - S1.rows + (d.T * S2i * d)[0, 0] + lg_logdet(S2) - lg_logdet(S1)) / 2)


def gibbs(Xm, Y, lam, betaT, nu):
    c = X(betaT) / X(nu) ** 2
    precision = X(lam) * lg_eye(Xm.rows) + c * Xm * Xm.T
    sigma = mpmath.inverse(precision)
    return c * Y * Xm.T * sigma, sigma, precision


def lg_biasvar(inst, P):
    Xm, Y, Ws = lg_mat(inst["X"]), lg_mat(inst["Y"]), lg_mat(inst["Wstar"])
    k, n = Y.rows, Xm.cols
    nu2 = X(inst["nu"]) ** 2
    Wbar, ST, _ = gibbs(Xm, Y, inst["lambda"], inst["betaT"], inst["nu"])
    XtSX = Xm.T * ST * Xm
    D = (Wbar - Ws) * Xm
    bias = fsum(D[i, j] ** 2 for i in range(D.rows) for j in range(D.cols)) / (2 * nu2)
    variance = k * lg_trace(XtSX) / (2 * nu2)
    # pseudo-labels given X, D_n: vec Y_hat ~ N(vec(W_T X), (nu^2 I + X^T Sigma_T X) kron I_k); truth N(vec(W* X), nu^2 I kron I_k)
    Ik = lg_eye(k)
    exact = gaussian_kl(lg_vec(Wbar * Xm), lg_kron(nu2 * lg_eye(n) + XtSX, Ik), lg_vec(Ws * Xm), lg_kron(nu2 * lg_eye(n), Ik))
    return {"lhs": exact, "rhs": bias + variance, "base": mpf(0)}


def rank_student_terms(m, P):
    """K_n(D_n) and the decomposition's terms for the rank-kappa student (its map M and the
    Eckart-Young optimum M_EY as kd-verify resolved them, in P)."""
    Xm, Y, Ws = lg_mat(m["X"]), lg_mat(m["Y"]), lg_mat(m["Wstar"])
    k, n, d = Ws.rows, Xm.cols, Xm.rows
    t = m["teacher"]
    nu2 = X(m["nu"]) ** 2
    Wbar, ST, precision = gibbs(Xm, Y, t["lambda"], t["betaT"], m["nu"])
    sc = m["studentCov"]
    SS = lg_mat(sc["matrix"]) if sc["kind"] == "own" else X(sc["c"]) * ST
    Ik = lg_eye(k)
    Mmap, Mey = lg_mat(P["M"]), lg_mat(P["Mey"])
    B = lg_kron(Xm.T, Ik)
    G = lg_kron(Mmap.T, Ik)
    C = lg_kron(ST, Ik)
    w = lg_vec(Wbar)
    noise = nu2 * lg_eye(k * n)
    # Gamma given D_n on (vec Y_hat, vec Theta): Y_hat = W_T X + nu E, Theta = W_T M + E_S
    pm, pc = B * w, B * C * B.T + noise
    gm, gc = lg_stack(pm, G * w), lg_blocks(pc, B * C * G.T, G * C * G.T + lg_kron(SS, Ik))
    # Delta on (vec Y, vec W_T): Y ~ N(vec(W* X), nu^2 I), W_T | Y ~ N(A_T vec Y, Sigma_T kron I_k)
    A = X(t["betaT"]) / nu2 * lg_kron(ST * Xm, Ik)
    mY = lg_vec(Ws * Xm)
    dm, dc = lg_stack(mY, A * mY), lg_blocks(noise, noise * A.T, A * noise * A.T + C)
    Kn = gaussian_kl(gm, gc, dm, dc)
    dataset_shift = gaussian_kl(pm, pc, mY, noise)
    D = (Wbar - Ws) * Xm
    bias = fsum(D[i, j] ** 2 for i in range(D.rows) for j in range(D.cols)) / (2 * nu2)
    variance = k * lg_trace(Xm.T * ST * Xm) / (2 * nu2)
    cov = mpf(k) / 2 * (lg_trace(precision * SS) - d + lg_logdet(ST) - lg_logdet(SS))
    Q = lg_kron(precision, Ik)
    R = G - A * B
    mr = R * w
    Cr = R * C * R.T + nu2 * A * A.T
    u = lg_vec(Mey - Wbar)
    apx = (u.T * Q * u)[0, 0] / 2
    quad = lambda mm: ((mm.T * Q * mm)[0, 0] + lg_trace(Q * Cr)) / 2
    # Eckart-Young in the Sigma_T^-1 metric: the smallest value over rank-kappa maps is half the sum of
    # the eigenvalues of W_T Sigma_T^-1 W_T^T beyond the kappa largest
    ev = sorted((e for e in mpmath.eigsy(Wbar * precision * Wbar.T)[0]), reverse=True)
    tail = fsum(ev[m["kappa"]:]) / 2
    return {"Kn": Kn, "datasetShift": dataset_shift, "algorithmShift": Kn - dataset_shift, "bias": bias, "variance": variance,
            "cov": cov, "apx": apx, "spread": quad(mr - u), "meanTerm": quad(mr), "eyTail": tail}


def _ey_hypothesis(apx, tail):
    return ("M_EY attains the Eckart-Young value: Apx = %s, half the eigenvalue tail = %s" % (mpmath.nstr(apx, 15), mpmath.nstr(tail, 15)),
            abs(apx - tail) <= mpf(10) ** -20 * max(mpf(1), abs(tail)))


def lg_decomposition(inst, P, two=2):
    t = rank_student_terms(inst, P)
    return {"lhs": t["Kn"], "rhs": t["bias"] + t["variance"] + t["cov"] + two * (t["apx"] + t["spread"]), "base": mpf(0),
            "hypotheses": [_ey_hypothesis(t["apx"], t["eyTail"])],
            "notes": ["K_n(D_n) = %s; Bias %s, Var %s, Cov %s, Apx %s, Spread %s" % tuple(mpmath.nstr(t[x], 10) for x in ("Kn", "bias", "variance", "cov", "apx", "spread"))]}


def lg_algorithm_shift(inst, P):
    t = rank_student_terms(inst, P)
    return {"lhs": t["algorithmShift"], "rhs": t["cov"] + t["meanTerm"], "base": mpf(0)}


def lg_objective(Mm, W, Si):
    D = Mm - W
    return lg_trace(D * Si * D.T)


def lg_projected(Q, W):
    C = mpmath.inverse(Q.T * Q) * Q.T * W
    return Q * C, C


def lg_split(inst, P):
    W = lg_mat(inst["Wbar"])
    Si = mpmath.inverse(lg_mat(inst["Sigma"]["matrix"]))
    Q = lg_mat(P["Q"])
    opt, C = lg_projected(Q, W)
    comp = inst["competitor"]
    MS = lg_mat(comp["U"]) * lg_mat(comp["V"]) if comp["kind"] == "random" else Q * (C + X(comp["eps"]) * lg_mat(comp["E"]))
    ev = sorted((e for e in mpmath.eigsy(W * Si * W.T)[0]), reverse=True)
    return {"shift": lg_objective(MS, W, Si) / 2, "apx": lg_objective(opt, W, Si) / 2, "spread": lg_objective(MS, opt, Si) / 2, "eyTail": fsum(ev[inst["kappa"]:]) / 2, "MS": MS, "opt": opt, "W": W, "Si": Si}


def lg_shift_vs_apx_spread(inst, P, two=2):
    s = lg_split(inst, P)
    return {"lhs": s["shift"], "rhs": two * (s["apx"] + s["spread"]), "base": mpf(0), "hypotheses": [_ey_hypothesis(s["apx"], s["eyTail"])]}


def lg_eckart_young(inst, P):
    s = lg_split(inst, P)
    return {"lhs": lg_objective(s["opt"], s["W"], s["Si"]), "rhs": lg_objective(s["MS"], s["W"], s["Si"]), "base": mpf(0), "hypotheses": [_ey_hypothesis(s["apx"], s["eyTail"])]}


FORMULAS["KD-LG-BIASVAR/bound"] = lg_biasvar
FORMULAS["KD-LG-FINAL/decomposition"] = lg_decomposition
FORMULAS["KD-LG-FINAL/decomposition~unit-constants"] = lambda inst, P: lg_decomposition(inst, P, 1)
FORMULAS["KD-LG-FINAL/algorithm-shift"] = lg_algorithm_shift
FORMULAS["KD-LG-FINAL/shift-vs-apx-spread"] = lg_shift_vs_apx_spread
FORMULAS["KD-LG-FINAL/shift-vs-apx-spread~unit-constants"] = lambda inst, P: lg_shift_vs_apx_spread(inst, P, 1)
FORMULAS["KD-LG-RANK/eckart-young"] = lg_eckart_young
