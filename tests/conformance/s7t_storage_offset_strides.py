# storage_offset and stride after t/permute/expand/unsqueeze/narrow/step slicing, as in PyTorch internals posts.
import torch

x = torch.arange(24.0).reshape(2, 3, 4)
cases = {
    "x": x, "t01": x.transpose(0, 1), "perm": x.permute(2, 0, 1), "x1": x[1], "x_1_2": x[1, 2],
    "step": x[:, ::2, 1::2], "neg_last": x[..., 3], "narrow": x.narrow(2, 1, 2), "unsq0": x.unsqueeze(0),
    "unsq_end": x.unsqueeze(-1), "exp": x[:, :1, :].expand(2, 5, 4), "exp_new": x[0, 0].expand(3, 4),
    "none": x[None, :, None], "sel_step": x[1, ::2, ::3], "flat_step": x.view(-1)[3::5],
    "diag": x[0].diagonal(), "diag_off": x[0].diagonal(1), "tail": x.view(-1)[20:],
}
for name, v in cases.items():
    print(f"{name:9s} {tuple(v.shape)} stride={v.stride()} off={v.storage_offset()} contig={v.is_contiguous()}")
    print("  ", v.flatten().tolist()[:6])
print(x.stride(0), x.stride(-1), x.permute(2, 0, 1).stride(1))
m = torch.zeros(5, 4)
print(m[2:, 1:].storage_offset(), m[2:, 1:].stride(), m.t()[1:].storage_offset())
print(torch.tensor(3.0).stride(), torch.tensor(3.0).storage_offset(), torch.zeros(0, 3).stride())
