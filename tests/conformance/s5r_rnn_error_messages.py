# The RNN mistakes people post on StackOverflow, caught and printed: wrong feature size, wrong h0 shape,
# forgetting the (h, c) tuple for LSTM, 4-D input, 2-D input with 3-D hidden, dtype mismatch (double input),
# dropout with num_layers=1 warning, bad nonlinearity, integer ids fed straight into an LSTM.
import warnings

import torch
import torch.nn as nn

torch.manual_seed(0)
lstm = nn.LSTM(10, 20, num_layers=2, batch_first=True)
gru = nn.GRU(10, 20)
rnn = nn.RNN(10, 20, bidirectional=True)


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out[0].shape)
    except (RuntimeError, ValueError, TypeError, AssertionError, IndexError) as e:
        print(label, type(e).__name__ + ":", e)


attempt("feature size", lambda: lstm(torch.randn(3, 5, 8)))
attempt("h0 shape", lambda: gru(torch.randn(5, 3, 10), torch.zeros(1, 5, 20)))
attempt("h0 layers", lambda: rnn(torch.randn(5, 3, 10), torch.zeros(1, 3, 20)))
attempt("lstm no tuple", lambda: lstm(torch.randn(3, 5, 10), torch.zeros(2, 3, 20)))
attempt("lstm c0 shape", lambda: lstm(torch.randn(3, 5, 10), (torch.zeros(2, 3, 20), torch.zeros(2, 3, 19))))
attempt("4d input", lambda: gru(torch.randn(2, 5, 3, 10)))
attempt("2d in 3d h", lambda: gru(torch.randn(5, 10), torch.zeros(1, 1, 20)))
attempt("3d in 2d h", lambda: gru(torch.randn(5, 3, 10), torch.zeros(3, 20)))
attempt("double", lambda: gru(torch.randn(5, 3, 10, dtype=torch.float64)))
attempt("long ids", lambda: gru(torch.randint(0, 5, (5, 3, 10))))
attempt("double model", lambda: gru.double()(torch.randn(5, 3, 10, dtype=torch.float64)))
attempt("float after double", lambda: gru(torch.randn(5, 3, 10)))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    m = nn.LSTM(4, 4, num_layers=1, dropout=0.5)
    print(len(w), w[0].category.__name__, str(w[0].message))
print(m)
attempt("dropout range", lambda: nn.GRU(4, 4, dropout=1.5))
attempt("nonlinearity", lambda: nn.RNN(4, 4, nonlinearity="sigmoid"))
attempt("hidden zero", lambda: nn.LSTM(4, 0))
attempt("float hidden", lambda: nn.LSTM(4, 3.5))
attempt("layers zero", lambda: nn.GRU(4, 4, num_layers=0))
emb = nn.Embedding(5, 3)
attempt("float ids", lambda: emb(torch.tensor([[1.0, 2.0]])))
attempt("neg id", lambda: emb(torch.tensor([-1])))
attempt("cell batch", lambda: nn.LSTMCell(3, 4)(torch.randn(2, 3), (torch.zeros(3, 4), torch.zeros(3, 4))))
attempt("cell 3d", lambda: nn.GRUCell(3, 4)(torch.randn(1, 2, 3)))
