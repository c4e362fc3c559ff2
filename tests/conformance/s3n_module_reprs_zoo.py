# print(model) for many kinds of modules, nested containers and custom extra_repr, plus parameter counts.
import torch
import torch.nn as nn


class Attention(nn.Module):
    def __init__(self, dim, heads=2):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, dim * 3, bias=False)
        self.proj = nn.Linear(dim, dim)
        self.scale = (dim // heads) ** -0.5

    def extra_repr(self):
        return f"heads={self.heads}, scale={self.scale:.4f}"


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(c)
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.act(self.bn(self.conv(x))) + x


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 8, kernel_size=3, stride=2, padding=1), nn.BatchNorm2d(8),
                                  nn.LeakyReLU(0.1), nn.MaxPool2d(2, 2))
        self.blocks = nn.ModuleList([Block(8) for _ in range(2)])
        self.heads = nn.ModuleDict({"cls": nn.Linear(8, 10), "reg": nn.Sequential(nn.Linear(8, 4), nn.Sigmoid())})
        self.pool = nn.AdaptiveAvgPool2d((1, 1))
        self.drop = nn.Dropout(p=0.25)
        self.attn = Attention(8)
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer("step", torch.zeros((), dtype=torch.long))


net = Net()
print(net)
print(sum(p.numel() for p in net.parameters()), sum(b.numel() for b in net.buffers()))
mods = [
    nn.Conv1d(4, 8, 5, stride=2, padding=2, dilation=1, groups=2, bias=False, padding_mode="circular"),
    nn.Conv2d(3, 6, (3, 5), stride=(1, 2), padding="same" if False else (1, 2), dilation=(1, 1)),
    nn.Conv2d(3, 6, 3, padding="same"),
    nn.ConvTranspose2d(4, 2, 4, stride=2, padding=1, output_padding=0),
    nn.ConvTranspose1d(4, 2, 3, stride=2, output_padding=1),
    nn.MaxPool1d(3, stride=2, padding=1), nn.MaxPool2d((2, 3), ceil_mode=True), nn.AvgPool2d(3, stride=1, padding=1,
                                                                                            count_include_pad=False),
    nn.AvgPool1d(2), nn.AdaptiveMaxPool2d(4), nn.AdaptiveAvgPool1d(5), nn.LPPool2d(2, 3),
    nn.BatchNorm1d(10, eps=1e-3, momentum=0.01), nn.BatchNorm2d(4, affine=False, track_running_stats=False),
    nn.LayerNorm([4, 5], elementwise_affine=False), nn.LayerNorm(8, eps=1e-6), nn.GroupNorm(2, 8),
    nn.InstanceNorm2d(3, affine=True), nn.LocalResponseNorm(3),
    nn.Dropout(), nn.Dropout2d(0.1), nn.AlphaDropout(0.2), nn.Dropout1d(0.3),
    nn.Embedding(100, 16, padding_idx=0), nn.Embedding(10, 3, max_norm=1.0), nn.EmbeddingBag(20, 4, mode="max"),
    nn.RNN(4, 8, num_layers=2, nonlinearity="relu"), nn.LSTM(4, 8, batch_first=True, bidirectional=True),
    nn.GRU(3, 5, dropout=0.1, num_layers=2), nn.LSTMCell(3, 4), nn.GRUCell(3, 4, bias=False), nn.RNNCell(2, 3),
    nn.Flatten(), nn.Flatten(0, -1), nn.Unflatten(1, (2, 5)), nn.Identity(), nn.Softmax(dim=1), nn.LogSoftmax(dim=-1),
    nn.Softmin(dim=0), nn.ELU(alpha=0.5), nn.SELU(), nn.CELU(), nn.GELU(approximate="tanh"), nn.GELU(), nn.SiLU(),
    nn.Mish(), nn.Hardtanh(-2, 2), nn.ReLU6(), nn.PReLU(num_parameters=3), nn.RReLU(), nn.Softplus(beta=2),
    nn.Softshrink(0.3), nn.Hardshrink(), nn.Tanhshrink(), nn.Threshold(0.1, 20), nn.LeakyReLU(), nn.GLU(),
    nn.Hardsigmoid(), nn.Hardswish(), nn.LogSigmoid(), nn.Softsign(),
    nn.Upsample(scale_factor=2, mode="nearest"), nn.Upsample(size=(4, 4), mode="bilinear", align_corners=False),
    nn.PixelShuffle(2), nn.ZeroPad2d((1, 1, 2, 0)), nn.ConstantPad1d(2, 3.5), nn.ReflectionPad2d(1),
    nn.ReplicationPad1d((1, 2)), nn.Bilinear(3, 4, 5), nn.Linear(3, 4, bias=False),
    nn.CosineSimilarity(dim=1), nn.PairwiseDistance(p=1.0), nn.Unfold(kernel_size=2, stride=2),
    nn.Fold(output_size=(4, 4), kernel_size=2),
    nn.MSELoss(reduction="sum"), nn.CrossEntropyLoss(label_smoothing=0.1, ignore_index=3), nn.L1Loss(),
    nn.BCEWithLogitsLoss(pos_weight=torch.ones(2)), nn.NLLLoss(), nn.KLDivLoss(reduction="batchmean", log_target=True),
    nn.HuberLoss(delta=0.5), nn.SmoothL1Loss(beta=2.0), nn.MarginRankingLoss(margin=0.5), nn.TripletMarginLoss(),
    nn.CTCLoss(), nn.MultiheadAttention(8, 2), nn.TransformerEncoderLayer(8, 2, dim_feedforward=16),
]
for m in mods:
    print(repr(m), sum(p.numel() for p in m.parameters()))
pl = nn.ParameterList([nn.Parameter(torch.randn(2, 3)), nn.Parameter(torch.randn(4))])
pd = nn.ParameterDict({"a": nn.Parameter(torch.zeros(3)), "b": nn.Parameter(torch.zeros(2, 2, dtype=torch.float64))})
print(pl)
print(pd)
seq = nn.Sequential()
seq.add_module("fc1", nn.Linear(2, 3))
seq.append(nn.ReLU())
seq.extend([nn.Linear(3, 1)])
print(seq, len(seq), seq[-1], seq[:2])
from collections import OrderedDict
od = nn.Sequential(OrderedDict([("conv", nn.Conv2d(1, 2, 3)), ("relu", nn.ReLU()), ("flat", nn.Flatten())]))
print(od, od.conv)
