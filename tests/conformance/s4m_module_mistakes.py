# nn.Module mistakes: forgetting super().__init__(), bad registrations, wrong calls.
import torch
import torch.nn as nn


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


class NoSuper(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(2, 2)


class NoSuperParam(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(2))


class NoSuperPlain(nn.Module):
    def __init__(self):
        self.k = 3


class NoSuperBuffer(nn.Module):
    def __init__(self):
        self.register_buffer("b", torch.ones(2))


class NoForward(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)


class Good(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x)


attempt("no_super", NoSuper)
attempt("no_super_param", NoSuperParam)
attempt("no_super_plain", lambda: type(NoSuperPlain()).__name__)
attempt("no_super_buffer", NoSuperBuffer)
attempt("no_forward", lambda: NoForward()(torch.ones(2)))
g = Good()
attempt("missing_attr", lambda: g.fcc)
attempt("missing_attr_seq", lambda: nn.Sequential(nn.ReLU()).foo)
attempt("seq_index", lambda: nn.Sequential(nn.ReLU())[3])
attempt("modlist_index", lambda: nn.ModuleList([nn.ReLU()])[2])
attempt("seq_not_module", lambda: nn.Sequential(nn.ReLU(), torch.relu))
attempt("modlist_not_module", lambda: nn.ModuleList([nn.ReLU(), 3]))
attempt("param_assign_tensor", lambda: setattr(g.fc, "weight", torch.ones(2, 2)))
attempt("param_assign_none", lambda: setattr(g.fc, "bias", None) or g.fc.bias)
attempt("module_assign_bad", lambda: setattr(g, "fc", 3))
attempt("register_buffer_bad", lambda: g.register_buffer("x", [1, 2]))
attempt("register_buffer_dot", lambda: g.register_buffer("a.b", torch.ones(1)))
attempt("register_buffer_exists", lambda: g.register_buffer("fc", torch.ones(1)))
attempt("register_param_bad", lambda: g.register_parameter("p", torch.ones(1)))
attempt("register_param_empty", lambda: g.register_parameter("", nn.Parameter(torch.ones(1))))
attempt("add_module_bad", lambda: g.add_module("m", 3))
attempt("add_module_dot", lambda: g.add_module("a.b", nn.ReLU()))
attempt("get_submodule", lambda: g.get_submodule("fc.nope"))
attempt("get_parameter", lambda: g.get_parameter("fc.nope"))
attempt("call_wrong_args", lambda: g(torch.ones(2), torch.ones(2)))
attempt("call_wrong_kw", lambda: nn.Linear(2, 2)(x=torch.ones(2)))
attempt("linear_bad_ctor", lambda: nn.Linear(2.5, 2))
attempt("linear_neg", lambda: nn.Linear(-1, 2))
attempt("conv_groups", lambda: nn.Conv2d(3, 4, 3, groups=2))
attempt("dropout_p", lambda: nn.Dropout(1.5))
attempt("bn_input", lambda: nn.BatchNorm1d(3)(torch.randn(4, 5)))
attempt("bn_one", lambda: nn.BatchNorm1d(3)(torch.randn(1, 3)))
attempt("ln_shape", lambda: nn.LayerNorm(4)(torch.randn(2, 3)))
attempt("emb_ctor", lambda: nn.Embedding(5, 2, padding_idx=7))
attempt("train_bad", lambda: g.train("yes"))
attempt("to_bad", lambda: g.to("gpu"))
attempt("parameters_list", lambda: len(list(g.parameters())))
attempt("apply", lambda: type(g.apply(lambda m: None)).__name__)
attempt("mha_dims", lambda: nn.MultiheadAttention(10, 3))
attempt("lstm_input", lambda: nn.LSTM(4, 8)(torch.randn(5, 2, 3)))
attempt("lstm_2d", lambda: nn.LSTM(4, 8)(torch.randn(5, 4))[0].shape)
attempt("rnn_hidden", lambda: nn.GRU(4, 8)(torch.randn(5, 2, 4), torch.zeros(1, 3, 8)))
attempt("conv_input_dim", lambda: nn.Conv2d(1, 2, 3)(torch.randn(5, 5)))
attempt("conv_small", lambda: nn.Conv2d(1, 2, 5)(torch.randn(1, 1, 3, 3)))
attempt("pool_small", lambda: nn.MaxPool2d(4)(torch.randn(1, 1, 3, 3)))
attempt("flatten_linear", lambda: nn.Sequential(nn.Flatten(), nn.Linear(9, 2))(torch.randn(2, 1, 3, 3)).shape)
