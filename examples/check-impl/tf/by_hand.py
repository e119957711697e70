"""The shrunk witnesses of the TensorFlow/Keras patterns, checked by calling TensorFlow and Keras directly.

    .venv/tf/bin/python examples/check-impl/tf/by_hand.py
"""
import math
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

NINF = -math.inf


def f32(x):
    return tf.constant(x, dtype=tf.float32)


def kld(s, t, T, power=2):
    return float(keras.losses.KLDivergence()(tf.nn.softmax(f32(t) / T), tf.nn.softmax(f32(s) / T)) * T ** power)


def manual(s, t, T):
    p = tf.nn.softmax(f32(t) / T)
    return float(tf.reduce_mean(tf.reduce_sum(p * (tf.nn.log_softmax(f32(t) / T) - tf.nn.log_softmax(f32(s) / T)), -1)) * T ** 2)


def exact_kl(s, t, T):
    def log_softmax(z):
        m = max(z)
        lse = m + math.log(sum(math.exp(x - m) for x in z))
        return [x - lse for x in z]
    lp, lq = log_softmax([x / T for x in t]), log_softmax([x / T for x in s])
    return T * T * sum(math.exp(a) * (a - b) for a, b in zip(lp, lq))


print("tensorflow", tf.__version__, "keras", keras.__version__)
s, t = [[0.0, 20.0]], [[0.0, 0.0]]
print("KLDivergence, student probability e^-20 < 1e-7 (s = [0, 20], t = [0, 0], T = 1):", kld(s, t, 1.0), "exact", exact_kl(s[0], t[0], 1.0))
print("tf.nn.log_softmax formula, the same:", manual(s, t, 1.0))
print("tf.nn.log_softmax formula, masked class (s = t = [0, -inf], T = 1):", manual([[0.0, NINF]], [[0.0, NINF]], 1.0), "exact 0")
print("KLDivergence, masked class:", kld([[0.0, NINF]], [[0.0, NINF]], 1.0), "exact 0")
print("tf.nn.softmax_cross_entropy_with_logits, masked class (z = [0, -inf], p = [1, 0]):", float(tf.nn.softmax_cross_entropy_with_logits(labels=f32([[1.0, 0.0]]), logits=f32([[0.0, NINF]]))[0]), "exact 0")
z, p = [[0.0, 20.0]], [[0.5, 0.5]]
print("CategoricalCrossentropy on softmax outputs (z = [0, 20], p = [0.5, 0.5]):", float(keras.losses.CategoricalCrossentropy()(f32(p), tf.nn.softmax(f32(z)))), "exact", 0.5 * (20 + math.log1p(math.exp(-20))) + 0.5 * math.log1p(math.exp(-20)))
print("CategoricalCrossentropy(from_logits=True), the same:", float(keras.losses.CategoricalCrossentropy(from_logits=True)(f32(p), f32(z))))
s, t, T = [[0.0, 0.0]], [[0.0, 1.0]], 2.0
print("\ns = [0, 0], t = [0, 1], T = 2: exact T^2 KL =", exact_kl(s[0], t[0], T))
print("  KLDivergence:", kld(s, t, T), " without T^2:", kld(s, t, T, power=0), " y_true and y_pred swapped:", kld(t, s, T))
print("tf.nn.log_softmax([2^127] / 0.5):", tf.nn.log_softmax(f32([2.0 ** 127]) / 0.5).numpy().tolist(), "exact [0]")
