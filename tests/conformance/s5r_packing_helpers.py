# torch.nn.utils.rnn tour as in the "padding and packing explained" posts: pad_sequence options,
# PackedSequence fields and printing, pack_padded_sequence sorted/unsorted, pad_packed_sequence with
# total_length and padding_value, pack_sequence/unpack_sequence/unpad_sequence, and the usual errors.
import torch
from torch.nn.utils.rnn import (pack_padded_sequence, pack_sequence, pad_packed_sequence, pad_sequence,
                                unpack_sequence, unpad_sequence)

a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5])
c = torch.tensor([6])
print(pad_sequence([a, b, c]))
print(pad_sequence([a, b, c], batch_first=True, padding_value=-1))
print(pad_sequence([a, b, c], batch_first=True, padding_side="left"))
packed = pack_sequence([a, b, c])
print(packed)
print(packed.data, packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
seqs = [torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0, 5.0]), torch.tensor([6.0])]
p2 = pack_sequence(seqs, enforce_sorted=False)
print(p2)
padded, lengths = pad_packed_sequence(p2, batch_first=True)
print(padded, lengths)
padded, lengths = pad_packed_sequence(p2, padding_value=-9.0, total_length=5)
print(padded.shape, padded[:, 0], lengths)
print([t.tolist() for t in unpack_sequence(p2)])
x = torch.randn(3, 4, 2)
lens = torch.tensor([4, 2, 3])
print([t.shape for t in unpad_sequence(x, lens, batch_first=True)])
pp = pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
print(pp.batch_sizes, pp.sorted_indices, pp.data.shape)
back, bl = pad_packed_sequence(pp, batch_first=True)
print(torch.equal(back[0], x[0]), torch.equal(back[2, :3], x[2, :3]), back[1, 2:].abs().sum().item(), bl)
print(type(pp).__name__, pp._fields if hasattr(pp, "_fields") else None, len(pp))
data, bs, si, ui = pp
print(data.shape, bs, si, ui)
try:
    pack_padded_sequence(x, lens, batch_first=True)
except RuntimeError as e:
    print("RuntimeError:", str(e)[:70])
try:
    pack_padded_sequence(x, torch.tensor([4, 0, 3]), batch_first=True, enforce_sorted=False)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    pad_packed_sequence(pp, total_length=2)
except ValueError as e:
    print("ValueError:", e)
pf = pack_padded_sequence(torch.randn(4, 3, 5, requires_grad=True), [4, 3, 1])
print(pf.data.requires_grad, pf.data.shape, pf.batch_sizes)
print(pf.data.grad_fn is not None)
