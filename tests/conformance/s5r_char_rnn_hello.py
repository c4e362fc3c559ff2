# Char-level RNN on a tiny string (the "minimal char-RNN in PyTorch" blog): one-hot inputs, nn.RNN with
# batch_first, CrossEntropyLoss over all time steps, Adam, then greedy generation with argmax and sampling
# with torch.multinomial from a seeded generator.
import torch
import torch.nn as nn

torch.manual_seed(0)
text = "hello world, hello pytorch"
chars = sorted(set(text))
char2int = {ch: i for i, ch in enumerate(chars)}
int2char = dict(enumerate(chars))
print(len(chars), "".join(chars))
seq_len = 8
input_seq, target_seq = [], []
for i in range(len(text) - seq_len):
    input_seq.append([char2int[c] for c in text[i:i + seq_len]])
    target_seq.append([char2int[c] for c in text[i + 1:i + seq_len + 1]])
dict_size = len(chars)


def one_hot_encode(sequence, dict_size):
    features = torch.zeros(len(sequence), len(sequence[0]), dict_size)
    for i, seq in enumerate(sequence):
        for u, idx in enumerate(seq):
            features[i, u, idx] = 1
    return features


input_seq = one_hot_encode(input_seq, dict_size)
target_seq = torch.Tensor(target_seq)
print(input_seq.shape, target_seq.shape, target_seq.dtype)


class Model(nn.Module):
    def __init__(self, input_size, output_size, hidden_dim, n_layers):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.n_layers = n_layers
        self.rnn = nn.RNN(input_size, hidden_dim, n_layers, batch_first=True)
        self.fc = nn.Linear(hidden_dim, output_size)

    def forward(self, x):
        batch_size = x.size(0)
        hidden = self.init_hidden(batch_size)
        out, hidden = self.rnn(x, hidden)
        out = out.contiguous().view(-1, self.hidden_dim)
        return self.fc(out), hidden

    def init_hidden(self, batch_size):
        return torch.zeros(self.n_layers, batch_size, self.hidden_dim)


model = Model(input_size=dict_size, output_size=dict_size, hidden_dim=24, n_layers=1)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for epoch in range(1, 61):
    optimizer.zero_grad()
    output, hidden = model(input_seq)
    loss = criterion(output, target_seq.view(-1).long())
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0:
        print("Epoch: {}/{}.............".format(epoch, 60), end=" ")
        print("Loss: {:.4f}".format(loss.item()))


def predict(model, character):
    character = one_hot_encode([[char2int[c] for c in character]], dict_size)
    out, hidden = model(character)
    prob = nn.functional.softmax(out[-1], dim=0).data
    char_ind = torch.max(prob, dim=0)[1].item()
    return int2char[char_ind], hidden


def sample(model, out_len, start="hel"):
    model.eval()
    chars = [ch for ch in start]
    size = out_len - len(chars)
    for _ in range(size):
        char, h = predict(model, chars)
        chars.append(char)
    return "".join(chars)


print(repr(sample(model, 20, "hel")))
print(repr(sample(model, 15, "wor")))
g = torch.Generator().manual_seed(42)
with torch.no_grad():
    seq = [char2int["h"]]
    for _ in range(12):
        out, _ = model(one_hot_encode([seq], dict_size))
        probs = torch.softmax(out[-1] / 0.8, dim=-1)
        seq.append(torch.multinomial(probs, 1, generator=g).item())
print(repr("".join(int2char[i] for i in seq)))
