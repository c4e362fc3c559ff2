# What tutorials print without thinking: module reprs of many layers, optimizer reprs, tensors of many
# dtypes and magnitudes (sci mode, nan/inf, big ints, bool, float64, half), summarised big tensors,
# set_printoptions variants, Parameter reprs, Size/stride/device/dtype prints.
import torch
from torch import nn

torch.manual_seed(0)
mods = [
    nn.LSTM(10, 20, num_layers=2, batch_first=True, dropout=0.1, bidirectional=True),
    nn.GRU(4, 8), nn.RNN(3, 5, nonlinearity="relu"), nn.Embedding(10, 3, padding_idx=0),
    nn.Embedding(5, 2, max_norm=1.0), nn.EmbeddingBag(10, 3, mode="mean"),
    nn.MultiheadAttention(8, 2), nn.TransformerEncoderLayer(8, 2, 16),
    nn.Conv1d(2, 4, 3, stride=2, padding=1, dilation=2, groups=2, bias=False),
    nn.ConvTranspose2d(3, 2, 4, stride=2, padding=1, output_padding=1),
    nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), nn.AvgPool1d(2), nn.AdaptiveMaxPool2d((2, None)),
    nn.BatchNorm1d(4, affine=False), nn.LayerNorm([3, 4], elementwise_affine=False), nn.GroupNorm(2, 4),
    nn.InstanceNorm2d(3), nn.Dropout2d(0.2), nn.LeakyReLU(0.2, inplace=True), nn.ELU(alpha=0.5), nn.GELU("tanh"),
    nn.Softmax(dim=-1), nn.LogSoftmax(1), nn.Hardtanh(-2, 2), nn.PReLU(3), nn.Softplus(beta=2, threshold=10),
    nn.Upsample(scale_factor=2, mode="nearest"), nn.Flatten(1, -1), nn.Unflatten(1, (2, 3)), nn.Identity(),
    nn.CrossEntropyLoss(label_smoothing=0.1), nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0])),
    nn.SmoothL1Loss(beta=0.5), nn.KLDivLoss(reduction="batchmean"), nn.NLLLoss(ignore_index=-1),
    nn.ZeroPad2d(1), nn.ConstantPad1d((1, 2), 3.5), nn.PixelShuffle(2), nn.Bilinear(2, 3, 4),
    nn.CosineSimilarity(dim=1), nn.PairwiseDistance(), nn.Tanh(), nn.SiLU(), nn.Mish(), nn.Hardswish(),
]
for m in mods:
    print(m)
seq = nn.Sequential(nn.Linear(2, 3), nn.ModuleList([nn.ReLU(), nn.Linear(3, 3)]),
                    nn.ModuleDict({"a": nn.Tanh(), "b": nn.Linear(3, 1, bias=False)}))
print(seq)
pl = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.zeros(3, 3))])
print(pl)
pd = nn.ParameterDict({"w": nn.Parameter(torch.ones(2, 2))})
print(pd)
print(nn.Parameter(torch.tensor([1.5, -2.0])), nn.Parameter(torch.ones(2), requires_grad=False))
p = [nn.Parameter(torch.ones(2))]
for o in (torch.optim.SGD(p, lr=0.1), torch.optim.Adam(p, lr=1e-3, betas=(0.8, 0.9)),
          torch.optim.AdamW(p), torch.optim.RMSprop(p, lr=0.01)):
    print(o)
print(torch.tensor([1e-8, 1.0, 1e8]), torch.tensor([0.001, 0.01]), torch.tensor([1e10, 2e10]))
print(torch.tensor([float("nan"), float("inf"), -float("inf"), 1.5]))
print(torch.tensor([123456789012, -5]), torch.tensor([True, False]), torch.tensor([1, 2], dtype=torch.int8))
print(torch.tensor([1.0, 2.5], dtype=torch.float64), torch.tensor([1.0, 2.5]).half(), torch.tensor(3.25, dtype=torch.double))
print(torch.arange(2000.0).reshape(40, 50))
print(torch.randn(3, 1200))
print(torch.zeros(0), torch.zeros(2, 0), torch.ones(1, 1, 1), torch.tensor(5), torch.tensor([[]]))
print(torch.randn(2, 2, 2, dtype=torch.float64))
print(torch.tensor([1.0, 2.0, 3.0]) / 3, torch.tensor([100.0, 2.0]), torch.tensor([-0.0, 0.0]))
torch.set_printoptions(precision=2)
print(torch.randn(2, 3))
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-8, 1.0, 1e8]))
torch.set_printoptions(profile="default")
torch.set_printoptions(linewidth=40)
print(torch.arange(20.0))
torch.set_printoptions(profile="default")
torch.set_printoptions(threshold=5, edgeitems=1)
print(torch.arange(10), torch.arange(12).reshape(3, 4))
torch.set_printoptions(profile="default")
x = torch.randn(3, 4).t()
print(x.shape, x.size(1), x.stride(), x.is_contiguous(), x.contiguous().stride(), x.dtype, x.device, x.ndim, x.dim())
print(torch.Size([2, 3]), torch.Size([2, 3]).numel(), tuple(torch.Size([4])), list(x.shape))
print(torch.randn(2, 3, requires_grad=True) * 2, torch.ones(2, requires_grad=True))
print(repr(torch.float32), str(torch.int64), torch.get_default_dtype(), torch.long == torch.int64)
print(torch.tensor(2.5).item(), torch.tensor([1, 2]).tolist(), torch.tensor([[1.5]]).tolist())
print(f"{torch.tensor(3.14159):.2f}", f"{torch.tensor(2.0).item():6.3f}", str(torch.tensor(1.0)))
