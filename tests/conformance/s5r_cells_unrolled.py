# Writing the time loop yourself with nn.RNNCell / nn.LSTMCell / nn.GRUCell (the docs examples), checking
# against the full layers with copied weights; unbatched cells, bias=False, relu cells and error messages.
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNNCell(10, 20)
input = torch.randn(6, 3, 10)
hx = torch.randn(3, 20)
output = []
for i in range(6):
    hx = rnn(input[i], hx)
    output.append(hx)
print(rnn, torch.stack(output).shape, hx[0, :5])

lstm_cell = nn.LSTMCell(10, 20)
hx, cx = torch.randn(3, 20), torch.randn(3, 20)
outs = []
for i in range(input.size(0)):
    hx, cx = lstm_cell(input[i], (hx, cx))
    outs.append(hx)
print(lstm_cell, torch.stack(outs, dim=0).shape, cx[1, :4])

gru_cell = nn.GRUCell(10, 20, bias=False)
h = None
for t in range(6):
    h = gru_cell(input[t], h)
print(gru_cell, h.sum().item(), [n for n, _ in gru_cell.named_parameters()])

# compare with the layer version
for cell_cls, layer_cls in ((nn.RNNCell, nn.RNN), (nn.GRUCell, nn.GRU), (nn.LSTMCell, nn.LSTM)):
    torch.manual_seed(2)
    cell = cell_cls(4, 5)
    layer = layer_cls(4, 5)
    layer.load_state_dict({k + "_l0": v for k, v in cell.state_dict().items()})
    x = torch.randn(7, 2, 4)
    ref, _ = layer(x)
    state = None
    ys = []
    for t in range(7):
        state = cell(x[t], state)
        ys.append(state[0] if isinstance(state, tuple) else state)
    print(cell_cls.__name__, (torch.stack(ys) - ref).abs().max().item() < 1e-6)

c = nn.RNNCell(3, 2, nonlinearity="relu")
print(c, c(torch.randn(3)), c(torch.randn(4, 3)).shape)
lc = nn.LSTMCell(3, 2)
h1, c1 = lc(torch.randn(3))
print(h1.shape, c1.shape)
try:
    lc(torch.randn(2, 4))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    nn.GRUCell(3, 2)(torch.randn(4, 3), torch.randn(5, 2))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    nn.RNNCell(3, 2)(torch.randn(2, 2, 3))
except ValueError as e:
    print("ValueError:", e)
try:
    nn.GRUCell(3, 2)(torch.randn(4, 3), torch.randn(4, 3))
except RuntimeError as e:
    print("RuntimeError:", e)
