# "Understanding RNN output vs h_n" blog post: nn.RNN/GRU/LSTM shapes for every combination people ask
# about on StackOverflow, output[:, -1] vs h_n[-1], splitting directions with view(num_layers, 2, B, H),
# unbatched inputs, reprs and state_dict keys.
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=10, hidden_size=20, num_layers=2)
inp = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
output, hn = rnn(inp, h0)
print(rnn)
print(output.size(), hn.size())
print(torch.allclose(output[-1], hn[-1]), (output[-1] - hn[-1]).abs().max().item())

gru = nn.GRU(8, 16, num_layers=3, batch_first=True, bidirectional=True)
print(gru)
x = torch.randn(4, 7, 8)
out, h = gru(x)
print(out.shape, h.shape)
h = h.view(3, 2, 4, 16)
last_fwd, last_bwd = h[-1, 0], h[-1, 1]
print(torch.allclose(out[:, -1, :16], last_fwd), torch.allclose(out[:, 0, 16:], last_bwd))
feat = torch.cat((last_fwd, last_bwd), dim=1)
print(feat.shape, feat.sum().item())
print(list(gru.state_dict().keys()))
print([tuple(p.shape) for p in gru.parameters()][:6])

lstm = nn.LSTM(3, 5, num_layers=2, bias=False, batch_first=True)
print(lstm, sum(p.numel() for p in lstm.parameters()))
for name, param in lstm.named_parameters():
    print(name, tuple(param.shape), f"{param.mean().item():.6f}")
out, (hn, cn) = lstm(torch.randn(2, 4, 3))
print(out.shape, hn.shape, cn.shape)
print(out[0, -1], hn[-1, 0], cn[-1, 0])

# unbatched input
seq = torch.randn(6, 3)
o, (h1, c1) = lstm(seq)
print(o.shape, h1.shape, c1.shape, torch.allclose(o[-1], h1[-1]))
r = nn.RNN(3, 4, nonlinearity="relu")
print(r, r(seq)[0].shape, r(seq)[1].shape)
print(r(seq)[0].min().item() >= 0)
print(nn.GRU(3, 4)(seq)[0][:2])
