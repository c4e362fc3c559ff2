# Optimizer construction and scheduler ordering mistakes, round 2.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


def record(label, fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            out = fn()
            print(label, "ok", out)
        except Exception as e:  # noqa: BLE001
            print(label, type(e).__name__, str(e))
    for item in w:
        print(label, "warn", item.category.__name__, str(item.message))
torch.manual_seed(8)
model = nn.Linear(3, 2)
w = torch.randn(3, requires_grad=True)
attempt("opt_nonleaf", lambda: torch.optim.SGD([w * 2], lr=0.1))
attempt("opt_nonleaf_adam", lambda: torch.optim.Adam([model.weight + 0], lr=0.1))
attempt("opt_empty", lambda: torch.optim.Adam([], lr=0.1))
attempt("opt_empty_gen", lambda: torch.optim.SGD((p for p in []), lr=0.1))
record("opt_duplicate", lambda: len(torch.optim.SGD([w, w], lr=0.1).param_groups[0]["params"]))
attempt("opt_dup_groups", lambda: torch.optim.SGD([{"params": [w]}, {"params": [w]}], lr=0.1))
attempt("opt_tensor_not_list", lambda: torch.optim.SGD(w, lr=0.1))
attempt("opt_dict_params", lambda: torch.optim.SGD({"w": w}, lr=0.1))
attempt("opt_int_param", lambda: torch.optim.SGD([torch.arange(3)], lr=0.1))
attempt("opt_lr_neg", lambda: torch.optim.Adam(model.parameters(), lr=-1))
attempt("opt_betas", lambda: torch.optim.Adam(model.parameters(), betas=(0.9, 1.0)))
attempt("opt_eps", lambda: torch.optim.Adam(model.parameters(), eps=-1e-8))
attempt("opt_wd", lambda: torch.optim.AdamW(model.parameters(), weight_decay=-0.1))
attempt("opt_momentum", lambda: torch.optim.SGD(model.parameters(), lr=0.1, momentum=-0.5))
attempt("opt_nesterov", lambda: torch.optim.SGD(model.parameters(), lr=0.1, nesterov=True))
attempt("opt_rms_alpha", lambda: torch.optim.RMSprop(model.parameters(), alpha=-0.1))
attempt("opt_group_missing", lambda: torch.optim.SGD([{"params": model.weight}, {"params": model.bias, "lr": 0.1}]))
attempt("opt_add_group_dup", lambda: torch.optim.SGD([model.weight], lr=0.1).add_param_group({"params": model.weight}))
attempt("opt_load_bad", lambda: torch.optim.SGD([model.weight], lr=0.1).load_state_dict(
    torch.optim.SGD(model.parameters(), lr=0.1).state_dict()))
attempt("opt_step_no_grad", lambda: torch.optim.SGD([w], lr=0.1).step())


def sched_before_opt():
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    sched.step()
    opt.step()
    return sched.get_last_lr()


def sched_right_order():
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
    model(torch.ones(1, 3)).sum().backward()
    opt.step()
    sched.step()
    return [round(v, 4) for v in sched.get_last_lr()]


def get_lr_outside():
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
    return sched.get_lr()


def step_epoch_arg():
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    opt.step()
    sched.step(2)
    return [round(v, 4) for v in sched.get_last_lr()]


def plateau_no_metric():
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt)
    sched.step()


record("sched_before_opt", sched_before_opt)
record("sched_right_order", sched_right_order)
record("get_lr_outside", get_lr_outside)
record("step_epoch_arg", step_epoch_arg)
record("plateau_no_metric", plateau_no_metric)
attempt("sched_not_opt", lambda: torch.optim.lr_scheduler.StepLR(model, step_size=1))
attempt("sched_bad_mode", lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(torch.optim.SGD(model.parameters(), lr=0.1), mode="maximum"))
attempt("sched_onecycle_total", lambda: torch.optim.lr_scheduler.OneCycleLR(torch.optim.SGD(model.parameters(), lr=0.1), max_lr=1.0))
attempt("sched_cosine_tmax", lambda: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(torch.optim.SGD(model.parameters(), lr=0.1), T_0=0))
attempt("sched_lambda_len", lambda: torch.optim.lr_scheduler.LambdaLR(torch.optim.SGD(model.parameters(), lr=0.1), [lambda e: 1.0, lambda e: 1.0]))
