"""The shrunk witnesses of the JAX/optax patterns, checked by calling JAX and optax directly (no kd-verify in between).

    .venv/jax/bin/python examples/check-impl/jax/by_hand.py
"""
import math
import os

os.environ.setdefault("JAX_PLATFORMS", "cpu")
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

NINF = -math.inf


def f32(x):
    return jnp.asarray(x, dtype=jnp.float32)


def kd(s, t, T, log_q=lambda s, T: jax.nn.log_softmax(s / T), power=2):
    return float(jnp.mean(optax.losses.kl_divergence(log_q(f32(s), T), jax.nn.softmax(f32(t) / T))) * T ** power)


print("jax", jax.__version__, "optax", optax.__version__)
print("optax recipe, masked class (s = t = [0, -inf], T = 1):", kd([[0.0, NINF]], [[0.0, NINF]], 1.0), "exact 0")
print("optax recipe, z/T overflows float32 (s = [-2^127], t = [0], T = 0.001):", kd([[-(2.0 ** 127)]], [[0.0]], 0.001), "exact 0")
print("kl_divergence_with_log_targets, masked class:", float(jnp.mean(optax.losses.kl_divergence_with_log_targets(jax.nn.log_softmax(f32([[0.0, NINF]])), jax.nn.log_softmax(f32([[0.0, NINF]]))))), "exact 0")
print("jax.nn.log_softmax([2^127] / 0.5):", jax.nn.log_softmax(f32([2.0 ** 127]) / 0.5).tolist(), "exact [0]")
print("optax.softmax_cross_entropy, masked class (z = [0, -inf], p = [1, 0]):", float(optax.softmax_cross_entropy(f32([[0.0, NINF]]), f32([[1.0, 0.0]]))[0]), "exact 0")
print("optax.safe_softmax_cross_entropy, the same:", float(optax.safe_softmax_cross_entropy(f32([[0.0, NINF]]), f32([[1.0, 0.0]]))[0]), "exact 0")
for p, q, what in (([0.0, 1.0], [0.0, 1.0], "p = q = [0, 1]"), ([1.2373465439988135e-42], [1.2373465439988135e-42], "p = q = [1.24e-42] (a float32 subnormal)")):
    p, q = f32(p), f32(q)
    log_m = jnp.log((p + q) / 2)
    print("JS via optax.losses.kl_divergence,", what + ":", float(0.5 * (optax.losses.kl_divergence(log_m, p) + optax.losses.kl_divergence(log_m, q))), "exact 0")

s, t, T = [[0.0, 0.0]], [[0.0, 1.0]], 2.0
pt = [1 / (1 + math.exp(0.5)), 1 / (1 + math.exp(-0.5))]
exact = T * T * sum(pi * (math.log(pi) - math.log(0.5)) for pi in pt)
print("\ns = [0, 0], t = [0, 1], T = 2: exact T^2 KL =", exact)
p, log_q = jax.nn.softmax(f32(t) / T), jax.nn.log_softmax(f32(s) / T)
print("  jnp.mean of the pointwise terms (batch x classes):", float(jnp.mean(p * (jnp.log(p) - log_q)) * T ** 2))
print("  T^2 dropped:", kd(s, t, T, power=0))
print("  softmax cross-entropy as the loss:", float(jnp.mean(optax.softmax_cross_entropy(f32(s) / T, p)) * T ** 2), "= exact + T^2 H(p) =", exact + T * T * -sum(pi * math.log(pi) for pi in pt))
print("log(softmax) for the student, s = [0, 1e4], t = [0, 0], T = 1:", kd([[0.0, 1e4]], [[0.0, 0.0]], 1.0, log_q=lambda s, T: jnp.log(jax.nn.softmax(s / T))), "exact", 0.5 * 1e4 + math.log(0.5))
