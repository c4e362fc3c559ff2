# Storage sizes (nbytes) and offsets of op results: a fresh result owns exactly its elements, views the base's.
import torch

torch.manual_seed(8)
x = torch.randn(4, 6)
res = {
    "add": x + 1, "sum0": x.sum(0), "sum_keep": x.sum(1, keepdim=True), "mean": x.mean(), "t_reshape": x.t().reshape(24),
    "cat": torch.cat([x, x], 1), "stack": torch.stack([x, x]), "matmul": x @ x.t(), "max0": x.max(0).values,
    "argmax": x.argmax(1), "sort": x.sort(1).values, "topk": x.topk(2).values, "softmax": x.softmax(1),
    "cumsum": x.cumsum(0), "flip": x.flip(1), "index": x[[0, 2]], "mask": x[x > 0], "where": torch.where(x > 0, x, 0.0),
    "clone_t": x.t().clone(), "repeat": x.repeat(2, 1), "tril": x.tril(), "pad": torch.nn.functional.pad(x, (1, 1)),
    "expand_c": x[:1].expand(3, 6).contiguous(), "relu": x.relu(), "abs": x.abs(), "int": x.int(), "bool": x > 0,
    "norm": x.norm(dim=1), "var": x.var(0), "roll": x.roll(1, 0), "outer": torch.outer(x[0], x[1]),
    "gather": x.gather(1, torch.zeros(4, 2, dtype=torch.long)), "nonzero": (x > 0).nonzero(),
    "unique": torch.tensor([3, 1, 3]).unique(), "diag_embed": torch.diag(x[0]), "einsum": torch.einsum("ij->j", x),
}
for name, r in res.items():
    print(f"{name:10s} {tuple(r.shape)} nbytes={r.untyped_storage().nbytes()} off={r.storage_offset()} {r.stride()}")
views = {
    "unbind": x.unbind(0)[2], "split": x.split(2, 1)[1], "chunk": x.chunk(3, 0)[1], "tensor_split": x.tensor_split(3, 1)[2],
    "select": x[3], "narrow": x.narrow(1, 2, 3), "diag": x.diagonal(1), "hsplit": torch.hsplit(x, 2)[1],
    "vsplit": torch.vsplit(x, 2)[1], "movedim": x.movedim(1, 0), "swapaxes": x.swapaxes(0, 1), "view_as": x.view_as(x),
}
for name, v in views.items():
    print(f"{name:12s} nbytes={v.untyped_storage().nbytes()} off={v.storage_offset()} {v.stride()} {v.is_contiguous()}")
