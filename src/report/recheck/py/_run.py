# ---- the re-check ---------------------------------------------------------------------------
# Both sides at 50 significant digits, then at 100, 200 and 400 while the margin is within
# 10^-(digits-10) of the computation's magnitude (a tiny certified margin needs more digits to
# show its sign). The margin is rhs - lhs (relations le, lt, eq) or lhs - rhs (ge: rhs is a lower
# bound on lhs), as in kd-verify; room used = (lhs - base)/(rhs - base).

PRECISIONS = (50, 100, 200, 400)


def _finite(v):
    return mpmath.isfinite(v)


def evaluate(data):
    formula = FORMULAS[data["formula"]]
    inst = decode(data["instance"])
    params = data.get("params", {})
    relation = data["relation"]
    for dps in PRECISIONS:
        mp.dps = dps
        s = formula(inst, params)
        lhs, rhs = s["lhs"], s["rhs"]
        margin = lhs - rhs if relation == "ge" else rhs - lhs
        terms = [lhs, rhs, s.get("base", mpf(0)), s.get("scale", mpf(0))]
        scale = max([abs(t) for t in terms if _finite(t)] + [mpf(0)])
        if scale == 0:
            scale = mpf(1)
        tol = scale * mpf(10) ** (10 - dps)
        if mpmath.isnan(margin) or not _finite(margin) or abs(margin) > tol:
            break
    if mpmath.isnan(margin):
        computed = "error"
    elif margin > tol:
        computed = "holds"
    elif margin < -tol:
        computed = "violated"
    else:
        computed = "attained"
    room = None
    if "base" in s and _finite(lhs) and _finite(rhs) and rhs != s["base"]:
        room = (lhs - s["base"]) / (rhs - s["base"])
    return {"dps": dps, "lhs": lhs, "rhs": rhs, "margin": margin, "room": room, "computed": computed,
            "hypotheses": s.get("hypotheses", []), "notes": s.get("notes", [])}


def agrees(expected, computed, relation):
    if computed == "error":
        return False
    if expected == "violated" and relation == "eq":
        return computed != "attained"
    if expected == "violated" and relation == "lt":
        return computed in ("violated", "attained")
    return computed == expected


def _show(v, digits=20):
    if v is None:
        return "-"
    return mpmath.nstr(v, digits) if _finite(v) else str(v)


def main(data):
    as_json = "--json" in sys.argv[1:]
    r = evaluate(data)
    failed = [h for h in r["hypotheses"] if not h[1]]
    ok = agrees(data["kdverify"]["verdict"], r["computed"], data["relation"]) and not failed
    if as_json:
        print(json.dumps({"id": data["id"], "lhs": _show(r["lhs"], 40), "rhs": _show(r["rhs"], 40), "margin": _show(r["margin"], 40),
                          "room": _show(r["room"], 40), "computed": r["computed"], "expected": data["kdverify"]["verdict"],
                          "digits": r["dps"], "hypotheses": [[h[0], bool(h[1])] for h in r["hypotheses"]], "agrees": ok}))
        return 0 if ok else 1
    k = data["kdverify"]
    print("%s: %s of %s%s" % (data["id"], data["subject"], data["property"], " (variant %s)" % data["variant"] if data["variant"] else ""))
    print("claim %s; relation %s; recomputed with mpmath, independently of kd-verify" % (data["claim"], data["relation"]))
    print("instance: %s" % json.dumps(data["instance"]))
    if data.get("params"):
        print("parameters kd-verify resolved for this instance: %s" % json.dumps(data["params"]))
    for name, good, *detail in r["hypotheses"]:
        print("hypothesis %s: %s%s" % (name, "holds" if good else "FAILS", (" (%s)" % detail[0]) if detail else ""))
    for note in r["notes"]:
        print("note: %s" % note)
    print("lhs    = %s" % _show(r["lhs"]))
    print("rhs    = %s" % _show(r["rhs"]))
    print("margin = %s  (%s, at %d digits)" % (_show(r["margin"]), "lhs - rhs" if data["relation"] == "ge" else "rhs - lhs", r["dps"]))
    if r["room"] is not None:
        print("room used = %s" % _show(r["room"]))
    enc = lambda e: "[%s, %s]" % (mpmath.nstr(dec(e["lo"]), 15), mpmath.nstr(dec(e["hi"]), 15))
    print("kd-verify: %s, margin in %s%s" % (k["verdict"], enc(k["margin"]), ", room used in %s" % enc(k["room"]) if k.get("room") else ""))
    print("this script: %s; %s" % (r["computed"], "AGREES with kd-verify" if ok else "DISAGREES with kd-verify"))
    return 0 if ok else 1
