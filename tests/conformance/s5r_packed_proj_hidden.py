# Packed batches in less common combinations: unsorted lengths with user-provided h0/c0 (hidden states are
# permuted with the batch), LSTM proj_size over a PackedSequence, applying a Linear to packed.data and
# rebuilding the PackedSequence, gradients back to the padded input, and PackedSequence.to(dtype).
import torch
import torch.nn as nn
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
x = torch.randn(4, 5, 3, requires_grad=True)
lengths = torch.tensor([2, 5, 3, 4])
packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
lstm = nn.LSTM(3, 6, proj_size=2, batch_first=True, bidirectional=True)
h0 = torch.randn(2, 4, 2)
c0 = torch.randn(2, 4, 6)
out, (hn, cn) = lstm(packed, (h0, c0))
print(type(out).__name__, out.data.shape, out.batch_sizes, out.sorted_indices)
padded, lens = pad_packed_sequence(out, batch_first=True)
print(padded.shape, lens, hn.shape, cn.shape)
for i in range(4):
    single, (hs, cs) = lstm(x[i:i + 1, :lengths[i]], (h0[:, i:i + 1].contiguous(), c0[:, i:i + 1].contiguous()))
    print(i, torch.allclose(single[0], padded[i, :lengths[i]], atol=1e-6), torch.allclose(hs[:, 0], hn[:, i], atol=1e-6),
          torch.allclose(cs[:, 0], cn[:, i], atol=1e-6))
(padded.sum() + hn.sum()).backward()
print(x.grad[0, 2:].abs().sum().item(), x.grad[1].abs().sum().item() > 0, x.grad[0, 0])

proj = nn.Linear(4, 2)
new = PackedSequence(proj(out.data), out.batch_sizes, out.sorted_indices, out.unsorted_indices)
print(new.data.shape, pad_packed_sequence(new, batch_first=True)[0][2])
rep = out._replace(data=out.data.relu())
print(type(rep).__name__, rep.data.min().item() >= 0)
d = packed.to(torch.float64)
print(d.data.dtype, d.batch_sizes.dtype, packed.data.dtype, d.is_cuda)
gru = nn.GRU(3, 4).double()
o, h = gru(pack_padded_sequence(x.detach().double(), lengths, batch_first=True, enforce_sorted=False))
print(o.data.dtype, h.dtype, h[0, 1])
