# LSTM with proj_size (LSTMP as in "Long Short-Term Memory Based Recurrent Neural Network Architectures for
# Large Vocabulary Speech Recognition"): parameter shapes, h0/c0 shapes, projected outputs, gradients;
# passing initial states and carrying them between calls.
import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=6, hidden_size=8, proj_size=3, num_layers=2, batch_first=True)
print(lstm)
for n, p in lstm.named_parameters():
    print(n, list(p.shape))
x = torch.randn(2, 5, 6)
h0 = torch.zeros(2, 2, 3)
c0 = torch.zeros(2, 2, 8)
out, (hn, cn) = lstm(x, (h0, c0))
print(out.shape, hn.shape, cn.shape)
print(out[:, -1])
print(hn[-1])
loss = out.pow(2).mean() + cn.abs().mean()
loss.backward()
print(f"{loss.item():.6f}")
print(lstm.weight_hr_l0.grad.norm().item(), lstm.weight_hh_l1.grad.shape)

bi = nn.LSTM(4, 6, proj_size=2, bidirectional=True)
o, (h, c) = bi(torch.randn(3, 2, 4))
print(o.shape, h.shape, c.shape)
print(o[0], h[1])
try:
    bi(torch.randn(3, 2, 4), (torch.zeros(2, 2, 6), torch.zeros(2, 2, 6)))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    nn.LSTM(4, 6, proj_size=6)
except ValueError as e:
    print("ValueError:", e)
try:
    nn.GRU(4, 6, proj_size=2)
except ValueError as e:
    print("ValueError:", e)

# carrying state across chunks
torch.manual_seed(1)
m = nn.LSTM(2, 4, batch_first=True)
stream = torch.randn(1, 9, 2)
full, _ = m(stream)
state = None
pieces = []
for chunk in stream.split(3, dim=1):
    o, state = m(chunk, state)
    pieces.append(o)
print(torch.allclose(torch.cat(pieces, 1), full, atol=1e-6), full[0, -1])
