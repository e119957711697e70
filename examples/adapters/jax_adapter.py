#!/usr/bin/env python3
"""kdverify check-impl adapter backed by JAX (CPU), in JAX's default float32, written the way a JAX
user calls it: jax.nn, jax.scipy.special and jax.numpy.linalg, no extra numerical fixes.

    .venv-impl/bin/pip install jax
    npx kdverify check-impl --precision float32 --timeout 60000 --cmd ".venv-impl/bin/python examples/adapters/jax_adapter.py"

JAX compiles every new input shape, which takes seconds on a busy machine: hence the longer timeout.
"""
import os

os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
from jax.scipy import special  # noqa: E402

from jsonlines import serve  # noqa: E402

A = jnp.asarray  # float32 unless x64 is enabled


def kl_gaussian(mu1, cov1, mu2, cov2):
    mu1, cov1, mu2, cov2 = A(mu1), A(cov1), A(mu2), A(cov2)
    d = mu2 - mu1
    _, ld1 = jnp.linalg.slogdet(cov1)
    _, ld2 = jnp.linalg.slogdet(cov2)
    tr = jnp.trace(jnp.linalg.solve(cov2, cov1))
    quad = d @ jnp.linalg.solve(cov2, d)
    return 0.5 * (tr + quad - mu1.shape[0] + ld2 - ld1)


def logdet(a):
    sign, value = jnp.linalg.slogdet(A(a))
    if sign <= 0:
        raise ValueError(f"not positive definite (slogdet sign {sign})")
    return value


def rank_k_approx(a, k):
    u, s, vt = jnp.linalg.svd(A(a), full_matrices=False)
    k = int(k)
    return (u[:, :k] * s[:k]) @ vt[:k, :]


FUNCTIONS = {
    "kl_discrete": (("p", "q"), lambda p, q: jnp.sum(special.rel_entr(A(p), A(q)))),
    "entropy": (("p",), lambda p: jnp.sum(special.entr(A(p)))),
    "logsumexp": (("x",), lambda x: jax.nn.logsumexp(A(x))),
    "cgf": (("x", "p", "lambda"), lambda x, p, lam: special.logsumexp(A(lam) * A(x), b=A(p))),
    "softmax": (("z", "temperature"), lambda z, t: jax.nn.softmax(A(z) / A(t))),
    "power_soften": (("p", "temperature"), lambda p, t: jax.nn.softmax(jnp.log(A(p)) / A(t))),
    "kl_gaussian": (("mu1", "cov1", "mu2", "cov2"), kl_gaussian),
    "logdet": (("a",), logdet),
    "inverse": (("a",), lambda a: jnp.linalg.inv(A(a))),
    "singular_values": (("a",), lambda a: jnp.linalg.svd(A(a), compute_uv=False)),
    "rank_k_approx": (("a", "k"), rank_k_approx),
    "kd_upper_bound": (("gen_t", "sigma", "kn"), lambda g, s, kn: A(g) + A(s) * jnp.sqrt(2 * A(kn))),
    "kd_lower_bound": (("gen_t", "c", "eta", "kn"), lambda g, c, eta, kn: A(c) * A(g) - A(kn) / A(eta)),
    "mcdiarmid_sigma": (("c",), lambda c: jnp.linalg.norm(A(c)) / 2),
    "hoeffding_sigma": (("a", "b"), lambda a, b: (A(b) - A(a)) / 2),
}

if __name__ == "__main__":
    serve(f"jax {jax.__version__} (float32, CPU)", FUNCTIONS)
