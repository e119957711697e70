"""The check-impl protocol for adapters that expose several named patterns (Python standard library).

An adapter module defines PATTERNS = {name: (description, {function: callable})} and calls
serve(PATTERNS, default_name) from its main. Command line of every such adapter:

    python3 ADAPTER.py --pattern NAME [--dtype float32|float64]   # speak the protocol as NAME
    python3 ADAPTER.py --patterns                                  # list the patterns as JSON

Arguments arrive as protocol strings and are handed to the functions as Python floats (nested
lists for vectors and matrices), except kd_loss's `reduction`, which is a word. A function returns
a float, a list of floats, or a tensor or array that converts to them.
"""
import json
import sys

SPELLING = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}
WORDS = {"reduction"}


def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    return float(v)


def encode(x):
    """A float, or nested lists of them, as protocol strings (repr round-trips the double)."""
    if isinstance(x, (list, tuple)):
        return [encode(v) for v in x]
    s = repr(float(x))
    return SPELLING.get(s, s)


def options(argv):
    opts = {"pattern": None, "dtype": "float32", "list": False}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--patterns":
            opts["list"] = True
        elif a in ("--pattern", "--dtype") and i + 1 < len(argv):
            opts[a[2:]] = argv[i + 1]
            i += 1
        else:
            sys.exit("unknown argument %r (use --pattern NAME [--dtype float32|float64] or --patterns)" % a)
        i += 1
    if opts["dtype"] not in ("float32", "float64"):
        sys.exit("--dtype must be float32 or float64")
    return opts


def serve(patterns, default, argv=None, setup=None):
    """Answer protocol requests on stdin as one pattern; `setup(dtype)` runs before the first request."""
    opts = options(sys.argv[1:] if argv is None else argv)
    if opts["list"]:
        print(json.dumps([{"name": n, "description": d, "functions": sorted(f)} for n, (d, f) in patterns.items()], indent=1))
        return
    name = opts["pattern"] or default
    if name not in patterns:
        sys.exit("unknown pattern %r; the patterns are: %s" % (name, ", ".join(patterns)))
    functions = patterns[name][1]
    if setup is not None:
        setup(opts["dtype"])
    label = name if opts["dtype"] == "float32" else "%s (%s)" % (name, opts["dtype"])
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            if request["fn"] == "describe":
                result = {"name": label, "functions": sorted(functions)}
            else:
                args = {k: (v if k in WORDS else decode(v)) for k, v in request["args"].items()}
                value = functions[request["fn"]](**args)
                if callable(getattr(value, "numpy", None)):  # a TensorFlow or PyTorch tensor
                    value = value.numpy()
                result = encode(value.tolist() if hasattr(value, "tolist") else value)
            print(json.dumps({"id": request["id"], "result": result}), flush=True)
        except Exception as e:  # the framework's own error for this input (fine for invalid input)
            print(json.dumps({"id": request["id"], "error": ("%s: %s" % (type(e).__name__, e))[:500]}), flush=True)

