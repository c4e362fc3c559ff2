# The ImageNet example's evaluation helpers: accuracy(output, target, topk=(1, 5)) with topk/t()/eq/
# expand_as/reshape, AverageMeter and ProgressMeter string formatting, a validate() loop under
# torch.no_grad() with model.eval(), and topk behaviour (largest=False, sorted, ties).
from enum import Enum

import torch
import torch.nn as nn

torch.manual_seed(0)


class Summary(Enum):
    NONE = 0
    AVERAGE = 1


class AverageMeter:
    def __init__(self, name, fmt=":f", summary_type=Summary.AVERAGE):
        self.name, self.fmt, self.summary_type = name, fmt, summary_type
        self.reset()

    def reset(self):
        self.val = self.avg = self.sum = self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

    def __str__(self):
        fmtstr = "{name} {val" + self.fmt + "} ({avg" + self.fmt + "})"
        return fmtstr.format(**self.__dict__)


def accuracy(output, target, topk=(1,)):
    with torch.no_grad():
        maxk = max(topk)
        batch_size = target.size(0)
        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target.view(1, -1).expand_as(pred))
        res = []
        for k in topk:
            correct_k = correct[:k].reshape(-1).float().sum(0, keepdim=True)
            res.append(correct_k.mul_(100.0 / batch_size))
        return res


model = nn.Sequential(nn.Conv2d(3, 6, 3, stride=2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 10))
criterion = nn.CrossEntropyLoss()
images = torch.randn(40, 3, 9, 9)
target = torch.randint(0, 10, (40,))
losses, top1, top5 = AverageMeter("Loss", ":.4e"), AverageMeter("Acc@1", ":6.2f"), AverageMeter("Acc@5", ":6.2f")
model.eval()
with torch.no_grad():
    for i in range(0, 40, 16):
        img, tgt = images[i:i + 16], target[i:i + 16]
        output = model(img)
        loss = criterion(output, tgt)
        acc1, acc5 = accuracy(output, tgt, topk=(1, 5))
        losses.update(loss.item(), img.size(0))
        top1.update(acc1[0], img.size(0))
        top5.update(acc5[0], img.size(0))
        print(f"Test: [{i // 16}/3]", losses, top1, top5)
print(f" * Acc@1 {top1.avg:.3f} Acc@5 {top5.avg:.3f}", type(top1.avg).__name__)
t = torch.tensor([[0.1, 0.5, 0.5, 0.2], [3.0, -1.0, 2.0, 2.0]])
print(t.topk(2), t.topk(2, largest=False))
print(t.topk(3, dim=0, sorted=True).values if t.size(0) >= 3 else t.topk(2, dim=0))
v, i = torch.topk(torch.arange(10.0) % 4, 3)
print(v, i)
print(torch.tensor([5.0, 1.0, 3.0]).topk(1).indices.item(), torch.tensor([5.0]).topk(1))
try:
    t.topk(5)
except RuntimeError as e:
    print("RuntimeError:", e)
