# Pre-0.4 RL code (old DQN tutorials): Variable(...), FloatTensor/LongTensor/ByteTensor aliases picked by
# use_cuda, legacy constructors with data or sizes, .type() conversions and isinstance checks against legacy
# tensor types, the removed .volatile flag (always False), and uint8 non-final masks.
import torch
from torch.autograd import Variable
torch.manual_seed(0)
use_cuda = torch.cuda.is_available()
FloatTensor = torch.cuda.FloatTensor if use_cuda else torch.FloatTensor
LongTensor = torch.cuda.LongTensor if use_cuda else torch.LongTensor
ByteTensor = torch.cuda.ByteTensor if use_cuda else torch.ByteTensor
Tensor = FloatTensor
x = Variable(FloatTensor([[1.0, 2.0], [3.0, 4.0]]), requires_grad=True)
a = Variable(LongTensor([[1], [0]]))
m = Variable(ByteTensor([1, 0]))
print(x, a, m, x.gather(1, a))
print(torch.DoubleTensor([1, 2]), torch.BoolTensor([True, False]), torch.IntTensor([1]).dtype, torch.FloatTensor(2, 3).shape)
y = torch.tensor([1.5, 2.5])
print(y.type(), y.type(torch.DoubleTensor), y.type("torch.LongTensor"), y.type(torch.int32).dtype)
print(isinstance(y, torch.FloatTensor), isinstance(y, torch.DoubleTensor), isinstance(y, torch.Tensor))
print(FloatTensor([0.5]).expand(3), Tensor([1]).dtype, x.data.numpy().shape, x.volatile if hasattr(x, "volatile") else None)
non_final_mask = ByteTensor(tuple(map(lambda s: s is not None, [1, None, 2])))
print(non_final_mask, non_final_mask.dtype, torch.tensor([5., 6., 7.])[non_final_mask.bool()])
