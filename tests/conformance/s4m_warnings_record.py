# Common warnings captured with warnings.catch_warnings(record=True) and printed.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F


def record(label, fn):
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        fn()
    print(label, len(rec))
    for w in rec:
        print("  ", w.category.__name__, str(w.message).split(" (Triggered")[0])


torch.manual_seed(0)
x = torch.randn(2, 3)
record("softmax_no_dim", lambda: F.softmax(x))
record("log_softmax_no_dim", lambda: F.log_softmax(x))
record("softmin_no_dim", lambda: F.softmin(x))
record("nn_softmax_no_dim", lambda: nn.Softmax()(x))
record("size_average", lambda: nn.MSELoss(size_average=False))
record("reduce", lambda: nn.L1Loss(reduce=False))
record("f_size_average", lambda: F.mse_loss(x, x, size_average=True))
record("tensor_of_tensor", lambda: torch.tensor(x))
record("tensor_of_param", lambda: torch.tensor(nn.Parameter(torch.ones(2))))
record("mse_broadcast", lambda: F.mse_loss(torch.randn(4, 1), torch.randn(4)))
record("l1_broadcast", lambda: F.l1_loss(torch.randn(4, 1), torch.randn(4)))
m = nn.Linear(3, 1)
opt = torch.optim.SGD(m.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, 1)
record("sched_before_opt", lambda: sched.step())
h = torch.ones(2, requires_grad=True) * 2
record("nonleaf_grad", lambda: h.grad)
record("sigmoid_f", lambda: F.sigmoid(x))
record("tanh_f", lambda: F.tanh(x))
record("xavier_normal", lambda: nn.init.xavier_normal(torch.empty(2, 2)))
record("clip_grad_norm", lambda: nn.utils.clip_grad_norm(m.parameters(), 1.0))
record("upsample", lambda: F.upsample(torch.randn(1, 1, 2, 2), scale_factor=2))
record("dropout_inplace", lambda: nn.Dropout(0.5, inplace=True)(torch.randn(2)))
record("get_lr", lambda: sched.get_lr())
record("lstm_dropout", lambda: nn.LSTM(2, 2, num_layers=1, dropout=0.5))
record("fresh_ok", lambda: torch.tensor([1.0]))
record("clone_detach_ok", lambda: x.clone().detach())
record("transformer_nested", lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2), 1))
record("volatile", lambda: torch.autograd.Variable(torch.ones(1), volatile=True))
