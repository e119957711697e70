#!/usr/bin/env python3
"""kdverify check-impl adapter: distillation losses written with TensorFlow (tf.nn) and Keras (keras.losses).

Each pattern is a way distillation code is commonly written; one run per pattern tells which are
correct. Tensors are float32 (TensorFlow's default) unless --dtype float64 (which also sets Keras'
floatx, since Keras losses compute in floatx). No validation is added. TensorFlow takes several
seconds to import: give check-impl a longer --timeout.

    .venv/tf/bin/python examples/adapters/tf_kd_patterns.py --patterns
    npx kdverify check-impl --precision float32 --validation lenient --timeout 60000 \\
        --cmd ".venv/tf/bin/python examples/adapters/tf_kd_patterns.py --pattern keras-kld"
"""
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kd_protocol import serve  # noqa: E402

DTYPE = [tf.float32]


def setup(dtype):
    if dtype == "float64":
        DTYPE[0] = tf.float64
        keras.config.set_floatx("float64")


def tensor(x):
    return tf.constant(x, dtype=DTYPE[0])


KERAS_REDUCTION = {"batchmean": "sum_over_batch_size", "sum": "sum", "none": None}


# ---------------------------------------------------------------- kd_loss patterns

def keras_kld(t_power=2, swap=False):
    """T^t_power * keras.losses.KLDivergence()(softmax(t/T), softmax(s/T)): y_true is the teacher's softened
    distribution, y_pred the student's; the default reduction averages over the batch."""
    def kd_loss(student_logits, teacher_logits, temperature, reduction):
        s, t, T = tensor(student_logits), tensor(teacher_logits), temperature
        if swap:
            s, t = t, s
        loss = keras.losses.KLDivergence(reduction=KERAS_REDUCTION[reduction])
        return loss(tf.nn.softmax(t / T), tf.nn.softmax(s / T)) * T ** t_power
    return kd_loss


def kd_tf_log_softmax(student_logits, teacher_logits, temperature, reduction):
    """The formula with tf.nn: reduce_sum(p * (log_softmax(t/T) - log_softmax(s/T)), -1), reduce_mean * T**2."""
    s, t, T = tensor(student_logits), tensor(teacher_logits), temperature
    p = tf.nn.softmax(t / T)
    rows = tf.reduce_sum(p * (tf.nn.log_softmax(t / T) - tf.nn.log_softmax(s / T)), axis=-1) * T ** 2
    return {"none": rows, "sum": tf.reduce_sum(rows), "batchmean": tf.reduce_mean(rows)}[reduction]


# ---------------------------------------------------------------- the other functions

def log_softmax(z, temperature):
    return tf.nn.log_softmax(tensor(z) / temperature)


def soft_cross_entropy(logits, target_probs):
    """tf.nn.softmax_cross_entropy_with_logits per example, tf.reduce_mean over the batch."""
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=tensor(target_probs), logits=tensor(logits)))


def keras_cce_logits(logits, target_probs):
    return keras.losses.CategoricalCrossentropy(from_logits=True)(tensor(target_probs), tensor(logits))


def keras_cce_probs(logits, target_probs):
    """CategoricalCrossentropy on the model's softmax output (from_logits=False, the default)."""
    return keras.losses.CategoricalCrossentropy()(tensor(target_probs), tf.nn.softmax(tensor(logits)))


def js_divergence(p, q):
    """Keras has no JS divergence: 0.5 * (KLDivergence()(p, m) + KLDivergence()(q, m))."""
    p, q = tensor(p), tensor(q)
    m = (p + q) / 2
    kld = keras.losses.KLDivergence(reduction="sum")
    return 0.5 * (kld(p, m) + kld(q, m))


PATTERNS = {
    "keras-kld": ("keras.losses.KLDivergence()(softmax(t/T), softmax(s/T)) * T**2 (probabilities clipped to [1e-7, 1]); JS from KLDivergence",
                  {"kd_loss": keras_kld(), "js_divergence": js_divergence}),
    "keras-kld-no-t2": ("KLDivergence without the T**2 factor", {"kd_loss": keras_kld(t_power=0)}),
    "keras-kld-swapped": ("KLDivergence()(softmax(s/T), softmax(t/T)): y_true and y_pred swapped", {"kd_loss": keras_kld(swap=True)}),
    "tf-log-softmax": ("the formula with tf.nn.log_softmax, reduce_mean * T**2; tf.nn.log_softmax; "
                       "tf.nn.softmax_cross_entropy_with_logits, reduce_mean",
                       {"kd_loss": kd_tf_log_softmax, "log_softmax": log_softmax, "soft_cross_entropy": soft_cross_entropy}),
    "keras-cce-logits": ("keras.losses.CategoricalCrossentropy(from_logits=True)(p, z)", {"soft_cross_entropy": keras_cce_logits}),
    "keras-cce-probs": ("keras.losses.CategoricalCrossentropy()(p, softmax(z)): on probabilities, clipped to [1e-7, 1 - 1e-7]",
                        {"soft_cross_entropy": keras_cce_probs}),
}

if __name__ == "__main__":
    serve(PATTERNS, "tf-log-softmax", setup=setup)
