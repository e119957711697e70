"""W1: KL(p||q) of 100-atom integer-weight distributions at 40 digits, in mpmath iv (certified) and mp.

Same inputs as the kd-verify side (bench/data/w1-weights.json) and the same formula as
src/prob/divergence.ts: KL = (1/W) sum w_i log(w_i/v_i) + log(V/W), clamped at 0.
"""
import sys

from mpmath import iv, mp

from common import emit, load, now, side


def kl(ctx, w, v):
    acc, W, V = ctx.mpf(0), ctx.mpf(0), ctx.mpf(0)
    for wi, vi in zip(w, v):
        a, b = ctx.mpf(wi), ctx.mpf(vi)
        V += b
        if wi == 0:
            continue
        W += a
        acc += a * ctx.log(a / b)
    r = acc / W + ctx.log(V / W)
    return max(r, ctx.mpf(0)) if ctx is mp else iv.mpf([max(r.a, iv.mpf(0)).a, max(r.b, iv.mpf(0)).b])


def timed(label, ctx, pairs):
    for p in pairs[:3]:  # warm-up (constant caches), untimed, as on the kd-verify side
        kl(ctx, p["p"], p["q"])
    t0 = now()
    values = [kl(ctx, p["p"], p["q"]) for p in pairs]
    return side(label, now() - t0, len(pairs)), values


def main(path):
    data = load(path)
    digits, pairs = data["digits"], data["pairs"]
    iv.dps = digits
    mp.dps = digits
    s_iv, v_iv = timed("mpmath iv (dps %d)" % digits, iv, pairs)
    s_mp, v_mp = timed("mpmath mp (dps %d)" % digits, mp, pairs)
    rel = max(float(v.delta.b) / abs(float(v.b)) for v in v_iv)
    s_iv["notes"] = ["widest enclosure: relative width %.2e" % rel]
    # agreement with kd-verify's enclosures and point values on the first instances
    checks = []
    mp.dps = 60
    for i, ref in enumerate(data.get("reference", [])):
        lo, hi, point = mp.mpf(ref["lo"]), mp.mpf(ref["hi"]), mp.mpf(ref["point"])
        overlap = max(lo, mp.mpf(v_iv[i].a)) <= min(hi, mp.mpf(v_iv[i].b))
        digits_agree = -mp.log10(abs(point - v_mp[i]) / abs(point)) if point != v_mp[i] else mp.inf
        checks.append("W1 #%d: enclosures overlap %s; point values agree to %.1f digits" % (i, overlap, float(digits_agree)))
    emit([s_iv, s_mp], checks)


if __name__ == "__main__":
    main(sys.argv[1])
