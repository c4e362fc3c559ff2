# d2l 9.1/9.2 GRU and LSTM from scratch (three(), gates with torch.sigmoid, @ products), checked against
# nn.GRU / nn.LSTM loaded with the same weights, then a few training steps with clip_grad_norm_.
import torch
from torch import nn

torch.manual_seed(0)
num_inputs, num_hiddens, T, B = 5, 7, 6, 3


def normal(shape):
    return torch.randn(size=shape) * 0.1


def three():
    return (normal((num_inputs, num_hiddens)), normal((num_hiddens, num_hiddens)), torch.zeros(num_hiddens))


def get_gru_params():
    W_xz, W_hz, b_z = three()
    W_xr, W_hr, b_r = three()
    W_xh, W_hh, b_h = three()
    params = [W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h]
    for param in params:
        param.requires_grad_(True)
    return params


def gru(inputs, state, params):
    W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h = params
    H, = state
    outputs = []
    for X in inputs:
        Z = torch.sigmoid((X @ W_xz) + (H @ W_hz) + b_z)
        R = torch.sigmoid((X @ W_xr) + (H @ W_hr) + b_r)
        H_tilda = torch.tanh((X @ W_xh) + ((R * H) @ W_hh) + b_h)
        H = Z * H + (1 - Z) * H_tilda
        outputs.append(H)
    return torch.stack(outputs), (H,)


def get_lstm_params():
    W_xi, W_hi, b_i = three()
    W_xf, W_hf, b_f = three()
    W_xo, W_ho, b_o = three()
    W_xc, W_hc, b_c = three()
    params = [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c]
    for param in params:
        param.requires_grad_(True)
    return params


def lstm(inputs, state, params):
    [W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c] = params
    (H, C) = state
    outputs = []
    for X in inputs:
        I = torch.sigmoid((X @ W_xi) + (H @ W_hi) + b_i)
        F = torch.sigmoid((X @ W_xf) + (H @ W_hf) + b_f)
        O = torch.sigmoid((X @ W_xo) + (H @ W_ho) + b_o)
        C_tilda = torch.tanh((X @ W_xc) + (H @ W_hc) + b_c)
        C = F * C + I * C_tilda
        H = O * torch.tanh(C)
        outputs.append(H)
    return torch.stack(outputs), (H, C)


X = torch.randn(T, B, num_inputs)
gp = get_gru_params()
out, (H,) = gru(X, (torch.zeros(B, num_hiddens),), gp)
print(out.shape, H[0])
ref = nn.GRU(num_inputs, num_hiddens)
with torch.no_grad():
    W_xz, W_hz, b_z, W_xr, W_hr, b_r, W_xh, W_hh, b_h = gp
    ref.weight_ih_l0.copy_(torch.cat([W_xr, W_xz, W_xh], 1).T)
    ref.weight_hh_l0.copy_(torch.cat([W_hr, W_hz, W_hh], 1).T)
    ref.bias_ih_l0.zero_()
    ref.bias_hh_l0.zero_()
out2, h2 = ref(X)
print((out - out2).abs().max() < 1e-5, h2.shape)
out.sum().backward()
out2.sum().backward()
print(gp[0].grad[0], ref.weight_ih_l0.grad[num_hiddens])

lp = get_lstm_params()
out, (H, C) = lstm(X, (torch.zeros(B, num_hiddens), torch.zeros(B, num_hiddens)), lp)
print(out.shape, H[1], C[1])
ref = nn.LSTM(num_inputs, num_hiddens)
with torch.no_grad():
    W_xi, W_hi, b_i, W_xf, W_hf, b_f, W_xo, W_ho, b_o, W_xc, W_hc, b_c = lp
    ref.weight_ih_l0.copy_(torch.cat([W_xi, W_xf, W_xc, W_xo], 1).T)
    ref.weight_hh_l0.copy_(torch.cat([W_hi, W_hf, W_hc, W_ho], 1).T)
    ref.bias_ih_l0.zero_()
    ref.bias_hh_l0.zero_()
out2, (h2, c2) = ref(X)
print((out - out2).abs().max() < 1e-5, h2.shape, c2[0, 1])


class RNNModel(nn.Module):
    def __init__(self, rnn_layer, vocab_size):
        super().__init__()
        self.rnn = rnn_layer
        self.vocab_size = vocab_size
        self.num_hiddens = self.rnn.hidden_size
        self.linear = nn.Linear(self.num_hiddens, self.vocab_size)

    def forward(self, inputs, state):
        X = nn.functional.one_hot(inputs.T.long(), self.vocab_size)
        X = X.to(torch.float32)
        Y, state = self.rnn(X, state)
        output = self.linear(Y.reshape((-1, Y.shape[-1])))
        return output, state

    def begin_state(self, batch_size=1):
        if not isinstance(self.rnn, nn.LSTM):
            return torch.zeros((self.rnn.num_layers, batch_size, self.num_hiddens))
        return (torch.zeros((self.rnn.num_layers, batch_size, self.num_hiddens)),
                torch.zeros((self.rnn.num_layers, batch_size, self.num_hiddens)))


vocab = 9
seq = torch.tensor([(i * 5 + 1) % vocab for i in range(200)])
for layer in (nn.GRU(vocab, 16), nn.LSTM(vocab, 16, num_layers=2)):
    model = RNNModel(layer, vocab)
    opt = torch.optim.SGD(model.parameters(), lr=1.0)
    for epoch in range(6):
        state = model.begin_state(4)
        tot = 0.0
        for i in range(0, 40, 10):
            Xb = seq[i:i + 160].reshape(4, 40)[:, :10]
            Yb = seq[i + 1:i + 161].reshape(4, 40)[:, :10]
            if isinstance(state, tuple):
                state = tuple(s.detach() for s in state)
            else:
                state = state.detach()
            y_hat, state = model(Xb, state)
            l = nn.functional.cross_entropy(y_hat, Yb.T.reshape(-1))
            opt.zero_grad()
            l.backward()
            nrm = nn.utils.clip_grad_norm_(model.parameters(), 1)
            opt.step()
            tot += l.item()
        print(type(layer).__name__, epoch, f"{tot / 4:.4f}", f"{nrm.item():.4f}")
