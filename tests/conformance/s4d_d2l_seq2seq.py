# d2l 9.7 seq2seq toy: GRU Seq2SeqEncoder/Decoder with nn.Embedding, MaskedSoftmaxCELoss (reduction none
# + sequence_mask weights), teacher forcing with a bos column, grad clipping, greedy predict and BLEU.
import collections
import math

import torch
from torch import nn


class Encoder(nn.Module):
    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers, dropout=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size, num_hiddens, num_layers, dropout=dropout)

    def forward(self, X, *args):
        X = self.embedding(X)
        X = X.permute(1, 0, 2)
        output, state = self.rnn(X)
        return output, state


class Decoder(nn.Module):
    def __init__(self, vocab_size, embed_size, num_hiddens, num_layers, dropout=0):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embed_size)
        self.rnn = nn.GRU(embed_size + num_hiddens, num_hiddens, num_layers, dropout=dropout)
        self.dense = nn.Linear(num_hiddens, vocab_size)

    def init_state(self, enc_outputs, *args):
        return enc_outputs[1]

    def forward(self, X, state):
        X = self.embedding(X).permute(1, 0, 2)
        context = state[-1].repeat(X.shape[0], 1, 1)
        X_and_context = torch.cat((X, context), 2)
        output, state = self.rnn(X_and_context, state)
        output = self.dense(output).permute(1, 0, 2)
        return output, state


class EncoderDecoder(nn.Module):
    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def forward(self, enc_X, dec_X, *args):
        enc_outputs = self.encoder(enc_X, *args)
        dec_state = self.decoder.init_state(enc_outputs, *args)
        return self.decoder(dec_X, dec_state)


def sequence_mask(X, valid_len, value=0):
    maxlen = X.size(1)
    mask = torch.arange((maxlen), dtype=torch.float32, device=X.device)[None, :] < valid_len[:, None]
    X[~mask] = value
    return X


class MaskedSoftmaxCELoss(nn.CrossEntropyLoss):
    def forward(self, pred, label, valid_len):
        weights = torch.ones_like(label)
        weights = sequence_mask(weights, valid_len)
        self.reduction = "none"
        unweighted_loss = super(MaskedSoftmaxCELoss, self).forward(pred.permute(0, 2, 1), label)
        weighted_loss = (unweighted_loss * weights).mean(dim=1)
        return weighted_loss


torch.manual_seed(0)
X = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(sequence_mask(X, torch.tensor([1, 2])))
X = torch.ones(2, 3, 4)
print(sequence_mask(X, torch.tensor([1, 2]), value=-1))
loss = MaskedSoftmaxCELoss()
print(loss(torch.ones(3, 4, 10), torch.ones((3, 4), dtype=torch.long), torch.tensor([4, 2, 0])))

vocab, num_steps, pad, bos, eos = 12, 7, 0, 1, 2
src = torch.randint(3, vocab, (16, num_steps))
src_len = torch.randint(3, num_steps + 1, (16,))
for i in range(16):
    src[i, src_len[i] - 1] = eos
    src[i, src_len[i]:] = pad
tgt = src.clone()
tgt_len = src_len.clone()
print(src[:3], src_len)
encoder = Encoder(vocab, 8, 16, 2)
decoder = Decoder(vocab, 8, 16, 2)
net = EncoderDecoder(encoder, decoder)


def xavier_init_weights(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)
    if type(m) == nn.GRU:
        for param in m._flat_weights_names:
            if "weight" in param:
                nn.init.xavier_uniform_(m._parameters[param])


net.apply(xavier_init_weights)
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
net.train()
for epoch in range(12):
    total, tokens = 0.0, 0
    for i in range(0, 16, 8):
        X, X_valid_len, Y, Y_valid_len = src[i:i + 8], src_len[i:i + 8], tgt[i:i + 8], tgt_len[i:i + 8]
        optimizer.zero_grad()
        bos_col = torch.tensor([bos] * Y.shape[0]).reshape(-1, 1)
        dec_input = torch.cat([bos_col, Y[:, :-1]], 1)
        Y_hat, _ = net(X, dec_input, X_valid_len)
        l = loss(Y_hat, Y, Y_valid_len)
        l.sum().backward()
        nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        optimizer.step()
        total += l.sum().item()
        tokens += Y_valid_len.sum().item()
    if epoch % 3 == 2:
        print(epoch, f"loss {total / tokens:.4f}")


def predict_seq2seq(net, src_tokens, num_steps):
    net.eval()
    enc_X = torch.unsqueeze(src_tokens, dim=0)
    enc_outputs = net.encoder(enc_X)
    dec_state = net.decoder.init_state(enc_outputs)
    dec_X = torch.unsqueeze(torch.tensor([bos], dtype=torch.long), dim=0)
    output_seq = []
    for _ in range(num_steps):
        Y, dec_state = net.decoder(dec_X, dec_state)
        dec_X = Y.argmax(dim=2)
        pred = dec_X.squeeze(dim=0).type(torch.int32).item()
        if pred == eos:
            break
        output_seq.append(pred)
    return output_seq


def bleu(pred_seq, label_seq, k):
    len_pred, len_label = len(pred_seq), len(label_seq)
    score = math.exp(min(0, 1 - len_label / max(len_pred, 1)))
    for n in range(1, k + 1):
        num_matches, label_subs = 0, collections.defaultdict(int)
        for i in range(len_label - n + 1):
            label_subs[" ".join(map(str, label_seq[i: i + n]))] += 1
        for i in range(len_pred - n + 1):
            if label_subs[" ".join(map(str, pred_seq[i: i + n]))] > 0:
                num_matches += 1
                label_subs[" ".join(map(str, pred_seq[i: i + n]))] -= 1
        score *= math.pow(num_matches / max(len_pred - n + 1, 1), math.pow(0.5, n))
    return score


for i in range(4):
    pred = predict_seq2seq(net, src[i], num_steps)
    label = src[i][: src_len[i] - 1].tolist()
    print(label, pred, f"bleu {bleu(pred, label, k=2):.3f}")
