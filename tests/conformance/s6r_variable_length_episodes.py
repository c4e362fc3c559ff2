# Variable-length episodes: split a flat rollout by episode lengths with torch.split, pad_sequence /
# pack_padded_sequence through an LSTM critic, masks from arange < lengths, masked mean losses, per-episode
# discounted returns via cumprod of gammas, and unpacking with pad_packed_sequence.
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
lengths = [5, 2, 7, 3]
obs = torch.randn(sum(lengths), 3)
rew = torch.randn(sum(lengths))
eps_obs = torch.split(obs, lengths)
eps_rew = torch.split(rew, lengths)
print([e.shape for e in eps_obs])
padded = pad_sequence(eps_obs, batch_first=True)
rpad = pad_sequence(eps_rew, batch_first=True, padding_value=0.0)
L = torch.tensor(lengths)
mask = torch.arange(padded.shape[1]).unsqueeze(0) < L.unsqueeze(1)
print(padded.shape, mask.int())
gamma = 0.9
T = padded.shape[1]
disc = torch.cumprod(torch.full((T,), gamma), 0) / gamma
ret = torch.stack([(disc[: T - t] * rpad[:, t:]).sum(1) for t in range(T)], 1) * mask
print(ret)
lstm = nn.LSTM(3, 8, batch_first=True)
head = nn.Linear(8, 1)
opt = torch.optim.Adam([*lstm.parameters(), *head.parameters()], lr=1e-2)
for it in range(5):
    packed = pack_padded_sequence(padded, L, batch_first=True, enforce_sorted=False)
    out, (h, c) = lstm(packed)
    out, out_len = pad_packed_sequence(out, batch_first=True, total_length=T)
    v = head(out).squeeze(-1)
    loss = ((v - ret) ** 2 * mask).sum() / mask.sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(it, f"{loss.item():.6f}", out_len.tolist(), h.shape)
print(v * mask)
flat = v[mask]
print(flat.shape, torch.cat([e for e in torch.split(flat.detach(), lengths)]).shape)
srt, order = L.sort(descending=True)
print(srt, order, order.argsort())
