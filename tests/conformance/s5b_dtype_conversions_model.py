# dtype boilerplate around models: model.double()/float()/half(), inputs cast to the parameter dtype,
# next(model.parameters()).dtype, x.type(torch.FloatTensor), labels to long/float, numpy float64 inputs.
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
print(next(model.parameters()).dtype)
xnp = np.random.RandomState(0).randn(5, 3)
x = torch.from_numpy(xnp)
print(x.dtype)
try:
    model(x)
except RuntimeError as e:
    print("RuntimeError:", e)
out = model(x.float())
print(out.dtype, out.shape)
param_dtype = next(model.parameters()).dtype
print(model(x.to(param_dtype)).squeeze(1))
model.double()
print(next(model.parameters()).dtype, model(x).dtype, model(x).squeeze(1))
model.float()
print(model[0].weight.dtype, model(torch.tensor(xnp, dtype=torch.float32)).dtype)
xt = x.type(torch.FloatTensor)
print(xt.dtype, x.type(), xt.type(), x.type(torch.float32).dtype)
labels = [0, 1, 1, 0, 1]
y_long = torch.tensor(labels)
y_float = torch.tensor(labels, dtype=torch.float32).unsqueeze(1)
print(y_long.dtype, y_float.dtype, y_long.float().dtype, y_float.long().squeeze(1))
print(nn.functional.binary_cross_entropy_with_logits(model(xt), y_float))
try:
    nn.functional.binary_cross_entropy_with_logits(model(xt), y_long.unsqueeze(1))
except (RuntimeError, ValueError) as e:
    print(type(e).__name__)
m16 = nn.Linear(2, 2).half()
print(m16.weight.dtype, m16.to(torch.float32).weight.dtype, nn.Linear(2, 2).to(dtype=torch.float64).bias.dtype)
print(torch.tensor(np.float32(1.5)).dtype, torch.tensor(np.array([1, 2])).dtype, torch.tensor(1.5).double().dtype)
print(torch.FloatTensor([1, 2]).dtype, torch.LongTensor([1, 2]).dtype, torch.DoubleTensor(2).shape)
