# Optimizer construction mistakes and their messages.
import torch
import torch.nn as nn


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(0)
model = nn.Linear(3, 1)
attempt("empty", lambda: torch.optim.SGD([], lr=0.1))
attempt("empty_adam", lambda: torch.optim.Adam([]))
attempt("generator_used", lambda: torch.optim.SGD(iter([]), lr=0.1))
attempt("tensor_param", lambda: torch.optim.SGD(torch.ones(2, requires_grad=True), lr=0.1))
attempt("nonleaf", lambda: torch.optim.SGD([torch.ones(2, requires_grad=True) * 2], lr=0.1))
attempt("not_tensor", lambda: torch.optim.SGD([1.0], lr=0.1))
attempt("dict_no_params", lambda: torch.optim.SGD([{"lr": 0.1}], lr=0.1))
attempt("neg_lr", lambda: torch.optim.SGD(model.parameters(), lr=-0.1))
attempt("neg_mom", lambda: torch.optim.SGD(model.parameters(), lr=0.1, momentum=-1))
attempt("nesterov", lambda: torch.optim.SGD(model.parameters(), lr=0.1, nesterov=True))
attempt("wd_neg", lambda: torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=-1))
attempt("betas", lambda: torch.optim.Adam(model.parameters(), betas=(1.0, 0.999)))
attempt("betas2", lambda: torch.optim.Adam(model.parameters(), betas=(0.9, 1.5)))
attempt("eps", lambda: torch.optim.Adam(model.parameters(), eps=-1e-8))
attempt("adamw_wd", lambda: torch.optim.AdamW(model.parameters(), weight_decay=-0.1))
attempt("rms_alpha", lambda: torch.optim.RMSprop(model.parameters(), alpha=-0.5))
attempt("adagrad_lr_decay", lambda: torch.optim.Adagrad(model.parameters(), lr_decay=-1))
attempt("adadelta_rho", lambda: torch.optim.Adadelta(model.parameters(), rho=2.0))
attempt("rprop_etas", lambda: torch.optim.Rprop(model.parameters(), etas=(1.5, 1.2)))
attempt("sgd_no_lr", lambda: type(torch.optim.SGD(model.parameters())).__name__)
attempt("dup_groups", lambda: torch.optim.SGD([{"params": model.parameters()}, {"params": [model.weight]}], lr=0.1))
attempt("add_group_dup", lambda: torch.optim.SGD([model.weight], lr=0.1).add_param_group({"params": model.weight}))
attempt("add_group_ok", lambda: len(torch.optim.SGD([model.weight], lr=0.1).add_param_group({"params": model.bias}) or []))
attempt("step_no_grad", lambda: torch.optim.SGD(model.parameters(), lr=0.1).step())
attempt("lbfgs_no_closure", lambda: torch.optim.LBFGS(model.parameters()).step())
attempt("load_bad", lambda: torch.optim.SGD(model.parameters(), lr=0.1).load_state_dict({"state": {}, "param_groups": []}))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
other = torch.optim.Adam([model.weight], lr=0.01)
attempt("load_mismatch", lambda: other.load_state_dict(opt.state_dict()))
attempt("sched_bad_opt", lambda: torch.optim.lr_scheduler.StepLR(model, step_size=1))
attempt("sched_gamma", lambda: torch.optim.lr_scheduler.StepLR(opt, step_size=0).get_last_lr())
attempt("plateau_mode", lambda: torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="up"))
attempt("onecycle_total", lambda: torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1))
attempt("lambda_list", lambda: torch.optim.lr_scheduler.LambdaLR(opt, [lambda e: 1.0, lambda e: 2.0]))
attempt("zero_grad_none", lambda: (opt.zero_grad(), model.weight.grad)[1])
