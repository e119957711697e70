"""The shrunk witnesses of the PyTorch patterns, checked by calling PyTorch directly (no kd-verify in between).

    .venv/torch/bin/python examples/check-impl/torch/by_hand.py
"""
import math

import torch
import torch.nn.functional as F

NINF = -math.inf


def f32(x):
    return torch.tensor(x, dtype=torch.float32)


def kd(s, t, T, student=lambda s, T: F.log_softmax(s / T, -1), target=lambda t, T: F.softmax(t / T, -1), reduction="batchmean", power=2, **kw):
    return (F.kl_div(student(f32(s), T), target(f32(t), T), reduction=reduction, **kw) * T ** power).item()


print("torch", torch.__version__)
print("documented recipe, masked class (s = t = [0, -inf], T = 1):", kd([[0.0, NINF]], [[0.0, NINF]], 1.0), "exact 0")
print("documented recipe, z/T overflows float32 (s = [-2^127], t = [0], T = 0.001):", kd([[-(2.0 ** 127)]], [[0.0]], 0.001), "exact 0")
print("F.log_softmax([2^127] / 0.5):", F.log_softmax(f32([2.0 ** 127]) / 0.5, -1).tolist(), "exact [0]")
print("F.cross_entropy, masked class (z = [0, -inf], p = [1, 0]):", F.cross_entropy(f32([[0.0, NINF]]), f32([[1.0, 0.0]])).item(), "exact 0")
p, q = f32([0.0, 1.0]), f32([0.0, 1.0])
log_m = ((p + q) / 2).log()
print("JS via F.kl_div, p = q = [0, 1]:", (0.5 * (F.kl_div(log_m, p, reduction="sum") + F.kl_div(log_m, q, reduction="sum"))).item(), "exact 0")

s, t, T = [[0.0, 0.0]], [[0.0, 1.0]], 2.0
exact = T * T * sum(pi * (math.log(pi) - math.log(0.5)) for pi in (1 / (1 + math.exp(0.5)), 1 / (1 + math.exp(-0.5))))
print("\ns = [0, 0], t = [0, 1], T = 2: exact T^2 KL =", exact)
print("  reduction='mean' (divides by batch x classes = 2):", kd(s, t, T, reduction="mean"))
print("  reduction='sum' / batch:", kd(s, t, T, reduction="sum") / 1)
print("  T^2 dropped:", kd(s, t, T, power=0), " T^2 twice:", kd(s, t, T, power=4))
print("  probabilities as input:", kd(s, t, T, student=lambda s, T: F.softmax(s / T, -1)))
print("  teacher and student swapped (KL(q || p)):", kd(t, s, T))
print("  log_target=True:", kd(s, t, T, target=lambda t, T: F.log_softmax(t / T, -1), log_target=True))
print("probabilities as input, one class (s = t = [0], T = 1):", kd([[0.0]], [[0.0]], 1.0, student=lambda s, T: F.softmax(s / T, -1)), "exact 0")
print("log(softmax) for the student, s = [0, 1e4], t = [0, 0], T = 1:", kd([[0.0, 1e4]], [[0.0, 0.0]], 1.0, student=lambda s, T: torch.log(F.softmax(s / T, -1))), "exact", 0.5 * 1e4 + math.log(0.5))
