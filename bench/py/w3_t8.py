"""W3: KD-T8-UPPER/stability-proxy, gen_S <= gen_T + sigma*sqrt(2 K_n), on the worlds kd-verify drew.

A port to mpmath of what the property computes on one world (src/kd/world.ts, processes.ts,
stability.ts, establish.ts): dataset enumeration, the ERM teacher and student (exact, lowest index
on ties), the laws Delta and Gamma, K_n = KL(Gamma||Delta), gen_T, gen_S, the exact uniform
stability beta and Prop. 9's proxy sigma = sqrt(n)*beta + (b - a)/(2 sqrt(n)).
The worlds are not generated here: they are read from bench/data/w3-worlds.json and replayed
through Hypothesis as explicit examples (@example, explicit phase only).
"""
import sys
from collections import Counter
from fractions import Fraction

from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st
from mpmath import iv, mp

from common import certify_le, emit, load, now, side

INF = object()  # marks K_n = +inf (Gamma not << Delta)


def dataset_points(kz, n, d):
    out = []
    for _ in range(n):
        out.append(d % kz)
        d //= kz
    return out


def dataset_index(kz, pts):
    acc = 0
    for z in reversed(pts):
        acc = acc * kz + z
    return acc


class World:
    """The exact, context-free part of a world: sizes, ERM choices, stability constants."""

    def __init__(self, w):
        self.w = w
        self.kx, self.ky = len(w["xWeights"]), len(w["labelWeights"][0])
        self.kz, self.kf, self.n = self.kx * self.ky, len(w["predictors"]), w["n"]
        self.datasets = self.kz ** self.n
        loss = [[Fraction(v) for v in row] for row in w["loss"]]
        self.erm = [self._erm(loss, d) for d in range(self.datasets)]
        flat = [v for row in w["loss"] for v in row]
        self.a, self.b = min(flat), max(flat)
        # hypothesis pairs chosen on neighbouring datasets (src/kd/stability.ts neighbourChoices)
        pairs = set()
        for d in range(self.datasets):
            pts = dataset_points(self.kz, self.n, d)
            for i, z in enumerate(pts):
                for z2 in range(self.kz):
                    if z2 != z:
                        q = list(pts)
                        q[i] = z2
                        pairs.add((self.erm[d], self.erm[dataset_index(self.kz, q)]))
        self.pairs = sorted(p for p in pairs if p[0] != p[1])

    def _erm(self, loss, d):
        pts = dataset_points(self.kz, self.n, d)
        best, best_risk = 0, sum(loss[0][z] for z in pts)
        for f in range(1, self.kf):
            r = sum(loss[f][z] for z in pts)
            if r < best_risk:
                best, best_risk = f, r
        return best


def laws(ctx, W):
    """Delta, Gamma (sparse dicts d*kf + f -> probability) and h, as src/kd/processes.ts worldLaws."""
    w, ky, kz, kf, n = W.w, W.ky, W.kz, W.kf, W.n

    def normalise(ws):
        tot = sum((ctx.mpf(x) for x in ws), ctx.mpf(0))
        return [ctx.mpf(x) / tot for x in ws]

    mu_x = normalise(w["xWeights"])
    pyx = [normalise(r) for r in w["labelWeights"]]
    mu = [mu_x[z // ky] * pyx[z // ky][z % ky] if w["xWeights"][z // ky] > 0 and w["labelWeights"][z // ky][z % ky] > 0 else None for z in range(kz)]
    q = [[normalise(r) for r in p] for p in w["predictors"]]
    loss = [[ctx.mpf(v) for v in r] for r in w["loss"]]
    population = [sum((mu[z] * l for z, l in enumerate(r) if mu[z] is not None), ctx.mpf(0)) for r in loss]

    def h(d, f):
        pts = dataset_points(kz, n, d)
        return population[f] - sum((loss[f][z] for z in pts), ctx.mpf(0)) / n

    data = {}
    for d in range(W.datasets):
        pts = dataset_points(kz, n, d)
        if all(mu[z] is not None for z in pts):
            p = mu[pts[0]]
            for z in pts[1:]:
                p = p * mu[z]
            data[d] = p
    delta = {d * kf + W.erm[d]: pd for d, pd in data.items()}
    pseudo = {}
    for d, pd in data.items():
        xs = [z // ky for z in dataset_points(kz, n, d)]
        ft = W.erm[d]
        for lab in range(ky ** n):
            ys = dataset_points(ky, n, lab)
            if any(w["predictors"][ft][xs[i]][y] == 0 for i, y in enumerate(ys)):
                continue
            p = pd
            for i, y in enumerate(ys):
                p = p * q[ft][xs[i]][y]
            dhat = dataset_index(kz, [x * ky + ys[i] for i, x in enumerate(xs)])
            pseudo[dhat] = pseudo[dhat] + p if dhat in pseudo else p
    gamma = {dh * kf + W.erm[dh]: p for dh, p in pseudo.items()}
    return delta, gamma, h


def quantities(ctx, W):
    delta, gamma, h = laws(ctx, W)
    kf = W.kf
    mean = lambda P: sum((p * h(k // kf, k % kf) for k, p in P.items()), ctx.mpf(0))
    kn = ctx.mpf(0)
    for k, p in gamma.items():
        if k not in delta:
            kn = INF
            break
        kn = kn + p * ctx.log(p / delta[k])
    if kn is not INF:
        kn = max(kn, ctx.mpf(0)) if ctx is mp else iv.mpf([max(kn.a, iv.mpf(0)).a, max(kn.b, iv.mpf(0)).b])
    return mean(delta), mean(gamma), kn


def sides(W):
    """lhs = gen_S, rhs = gen_T + sigma*sqrt(2 K_n) with sigma^2 = n (2 beta + (b - a)/n)^2 / 4, in iv."""
    gen_t, gen_s, kn = quantities(iv, W)
    beta = iv.mpf(0)
    for f, f2 in W.pairs:
        for l1, l2 in zip(W.w["loss"][f], W.w["loss"][f2]):
            dlt = abs(iv.mpf(l1) - iv.mpf(l2))
            beta = iv.mpf([max(beta.a, dlt.a).a, max(beta.b, dlt.b).b])
    c = 2 * beta + (iv.mpf(W.b) - iv.mpf(W.a)) / W.n
    sigma = iv.sqrt(W.n * c * c / 4)
    rhs = iv.mpf("inf") if kn is INF else gen_t + sigma * iv.sqrt(2 * kn)
    return gen_s, rhs


def main(path):
    data = load(path)
    worlds = data["worlds"]
    verdicts, results = Counter(), []
    state = {"exact": 0.0, "certify": 0.0}

    @settings(phases=[Phase.explicit], database=None, deadline=None)
    @given(world=st.sampled_from(worlds))  # never drawn from: explicit phase only
    def t8_stability(world):
        t0 = now()
        W = World(world)  # ERM choices and neighbouring pairs: exact (Fraction)
        t1 = now()
        verdict, _ = certify_le(lambda: sides(W))
        state["exact"] += t1 - t0
        state["certify"] += now() - t1
        verdicts[verdict] += 1
        results.append(verdict)
        assert verdict != "violated"

    for w in reversed(worlds):
        t8_stability = example(world=w)(t8_stability)
    # replayed twice, like the kd-verify side: a first pass and a second (warm) one
    passes = []
    for _ in range(2):
        verdicts.clear()
        results.clear()
        state.update(exact=0.0, certify=0.0)
        t0 = now()
        t8_stability()
        total = now() - t0
        passes.append((total, dict(verdicts), dict(state)))

    checks = []
    same = sum(a == b for a, b in zip(results, data["verdicts"]))
    checks.append("W3 verdicts: %d of %d agree with kd-verify's (%s)" % (same, len(worlds), dict(Counter(data["verdicts"]))))
    mp.dps = 50
    for i, ref in enumerate(data["kn50"]):
        kn = quantities(mp, World(worlds[i]))[2]
        if kn is INF or ref == "Infinity":
            checks.append("W3 world %d: K_n kd-verify %s, mpmath %s" % (i, ref, "inf" if kn is INF else mp.nstr(kn, 10)))
        else:
            err = abs(kn - mp.mpf(ref)) / max(abs(kn), mp.mpf("1e-300"))
            checks.append("W3 world %d: K_n = %s; relative difference %s (agree to 30 digits: %s)" % (i, mp.nstr(kn, 12), mp.nstr(err, 3), err < mp.mpf("1e-30")))
    emit([side("Hypothesis @example replay + mpmath iv (dps 40, escalating), %s pass" % name, total, len(results), verdicts=v,
               phases={"ERM + stability pairs (exact, Fraction)": st_["exact"], "laws + sides + certify (mpmath iv)": st_["certify"],
                       "Hypothesis replay overhead": total - st_["exact"] - st_["certify"]})
          for name, (total, v, st_) in zip(("first", "second"), passes)], checks)


if __name__ == "__main__":
    main(sys.argv[1])
