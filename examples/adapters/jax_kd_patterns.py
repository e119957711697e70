#!/usr/bin/env python3
"""kdverify check-impl adapter: distillation losses written with JAX (jax.nn) and optax's losses.

Each pattern is a way distillation code is commonly written; one run per pattern tells which are
correct. Arrays are float32 (JAX's default) unless --dtype float64 (which enables jax_enable_x64).
No validation is added: what JAX and optax do with invalid input is what is reported.

    .venv/jax/bin/python examples/adapters/jax_kd_patterns.py --patterns
    npx kdverify check-impl --precision float32 --validation lenient \\
        --cmd ".venv/jax/bin/python examples/adapters/jax_kd_patterns.py --pattern jax-batchmean"
"""
import os
import sys

os.environ.setdefault("JAX_PLATFORMS", "cpu")
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import optax  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kd_protocol import serve  # noqa: E402

DTYPE = [jnp.float32]


def setup(dtype):
    if dtype == "float64":
        jax.config.update("jax_enable_x64", True)
        DTYPE[0] = jnp.float64


def array(x):
    return jnp.asarray(x, dtype=DTYPE[0])


def reduce_rows(rows, reduction):
    return {"none": rows, "sum": jnp.sum(rows), "batchmean": jnp.mean(rows)}[reduction]


# ---------------------------------------------------------------- kd_loss patterns

def kd_optax(student_logits, teacher_logits, temperature, reduction):
    """optax.losses.kl_divergence(jax.nn.log_softmax(s/T), jax.nn.softmax(t/T)) per example, mean * T**2."""
    s, t, T = array(student_logits), array(teacher_logits), temperature
    rows = optax.losses.kl_divergence(jax.nn.log_softmax(s / T), jax.nn.softmax(t / T))
    return reduce_rows(rows, reduction) * T ** 2


def kd_log_targets(student_logits, teacher_logits, temperature, reduction):
    """optax.losses.kl_divergence_with_log_targets(log_softmax(s/T), log_softmax(t/T))."""
    s, t, T = array(student_logits), array(teacher_logits), temperature
    rows = optax.losses.kl_divergence_with_log_targets(jax.nn.log_softmax(s / T), jax.nn.log_softmax(t / T))
    return reduce_rows(rows, reduction) * T ** 2


def kd_elementwise_mean(student_logits, teacher_logits, temperature, reduction):
    """The pointwise KL terms averaged with jnp.mean over batch x classes (PyTorch's reduction='mean')."""
    s, t, T = array(student_logits), array(teacher_logits), temperature
    p, log_q = jax.nn.softmax(t / T), jax.nn.log_softmax(s / T)
    terms = p * (jnp.where(p > 0, jnp.log(p), 0.0) - log_q)
    loss = {"none": jnp.sum(terms, axis=-1), "sum": jnp.sum(terms), "batchmean": jnp.mean(terms)}[reduction]
    return loss * T ** 2


def kd_softmax_then_log(student_logits, teacher_logits, temperature, reduction):
    """jnp.log(jax.nn.softmax(s/T)) in place of jax.nn.log_softmax."""
    s, t, T = array(student_logits), array(teacher_logits), temperature
    rows = optax.losses.kl_divergence(jnp.log(jax.nn.softmax(s / T)), jax.nn.softmax(t / T))
    return reduce_rows(rows, reduction) * T ** 2


def kd_no_t2(student_logits, teacher_logits, temperature, reduction):
    return kd_optax(student_logits, teacher_logits, temperature, reduction) / temperature ** 2


def kd_soft_cross_entropy(student_logits, teacher_logits, temperature, reduction):
    """The soft cross-entropy optax.softmax_cross_entropy(s/T, softmax(t/T)) used as the distillation loss:
    the same gradient in the student as the KL, larger by the teacher's entropy."""
    s, t, T = array(student_logits), array(teacher_logits), temperature
    rows = optax.softmax_cross_entropy(s / T, jax.nn.softmax(t / T))
    return reduce_rows(rows, reduction) * T ** 2


# ---------------------------------------------------------------- the other functions

def log_softmax(z, temperature):
    return jax.nn.log_softmax(array(z) / temperature)


def log_of_softmax(z, temperature):
    return jnp.log(jax.nn.softmax(array(z) / temperature))


def soft_cross_entropy(logits, target_probs):
    """optax.softmax_cross_entropy(logits, labels) per example, mean over the batch."""
    return jnp.mean(optax.softmax_cross_entropy(array(logits), array(target_probs)))


def safe_soft_cross_entropy(logits, target_probs):
    """optax.safe_softmax_cross_entropy: documented to handle -inf logits."""
    return jnp.mean(optax.safe_softmax_cross_entropy(array(logits), array(target_probs)))


def js_divergence(p, q):
    """optax has no JS divergence: 0.5 * (kl_divergence(log m, p) + kl_divergence(log m, q))."""
    p, q = array(p), array(q)
    log_m = jnp.log((p + q) / 2)
    return 0.5 * (optax.losses.kl_divergence(log_m, p) + optax.losses.kl_divergence(log_m, q))


PATTERNS = {
    "jax-batchmean": ("optax.losses.kl_divergence(jax.nn.log_softmax(s/T), jax.nn.softmax(t/T)).mean() * T**2; "
                      "jax.nn.log_softmax, optax.softmax_cross_entropy, and JS from optax.losses.kl_divergence",
                      {"kd_loss": kd_optax, "log_softmax": log_softmax, "soft_cross_entropy": soft_cross_entropy, "js_divergence": js_divergence}),
    "jax-log-targets": ("optax.losses.kl_divergence_with_log_targets(log_softmax(s/T), log_softmax(t/T)).mean() * T**2", {"kd_loss": kd_log_targets}),
    "jax-elementwise-mean": ("jnp.mean of the pointwise KL terms (over batch x classes)", {"kd_loss": kd_elementwise_mean}),
    "jax-softmax-then-log": ("jnp.log(jax.nn.softmax(s/T)) in place of jax.nn.log_softmax (also as log_softmax)",
                             {"kd_loss": kd_softmax_then_log, "log_softmax": log_of_softmax}),
    "jax-no-t2": ("the T**2 factor dropped", {"kd_loss": kd_no_t2}),
    "jax-soft-cross-entropy": ("optax.softmax_cross_entropy(s/T, jax.nn.softmax(t/T)).mean() * T**2 as the distillation loss (the KL plus the teacher's entropy)", {"kd_loss": kd_soft_cross_entropy}),
    "optax-safe-cross-entropy": ("optax.safe_softmax_cross_entropy (documented for -inf logits), mean over the batch", {"soft_cross_entropy": safe_soft_cross_entropy}),
}

if __name__ == "__main__":
    serve(PATTERNS, "jax-batchmean", setup=setup)
