# Idioms from older tutorials that still run on torch 2.x: Variable, p.data.add_(-lr, p.grad.data),
# size_average=False losses, torch.FloatTensor / LongTensor constructors, .type(), loss.data.item(),
# manual parameter updates without an optimizer, and the seeding / determinism boilerplate.
import random
import warnings
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

warnings.simplefilter("ignore")
random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
torch.cuda.manual_seed_all(0)
torch.backends.cudnn.deterministic = True
torch.use_deterministic_algorithms(True)
print(torch.are_deterministic_algorithms_enabled(), torch.cuda.is_available())

dtype = torch.FloatTensor
N, D_in, H, D_out = 16, 5, 8, 2
x = Variable(torch.randn(N, D_in).type(dtype), requires_grad=False)
y = Variable(torch.randn(N, D_out).type(dtype), requires_grad=False)
w1 = Variable(torch.randn(D_in, H).type(dtype), requires_grad=True)
w2 = Variable(torch.randn(H, D_out).type(dtype), requires_grad=True)
print(x.type(), w1.requires_grad, type(x).__name__, isinstance(x, torch.Tensor))
learning_rate = 1e-3
for t in range(30):
    y_pred = x.mm(w1).clamp(min=0).mm(w2)
    loss = (y_pred - y).pow(2).sum()
    if t % 5 == 0:
        print(t, loss.data.item(), loss.item())
    loss.backward()
    w1.data -= learning_rate * w1.grad.data
    w2.data.add_(-learning_rate, w2.grad.data)
    w1.grad.data.zero_()
    w2.grad.data.zero_()

model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(), nn.Linear(H, D_out))
loss_fn = nn.MSELoss(size_average=False)
for t in range(20):
    y_pred = model(x)
    loss = loss_fn(y_pred, y)
    model.zero_grad()
    loss.backward()
    for param in model.parameters():
        param.data.add_(-1e-3, param.grad.data)
    if t % 5 == 4:
        print(t, round(loss.item(), 4))

labels = torch.LongTensor([0, 1, 1, 0])
logits = torch.FloatTensor([[2.0, 1.0], [0.5, 0.3], [0.1, 3.0], [1.0, 1.0]])
print(labels.type(), logits.type(), labels.dtype, F.cross_entropy(logits, labels, size_average=True).item())
print(nn.CrossEntropyLoss(reduce=False)(logits, labels))
print(nn.NLLLoss(size_average=False)(F.log_softmax(logits, dim=1), labels))
print(torch.Tensor(2, 3).shape, torch.FloatTensor(2).shape, torch.LongTensor([[1, 2]]).shape, torch.ByteTensor([1, 0]))
print(torch.ones(2).type(torch.DoubleTensor), torch.ones(2).type("torch.IntTensor"), torch.zeros(1).long().type())
print(isinstance(torch.ones(2), torch.FloatTensor), isinstance(torch.ones(2, dtype=torch.long), torch.FloatTensor))
acc = torch.ones(3).addcmul(0.5, torch.arange(3.0), torch.arange(3.0))
print(acc, torch.ones(3).addcdiv_(2, torch.arange(3.0), torch.full((3,), 4.0)), torch.add(torch.ones(2), 10, torch.ones(2)))
v = Variable(torch.randn(3), requires_grad=True)
(v * v).sum().backward()
print(v.grad.data, v.data.numpy().round(4), v.grad_fn, (v * 2).grad_fn is not None)
with torch.no_grad():
    z = v * 2
print(z.requires_grad, torch.is_grad_enabled(), random.random(), np.random.rand())
