# d2l 15.3/14.8 style: TextCNN with two embeddings (one frozen), Conv1d branches, AdaptiveAvgPool1d and
# max over time, cat, dropout; and a toy BERT: token+segment+learned positional embeddings, a
# TransformerEncoder, MaskLM with batch_idx repeat_interleave gathering and NextSentencePred.
import torch
from torch import nn


class TextCNN(nn.Module):
    def __init__(self, vocab_size, embed_size, kernel_sizes, num_channels, **kwargs):
        super(TextCNN, self).__init__(**kwargs)
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.constant_embedding = nn.Embedding(vocab_size, embed_size)
        self.dropout = nn.Dropout(0.5)
        self.decoder = nn.Linear(sum(num_channels), 2)
        self.pool = nn.AdaptiveAvgPool1d(1)
        self.relu = nn.ReLU()
        self.convs = nn.ModuleList()
        for c, k in zip(num_channels, kernel_sizes):
            self.convs.append(nn.Conv1d(2 * embed_size, c, k))

    def forward(self, inputs):
        embeddings = torch.cat((self.embedding(inputs), self.constant_embedding(inputs)), dim=2)
        embeddings = embeddings.permute(0, 2, 1)
        encoding = torch.cat([torch.squeeze(self.relu(self.pool(conv(embeddings))), dim=-1)
                              for conv in self.convs], dim=1)
        outputs = self.decoder(self.dropout(encoding))
        return outputs


torch.manual_seed(0)
vocab, T = 40, 12
X = torch.randint(0, vocab, (32, T))
y = ((X < 20).sum(1) > T // 2).long()
net = TextCNN(vocab, 8, [3, 4, 5], [6, 6, 6])


def init_weights(m):
    if type(m) in (nn.Linear, nn.Conv1d):
        nn.init.xavier_uniform_(m.weight)


net.apply(init_weights)
net.constant_embedding.weight.data.copy_(torch.randn(vocab, 8))
net.constant_embedding.weight.requires_grad = False
trainer = torch.optim.Adam(filter(lambda p: p.requires_grad, net.parameters()), lr=0.01)
loss = nn.CrossEntropyLoss(reduction="none")
for epoch in range(6):
    net.train()
    l = loss(net(X), y)
    trainer.zero_grad()
    l.sum().backward()
    trainer.step()
    net.eval()
    with torch.no_grad():
        acc = (net(X).argmax(1) == y).float().mean()
    print(epoch, f"{l.mean().item():.5f}", f"{acc.item():.4f}")
print(net.constant_embedding.weight.grad, net.convs[1].weight.grad.shape)
x = torch.randn(2, 4, 7)
print(torch.max(x, dim=2)[0].shape, nn.functional.max_pool1d(x, kernel_size=x.shape[2]).squeeze(-1).shape)


class BERTEncoder(nn.Module):
    def __init__(self, vocab_size, num_hiddens, ffn_num_hiddens, num_heads, num_layers, dropout, max_len=64):
        super(BERTEncoder, self).__init__()
        self.token_embedding = nn.Embedding(vocab_size, num_hiddens)
        self.segment_embedding = nn.Embedding(2, num_hiddens)
        layer = nn.TransformerEncoderLayer(num_hiddens, num_heads, ffn_num_hiddens, dropout, batch_first=True)
        self.blks = nn.TransformerEncoder(layer, num_layers, enable_nested_tensor=False)
        self.pos_embedding = nn.Parameter(torch.randn(1, max_len, num_hiddens))

    def forward(self, tokens, segments, valid_lens):
        X = self.token_embedding(tokens) + self.segment_embedding(segments)
        X = X + self.pos_embedding.data[:, :X.shape[1], :]
        pad = torch.arange(tokens.shape[1])[None, :] >= valid_lens[:, None]
        return self.blks(X, src_key_padding_mask=pad)


class MaskLM(nn.Module):
    def __init__(self, vocab_size, num_hiddens, num_inputs=768, **kwargs):
        super(MaskLM, self).__init__(**kwargs)
        self.mlp = nn.Sequential(nn.Linear(num_inputs, num_hiddens), nn.ReLU(), nn.LayerNorm(num_hiddens),
                                 nn.Linear(num_hiddens, vocab_size))

    def forward(self, X, pred_positions):
        num_pred_positions = pred_positions.shape[1]
        pred_positions = pred_positions.reshape(-1)
        batch_size = X.shape[0]
        batch_idx = torch.arange(0, batch_size)
        batch_idx = torch.repeat_interleave(batch_idx, num_pred_positions)
        masked_X = X[batch_idx, pred_positions]
        masked_X = masked_X.reshape((batch_size, num_pred_positions, -1))
        mlm_Y_hat = self.mlp(masked_X)
        return mlm_Y_hat


class NextSentencePred(nn.Module):
    def __init__(self, num_inputs, **kwargs):
        super(NextSentencePred, self).__init__(**kwargs)
        self.output = nn.Linear(num_inputs, 2)

    def forward(self, X):
        return self.output(X)


vocab_size, num_hiddens, ffn_num_hiddens, num_heads = 30, 16, 32, 4
encoder = BERTEncoder(vocab_size, num_hiddens, ffn_num_hiddens, num_heads, 2, 0.0)
tokens = torch.randint(0, vocab_size, (2, 8))
segments = torch.tensor([[0, 0, 0, 0, 1, 1, 1, 1], [0, 0, 0, 1, 1, 1, 1, 1]])
encoded_X = encoder(tokens, segments, torch.tensor([8, 6]))
print(encoded_X.shape)
mlm = MaskLM(vocab_size, num_hiddens, num_inputs=num_hiddens)
mlm_positions = torch.tensor([[1, 5, 2], [6, 1, 5]])
mlm_Y_hat = mlm(encoded_X, mlm_positions)
print(mlm_Y_hat.shape)
mlm_Y = torch.tensor([[7, 8, 9], [10, 20, 29]])
loss = nn.CrossEntropyLoss(reduction="none")
mlm_l = loss(mlm_Y_hat.reshape((-1, vocab_size)), mlm_Y.reshape(-1))
print(mlm_l.shape)
nsp = NextSentencePred(num_hiddens)
nsp_Y_hat = nsp(torch.flatten(encoded_X[:, 0, :], start_dim=1))
nsp_y = torch.tensor([0, 1])
nsp_l = loss(nsp_Y_hat, nsp_y)
print(nsp_Y_hat.shape, nsp_l.shape)
params = list(encoder.parameters()) + list(mlm.parameters()) + list(nsp.parameters())
opt = torch.optim.Adam(params, lr=0.005)
for step in range(5):
    enc = encoder(tokens, segments, torch.tensor([8, 6]))
    l = loss(mlm(enc, mlm_positions).reshape(-1, vocab_size), mlm_Y.reshape(-1)).mean() + \
        loss(nsp(enc[:, 0, :]), nsp_y).mean()
    opt.zero_grad()
    l.backward()
    opt.step()
    print(step, f"{l.item():.5f}", encoder.pos_embedding.grad)
