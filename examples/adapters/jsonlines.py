"""The check-impl JSON-lines protocol for Python adapters: parse the string-encoded arguments, call
the function, format the result so that every double (or float32) round-trips exactly."""
import json
import sys

SPELLING = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def fmt(x):
    """float / vector / matrix (numpy, JAX or plain) -> protocol strings."""
    if hasattr(x, "tolist"):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        return [fmt(v) for v in x]
    s = repr(float(x))
    return SPELLING.get(s, s)


def values(v):
    """protocol strings -> float or nested lists of floats."""
    return [values(e) for e in v] if isinstance(v, list) else float(v)


def serve(name, functions):
    """Answer requests on stdin until EOF; functions maps a protocol name to (argument names, fn)."""
    for line in sys.stdin:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            if request["fn"] == "describe":
                result = {"name": name, "functions": list(functions)}
            else:
                names, fn = functions[request["fn"]]
                result = fmt(fn(*(values(request["args"][n]) for n in names)))
            response = {"id": request_id, "result": result}
        except Exception as exc:  # any failure becomes an error response
            response = {"id": request_id, "error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(response) + "\n")
        sys.stdout.flush()
