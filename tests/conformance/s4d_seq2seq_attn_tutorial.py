# "NLP From Scratch: translation with a sequence to sequence network and attention": EncoderRNN with GRU,
# BahdanauAttention (Wa, Ua, Va; bmm), AttnDecoderRNN with teacher forcing from targets, NLLLoss over
# log_softmax, Adam for encoder and decoder, greedy decoding that stops at EOS, attention weights printed.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

SOS_token, EOS_token, MAX_LENGTH = 0, 1, 6


class EncoderRNN(nn.Module):
    def __init__(self, input_size, hidden_size, dropout_p=0.1):
        super(EncoderRNN, self).__init__()
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size, batch_first=True)
        self.dropout = nn.Dropout(dropout_p)

    def forward(self, input):
        embedded = self.dropout(self.embedding(input))
        output, hidden = self.gru(embedded)
        return output, hidden


class BahdanauAttention(nn.Module):
    def __init__(self, hidden_size):
        super(BahdanauAttention, self).__init__()
        self.Wa = nn.Linear(hidden_size, hidden_size)
        self.Ua = nn.Linear(hidden_size, hidden_size)
        self.Va = nn.Linear(hidden_size, 1)

    def forward(self, query, keys):
        scores = self.Va(torch.tanh(self.Wa(query) + self.Ua(keys)))
        scores = scores.squeeze(2).unsqueeze(1)
        weights = F.softmax(scores, dim=-1)
        context = torch.bmm(weights, keys)
        return context, weights


class AttnDecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size, dropout_p=0.1):
        super(AttnDecoderRNN, self).__init__()
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.attention = BahdanauAttention(hidden_size)
        self.gru = nn.GRU(2 * hidden_size, hidden_size, batch_first=True)
        self.out = nn.Linear(hidden_size, output_size)
        self.dropout = nn.Dropout(dropout_p)

    def forward(self, encoder_outputs, encoder_hidden, target_tensor=None):
        batch_size = encoder_outputs.size(0)
        decoder_input = torch.empty(batch_size, 1, dtype=torch.long).fill_(SOS_token)
        decoder_hidden = encoder_hidden
        decoder_outputs = []
        attentions = []
        for i in range(MAX_LENGTH):
            decoder_output, decoder_hidden, attn_weights = self.forward_step(
                decoder_input, decoder_hidden, encoder_outputs)
            decoder_outputs.append(decoder_output)
            attentions.append(attn_weights)
            if target_tensor is not None:
                decoder_input = target_tensor[:, i].unsqueeze(1)
            else:
                _, topi = decoder_output.topk(1)
                decoder_input = topi.squeeze(-1).detach()
        decoder_outputs = torch.cat(decoder_outputs, dim=1)
        decoder_outputs = F.log_softmax(decoder_outputs, dim=-1)
        attentions = torch.cat(attentions, dim=1)
        return decoder_outputs, decoder_hidden, attentions

    def forward_step(self, input, hidden, encoder_outputs):
        embedded = self.dropout(self.embedding(input))
        query = hidden.permute(1, 0, 2)
        context, attn_weights = self.attention(query, encoder_outputs)
        input_gru = torch.cat((embedded, context), dim=2)
        output, hidden = self.gru(input_gru, hidden)
        output = self.out(output)
        return output, hidden, attn_weights


torch.manual_seed(0)
n_words = 10
pairs = []
for _ in range(24):
    n = int(torch.randint(2, MAX_LENGTH, ()).item())
    src = torch.randint(2, n_words, (n,)).tolist()
    tgt = [2 + (w * 3) % (n_words - 2) for w in reversed(src)]
    pairs.append((src, tgt))
print(pairs[:3])
inp = torch.zeros(len(pairs), MAX_LENGTH, dtype=torch.long)
tgt = torch.zeros(len(pairs), MAX_LENGTH, dtype=torch.long)
for i, (s, t) in enumerate(pairs):
    inp[i, :len(s)] = torch.tensor(s)
    inp[i, len(s)] = EOS_token if len(s) < MAX_LENGTH else inp[i, len(s) - 1]
    tgt[i, :len(t)] = torch.tensor(t)
    tgt[i, len(t)] = EOS_token
dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(inp, tgt), batch_size=8, shuffle=True)
hidden_size = 24
encoder = EncoderRNN(n_words, hidden_size)
decoder = AttnDecoderRNN(hidden_size, n_words)
encoder_optimizer = optim.Adam(encoder.parameters(), lr=0.01)
decoder_optimizer = optim.Adam(decoder.parameters(), lr=0.01)
criterion = nn.NLLLoss()
for epoch in range(1, 9):
    total_loss = 0
    for input_tensor, target_tensor in dl:
        encoder_optimizer.zero_grad()
        decoder_optimizer.zero_grad()
        encoder_outputs, encoder_hidden = encoder(input_tensor)
        decoder_outputs, _, _ = decoder(encoder_outputs, encoder_hidden, target_tensor)
        loss = criterion(decoder_outputs.view(-1, decoder_outputs.size(-1)), target_tensor.view(-1))
        loss.backward()
        encoder_optimizer.step()
        decoder_optimizer.step()
        total_loss += loss.item()
    if epoch % 2 == 0:
        print(epoch, f"{total_loss / len(dl):.4f}")
encoder.eval()
decoder.eval()
with torch.no_grad():
    for i in range(3):
        encoder_outputs, encoder_hidden = encoder(inp[i:i + 1])
        decoder_outputs, decoder_hidden, decoder_attn = decoder(encoder_outputs, encoder_hidden)
        _, topi = decoder_outputs.topk(1)
        decoded_ids = topi.squeeze()
        decoded_words = []
        for idx in decoded_ids:
            if idx.item() == EOS_token:
                decoded_words.append("<EOS>")
                break
            decoded_words.append(str(idx.item()))
        print(pairs[i], " ".join(decoded_words))
        print(decoder_attn[0, 0], decoder_attn.shape)
