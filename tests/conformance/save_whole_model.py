# torch.save / torch.load of tensors, nested containers, a whole module object, and map_location.
import io

import torch
import torch.nn as nn


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)

    def forward(self, x):
        return self.lin(x).relu()


m = Tiny()
buf = io.BytesIO()
torch.save(m, buf)
buf.seek(0)
m2 = torch.load(buf, weights_only=False)
x = torch.randn(3, 2)
print(type(m2).__name__, torch.equal(m(x), m2(x)), m2)
buf = io.BytesIO()
t = torch.arange(10.0)
view = t[2:5]
torch.save({"t": t, "view": view, "ints": torch.tensor([1, 2], dtype=torch.int16), "b": torch.tensor([True])}, buf)
buf.seek(0)
d = torch.load(buf, map_location="cpu")
print(d["t"], d["view"], d["ints"], d["b"])
d["t"][3] = 100
print(d["view"])
buf = io.BytesIO()
torch.save([1, "two", 3.0, (torch.ones(1),), None], buf)
buf.seek(0)
print(torch.load(buf, map_location=torch.device("cpu")))
buf = io.BytesIO()
torch.save(nn.Parameter(torch.ones(2)), buf)
buf.seek(0)
p = torch.load(buf)
print(type(p).__name__, p.requires_grad)
buf = io.BytesIO()
torch.save(torch.randn(3, 3).t(), buf)
buf.seek(0)
print(torch.load(buf).is_contiguous(), len(buf.getvalue()) > 0)
