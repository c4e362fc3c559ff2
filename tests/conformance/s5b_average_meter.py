# AverageMeter / ProgressMeter classes from the ImageNet example, fed with tensor .item() values and
# topk accuracy; the str() formats they produce.
import torch
import torch.nn as nn


class AverageMeter:
    """Computes and stores the average and current value"""

    def __init__(self, name, fmt=":f"):
        self.name = name
        self.fmt = fmt
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

    def __str__(self):
        fmtstr = "{name} {val" + self.fmt + "} ({avg" + self.fmt + "})"
        return fmtstr.format(**self.__dict__)


class ProgressMeter:
    def __init__(self, num_batches, meters, prefix=""):
        num_digits = len(str(num_batches // 1))
        self.batch_fmtstr = "[{:" + str(num_digits) + "d}/" + "{:" + str(num_digits) + "d}" + "]"
        self.batch_fmtstr = self.batch_fmtstr.format
        self.meters = meters
        self.prefix = prefix
        self.num_batches = num_batches

    def display(self, batch):
        entries = [self.prefix + "[{:d}/{:d}]".format(batch, self.num_batches)]
        entries += [str(meter) for meter in self.meters]
        print("\t".join(entries))


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


torch.manual_seed(0)
model = nn.Linear(10, 6)
crit = nn.CrossEntropyLoss()
opt = torch.optim.SGD(model.parameters(), lr=0.5)
losses = AverageMeter("Loss", ":.4e")
top1 = AverageMeter("Acc@1", ":6.2f")
top5 = AverageMeter("Acc@5", ":6.2f")
progress = ProgressMeter(5, [losses, top1, top5], prefix="Epoch: [0]")
for i in range(5):
    x = torch.randn(12, 10)
    y = torch.randint(0, 6, (12,))
    out = model(x)
    loss = crit(out, y)
    acc1, acc5 = accuracy(out, y, topk=(1, 5))
    losses.update(loss.item(), x.size(0))
    top1.update(acc1[0], x.size(0))
    top5.update(acc5[0].item(), x.size(0))
    opt.zero_grad()
    loss.backward()
    opt.step()
    progress.display(i)
print(type(top1.avg).__name__, top1.avg, top1.sum, top5.count)
print(f"{top1.avg:.3f} {losses.avg:.6f}")
