#!/usr/bin/env python3
"""kdverify check-impl adapter: distillation losses written with PyTorch (torch.nn.functional).

Each pattern is a way distillation code is commonly written; one run per pattern tells which are
correct. The tensors are float32 (PyTorch's default) unless --dtype float64. No validation is
added: what PyTorch does with invalid input is what is reported.

    .venv/torch/bin/python examples/adapters/torch_kd_patterns.py --patterns
    npx kdverify check-impl --precision float32 --validation lenient \\
        --cmd ".venv/torch/bin/python examples/adapters/torch_kd_patterns.py --pattern torch-batchmean"
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kd_protocol import serve  # noqa: E402

DTYPE = [torch.float32]


def setup(dtype):
    DTYPE[0] = torch.float64 if dtype == "float64" else torch.float32
    torch.set_num_threads(1)


def tensor(x):
    return torch.tensor(x, dtype=DTYPE[0])


# ---------------------------------------------------------------- kd_loss patterns

def log_probs(z, T):
    return F.log_softmax(z / T, dim=-1)


def probs(z, T):
    return F.softmax(z / T, dim=-1)


def kl_div_pattern(student_input=log_probs, teacher_target=probs, log_target=False, batchmean="batchmean", t_power=2, swap=False):
    """T^t_power * F.kl_div(student_input(s, T), teacher_target(t, T), reduction=...), as written in training code.

    `batchmean` is what the code passes to F.kl_div when it means the mean over the batch:
    'batchmean' (the documented choice), 'mean' (the elementwise mean) or 'sum/B'. `swap` passes the
    teacher's logits where the student's belong and the reverse."""
    def kd_loss(student_logits, teacher_logits, temperature, reduction):
        s, t, T = tensor(student_logits), tensor(teacher_logits), temperature
        if swap:
            s, t = t, s
        inp, tgt = student_input(s, T), teacher_target(t, T)
        if reduction == "none":
            loss = F.kl_div(inp, tgt, reduction="none", log_target=log_target).sum(dim=-1)
        elif reduction == "batchmean" and batchmean == "sum/B":
            loss = F.kl_div(inp, tgt, reduction="sum", log_target=log_target) / s.shape[0]
        else:
            loss = F.kl_div(inp, tgt, reduction=batchmean if reduction == "batchmean" else reduction, log_target=log_target)
        return loss * T ** t_power
    return kd_loss


def kd_manual(student_logits, teacher_logits, temperature, reduction):
    """The loss written out: (p * (p.log() - log_softmax(s/T))).sum(-1), then the batch reduction."""
    s, t, T = tensor(student_logits), tensor(teacher_logits), temperature
    p = probs(t, T)
    rows = (p * (p.log() - log_probs(s, T))).sum(dim=-1) * T ** 2
    return {"none": rows, "sum": rows.sum(), "batchmean": rows.mean()}[reduction]


# ---------------------------------------------------------------- the other functions

def log_softmax(z, temperature):
    return F.log_softmax(tensor(z) / temperature, dim=-1)


def log_of_softmax(z, temperature):
    return torch.log(F.softmax(tensor(z) / temperature, dim=-1))


def soft_cross_entropy(logits, target_probs):
    """F.cross_entropy with class probabilities as the target (PyTorch >= 1.10), mean over the batch."""
    return F.cross_entropy(tensor(logits), tensor(target_probs))


def soft_cross_entropy_manual(logits, target_probs):
    return -(tensor(target_probs) * F.log_softmax(tensor(logits), dim=-1)).sum(dim=-1).mean()


def js_divergence(p, q):
    """PyTorch has no JS divergence; the usual recipe: 0.5 * (kl_div(m.log(), p) + kl_div(m.log(), q))."""
    p, q = tensor(p), tensor(q)
    log_m = ((p + q) / 2).log()
    return 0.5 * (F.kl_div(log_m, p, reduction="sum") + F.kl_div(log_m, q, reduction="sum"))


PATTERNS = {
    "torch-batchmean": ("the documented recipe: F.kl_div(F.log_softmax(s/T), F.softmax(t/T), reduction='batchmean') * T**2; "
                        "F.log_softmax, F.cross_entropy with probability targets, and JS from F.kl_div",
                        {"kd_loss": kl_div_pattern(), "log_softmax": log_softmax, "soft_cross_entropy": soft_cross_entropy, "js_divergence": js_divergence}),
    "torch-mean": ("reduction='mean' where the batch mean is meant (divides by batch x classes)", {"kd_loss": kl_div_pattern(batchmean="mean")}),
    "torch-sum-over-batch": ("reduction='sum' divided by the batch size", {"kd_loss": kl_div_pattern(batchmean="sum/B")}),
    "torch-probs-as-input": ("F.kl_div(F.softmax(s/T), F.softmax(t/T)): probabilities where log-probabilities are expected",
                             {"kd_loss": kl_div_pattern(student_input=probs)}),
    "torch-swapped": ("F.kl_div(F.log_softmax(t/T), F.softmax(s/T)): teacher and student swapped, KL(student || teacher)",
                      {"kd_loss": kl_div_pattern(swap=True)}),
    "torch-no-t2": ("the T**2 factor dropped", {"kd_loss": kl_div_pattern(t_power=0)}),
    "torch-t2-twice": ("T**2 applied twice (in the loss and again in the training step)", {"kd_loss": kl_div_pattern(t_power=4)}),
    "torch-softmax-then-log": ("torch.log(F.softmax(s/T)) in place of F.log_softmax (also as log_softmax)",
                               {"kd_loss": kl_div_pattern(student_input=lambda s, T: torch.log(probs(s, T))), "log_softmax": log_of_softmax}),
    "torch-log-target": ("F.kl_div(F.log_softmax(s/T), F.log_softmax(t/T), log_target=True, reduction='batchmean') * T**2",
                         {"kd_loss": kl_div_pattern(teacher_target=log_probs, log_target=True)}),
    "torch-manual": ("the formula written out: (p * (p.log() - F.log_softmax(s/T))).sum(-1).mean() * T**2; cross-entropy as -(p * F.log_softmax(z)).sum(-1).mean()",
                     {"kd_loss": kd_manual, "soft_cross_entropy": soft_cross_entropy_manual}),
}

if __name__ == "__main__":
    serve(PATTERNS, "torch-batchmean", setup=setup)
