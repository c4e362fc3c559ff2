# RNN / LSTM / GRU shape mistakes (batch_first confusion, hidden state shapes).
import torch
import torch.nn as nn


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, batch_first=True)
x = torch.randn(3, 5, 4)
out, (h, c) = lstm(x)
print(out.shape, h.shape, c.shape)
attempt("wrong_feat", lambda: lstm(torch.randn(3, 5, 3)))
attempt("h0_wrong", lambda: lstm(x, (torch.zeros(1, 3, 6), torch.zeros(2, 3, 6))))
attempt("c0_wrong", lambda: lstm(x, (torch.zeros(2, 3, 6), torch.zeros(2, 3, 5))))
attempt("h_only", lambda: lstm(x, torch.zeros(2, 3, 6)))
attempt("h0_batchfirst", lambda: lstm(x, (torch.zeros(3, 2, 6), torch.zeros(3, 2, 6))))
attempt("4d", lambda: lstm(torch.randn(1, 3, 5, 4)))
attempt("unbatched", lambda: lstm(torch.randn(5, 4))[0].shape)
attempt("unbatched_h", lambda: lstm(torch.randn(5, 4), (torch.zeros(2, 6), torch.zeros(2, 6)))[1][0].shape)
attempt("unbatched_h_bad", lambda: lstm(torch.randn(5, 4), (torch.zeros(2, 1, 6), torch.zeros(2, 1, 6))))
gru = nn.GRU(4, 6)
attempt("gru_tuple_hidden", lambda: gru(torch.randn(5, 3, 4), (torch.zeros(1, 3, 6), torch.zeros(1, 3, 6))))
attempt("gru_hidden_bad", lambda: gru(torch.randn(5, 3, 4), torch.zeros(1, 5, 6)))
attempt("gru_ok", lambda: [t.shape for t in gru(torch.randn(5, 3, 4))])
rnn = nn.RNN(4, 6, nonlinearity="relu", bidirectional=True)
attempt("bi_shapes", lambda: [t.shape for t in rnn(torch.randn(5, 3, 4))])
attempt("bi_h_bad", lambda: rnn(torch.randn(5, 3, 4), torch.zeros(1, 3, 6)))
attempt("nonlin_bad", lambda: nn.RNN(4, 6, nonlinearity="sigmoid"))
attempt("int_input", lambda: gru(torch.ones(5, 3, 4, dtype=torch.long)))
attempt("double_input", lambda: gru(torch.ones(5, 3, 4, dtype=torch.float64)))
attempt("cell_bad", lambda: nn.LSTMCell(4, 6)(torch.randn(3, 5)))
attempt("cell_ok", lambda: [t.shape for t in nn.LSTMCell(4, 6)(torch.randn(3, 4))])
attempt("cell_h_bad", lambda: nn.GRUCell(4, 6)(torch.randn(3, 4), torch.zeros(2, 6)))
print(lstm)
print(nn.GRU(4, 6, num_layers=3, dropout=0.2, bidirectional=True))
print([n for n, _ in lstm.named_parameters()])
emb = nn.Embedding(10, 4, padding_idx=0)
print(emb, emb.weight[0])
attempt("emb_2d_float", lambda: emb(torch.rand(2, 3)))
attempt("emb_ok", lambda: emb(torch.tensor([[1, 2, 0]])).shape)
