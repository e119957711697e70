"""Dense matrices as lists of rows over an mpmath context (iv or mp): the operations of
src/linalg/matrix.ts, cholesky.ts, gaussian.ts, gibbs.ts and lg-processes.ts, in the same order."""
from common import Insufficient


class LinalgError(Exception):
    pass


def zero(ctx):
    return ctx.mpf(0)


def ssum(ctx, xs):
    s = ctx.mpf(0)
    for x in xs:
        s = s + x
    return s


def lift(ctx, A):
    return [[ctx.mpf(x) for x in r] for r in A]


def lift_str(ctx, A):
    """Decimal strings entered as enclosures (iv) or values (mp), as F.fromString does."""
    return [[ctx.mpf(x) for x in r] for r in A]


def identity(ctx, n):
    return [[ctx.mpf(1 if i == j else 0) for j in range(n)] for i in range(n)]


def transpose(A):
    return [list(c) for c in zip(*A)]


def add(A, B):
    return [[x + y for x, y in zip(ra, rb)] for ra, rb in zip(A, B)]


def sub(A, B):
    return [[x - y for x, y in zip(ra, rb)] for ra, rb in zip(A, B)]


def scale(c, A):
    return [[c * x for x in r] for r in A]


def matmul(ctx, A, B):
    Bt = transpose(B)
    return [[ssum(ctx, (x * y for x, y in zip(r, c))) for c in Bt] for r in A]


def kron(A, B):
    return [[a * b for a in ra for b in rb] for ra in A for rb in B]


def vec(A):
    return [[x] for c in transpose(A) for x in c]


def trace(ctx, A):
    return ssum(ctx, (A[i][i] for i in range(len(A))))


def frobenius2(ctx, A):
    return ssum(ctx, (x * x for r in A for x in r))


def positive(ctx, x):
    """Certified sign of a pivot: True (> 0), False (<= 0), or raise Insufficient (straddles)."""
    if ctx.__class__.__name__ != "MPIntervalContext":
        return x > 0
    if x > 0:
        return True
    if x < 0 or (x.a == 0 and x.b == 0):
        return False
    raise Insufficient("pivot straddles 0")


def cholesky(ctx, A):
    n = len(A)
    L = [[ctx.mpf(0)] * n for _ in range(n)]
    for j in range(n):
        pivot = A[j][j] - ssum(ctx, (x * x for x in L[j][:j]))
        if not positive(ctx, pivot):
            raise LinalgError("not positive definite (pivot %d)" % j)
        L[j][j] = ctx.sqrt(pivot)
        for i in range(j + 1, n):
            L[i][j] = (A[i][j] - ssum(ctx, (x * y for x, y in zip(L[i][:j], L[j][:j])))) / L[j][j]
    return L


def logdet_spd(ctx, A):
    L = cholesky(ctx, A)
    return 2 * ssum(ctx, (ctx.log(L[j][j]) for j in range(len(L))))


def cholesky_solve(ctx, L, B):
    n, m = len(L), len(B[0])
    Y = [[None] * m for _ in range(n)]
    for i in range(n):
        for c in range(m):
            Y[i][c] = (B[i][c] - ssum(ctx, (L[i][k] * Y[k][c] for k in range(i)))) / L[i][i]
    LT = transpose(L)
    X = [[None] * m for _ in range(n)]
    for i in range(n - 1, -1, -1):
        for c in range(m):
            X[i][c] = (Y[i][c] - ssum(ctx, (LT[i][k] * X[k][c] for k in range(i + 1, n)))) / LT[i][i]
    return X


def inverse_spd(ctx, A):
    return cholesky_solve(ctx, cholesky(ctx, A), identity(ctx, len(A)))


def clamp0(ctx, x):
    if ctx.__class__.__name__ == "MPIntervalContext":
        return ctx.mpf([max(x.a, ctx.mpf(0)).a, max(x.b, ctx.mpf(0)).b])
    return max(x, ctx.mpf(0))


def gaussian_kl_vec(ctx, mu1, S1, mu2, S2):
    """KL(N(mu1, S1) || N(mu2, S2)) = 1/2 [tr(S2^-1 S1) - m + (mu2-mu1)' S2^-1 (mu2-mu1) + log det S2 - log det S1]."""
    m = len(S1)
    L2 = cholesky(ctx, S2)
    d = sub(mu2, mu1)
    quad = matmul(ctx, transpose(d), cholesky_solve(ctx, L2, d))[0][0]
    tr = trace(ctx, cholesky_solve(ctx, L2, S1))
    ld = logdet_spd(ctx, S2) - logdet_spd(ctx, S1)
    return clamp0(ctx, (tr - m + quad + ld) / 2)


def gibbs_precision(ctx, X, lam, beta, nu):
    c = ctx.mpf(beta) / (ctx.mpf(nu) * ctx.mpf(nu))
    return add(scale(ctx.mpf(lam), identity(ctx, len(X))), scale(c, matmul(ctx, X, transpose(X))))


def gibbs_closed_form(ctx, X, Y, lam, beta, nu):
    c = ctx.mpf(beta) / (ctx.mpf(nu) * ctx.mpf(nu))
    sigma = inverse_spd(ctx, gibbs_precision(ctx, X, lam, beta, nu))
    return scale(c, matmul(ctx, matmul(ctx, Y, transpose(X)), sigma)), sigma


def gibbs_map(ctx, X, k, lam, beta, nu):
    _, sigma = gibbs_closed_form(ctx, X, [[ctx.mpf(0)] * len(X[0]) for _ in range(k)], lam, beta, nu)
    c = ctx.mpf(beta) / (ctx.mpf(nu) * ctx.mpf(nu))
    Ik = identity(ctx, k)
    return scale(c, kron(matmul(ctx, sigma, X), Ik)), kron(sigma, Ik)


def joint(ctx, m, C, A, S):
    """Joint Gaussian of (u, w), u ~ N(m, C), w | u ~ N(A u, S)."""
    CAt = matmul(ctx, C, transpose(A))
    AC = transpose(CAt)
    top = [r + CAt[i] for i, r in enumerate(C)]
    bottom = [AC[i] + r for i, r in enumerate(add(matmul(ctx, A, CAt), S))]
    return m + matmul(ctx, A, m), top + bottom
