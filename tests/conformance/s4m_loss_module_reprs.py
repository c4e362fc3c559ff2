# print() of loss modules, activations and other parameter-free modules with their options.
import torch
import torch.nn as nn

mods = [
    nn.CrossEntropyLoss(), nn.CrossEntropyLoss(weight=torch.ones(3), ignore_index=0, label_smoothing=0.1),
    nn.NLLLoss(reduction="sum"), nn.MSELoss(), nn.L1Loss(reduction="none"), nn.BCELoss(), nn.BCEWithLogitsLoss(),
    nn.BCEWithLogitsLoss(pos_weight=torch.tensor([2.0])), nn.SmoothL1Loss(beta=0.5), nn.HuberLoss(delta=2.0),
    nn.KLDivLoss(reduction="batchmean"), nn.MarginRankingLoss(margin=0.5), nn.TripletMarginLoss(),
    nn.CosineEmbeddingLoss(), nn.CTCLoss(), nn.PoissonNLLLoss(), nn.GaussianNLLLoss(), nn.MultiLabelSoftMarginLoss(),
    nn.ReLU(), nn.ReLU(inplace=True), nn.LeakyReLU(0.2), nn.ELU(alpha=0.5), nn.GELU(), nn.GELU(approximate="tanh"),
    nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.Sigmoid(), nn.Tanh(), nn.Hardtanh(-2, 2), nn.SiLU(), nn.Mish(),
    nn.Softplus(beta=2), nn.PReLU(), nn.Threshold(0.1, 20), nn.Dropout(0.3), nn.Dropout2d(), nn.AlphaDropout(0.2),
    nn.Identity(), nn.Flatten(), nn.Flatten(0, -1), nn.Unflatten(1, (2, 3)), nn.MaxPool2d(2), nn.AvgPool2d(3, 1, 1),
    nn.AdaptiveAvgPool2d((1, 1)), nn.AdaptiveMaxPool1d(4), nn.Upsample(scale_factor=2, mode="nearest"),
    nn.ZeroPad2d(1), nn.ConstantPad1d(2, 0.5), nn.PixelShuffle(2), nn.CosineSimilarity(), nn.PairwiseDistance(),
]
for m in mods:
    print(m)
for m in mods[:3]:
    print(repr(m), m.reduction, getattr(m, "ignore_index", None))
print(mods[1].weight, mods[1].label_smoothing)
print(list(mods[1].state_dict().keys()), list(mods[7].state_dict().keys()))
print(nn.Sequential(*mods[18:24]))
