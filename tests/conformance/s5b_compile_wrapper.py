# What `model = torch.compile(model)` hands back before it is ever run: an OptimizedModule wrapping
# `_orig_mod`, '_orig_mod.'-prefixed state_dict keys (and the prefix-stripping people write when saving),
# train/eval and attribute delegation, parameter counts, and unwrapping for checkpoints.
import io

import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
compiled = torch.compile(model)
print(type(compiled).__name__, isinstance(compiled, nn.Module), compiled._orig_mod is model)
print(compiled)
print(list(compiled.state_dict().keys()))
print(sum(p.numel() for p in compiled.parameters()), [n for n, _ in compiled.named_modules()])
print(len(compiled), compiled.training)
compiled.eval()
print(model.training, compiled.training, model[0].training)
compiled.train()
print(model.training, compiled.training)
raw = compiled._orig_mod if hasattr(compiled, "_orig_mod") else compiled
print(raw is model, list(raw.state_dict())[:2])
sd = {k.replace("_orig_mod.", ""): v for k, v in compiled.state_dict().items()}
unwanted_prefix = "_orig_mod."
sd2 = dict(compiled.state_dict())
for k in list(sd2.keys()):
    if k.startswith(unwanted_prefix):
        sd2[k[len(unwanted_prefix):]] = sd2.pop(k)
print(sorted(sd) == sorted(sd2), sorted(sd))
fresh = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
print(fresh.load_state_dict(sd))
x = torch.randn(3, 4)
print(torch.equal(fresh(x), model(x)))
try:
    fresh.load_state_dict(compiled.state_dict())
except RuntimeError as e:
    print("RuntimeError", str(e).splitlines()[0])
lin = torch.compile(nn.Linear(3, 2))
print(lin.in_features, lin.weight.shape, lin.bias.requires_grad, type(lin._orig_mod).__name__)
lin.new_attr = 5
print(lin._orig_mod.new_attr, hasattr(lin, "new_attr"))
buf = io.BytesIO()
torch.save(compiled._orig_mod.state_dict(), buf)
buf.seek(0)
print(list(torch.load(buf)))
opt = torch.optim.SGD(compiled.parameters(), lr=0.1)
print(len(opt.param_groups[0]["params"]))
y = torch.randint(0, 2, (3,))
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(compiled._orig_mod(x), y)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}")
print(torch.compile(model, disable=True) is model, type(torch.compile(model, mode="reduce-overhead")).__name__)
try:
    torch.compile(model, mode="default", options={"a": 1})
except RuntimeError as e:
    print("RuntimeError:", e)
m2 = nn.Linear(2, 2)
m2.compile()
print(type(m2).__name__, list(m2.state_dict()))
print(torch.compiler.is_compiling(), torch.compiler.is_dynamo_compiling())
