# nanoGPT train.py harness on CPU: tf32 flags, nullcontext vs autocast selection, GradScaler(enabled=False)
# scale/unscale_/step/update, inspect.signature check for AdamW 'fused', gradient accumulation with
# loss / steps, crop_block_size by re-wrapping wpe in nn.Parameter and slicing the mask buffer,
# checkpoint dict save/load through BytesIO with the '_orig_mod.' prefix strip.
import inspect
import io
from contextlib import nullcontext

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1337)
torch.backends.cuda.matmul.allow_tf32 = True
torch.backends.cudnn.allow_tf32 = True
device = "cpu"
device_type = "cuda" if "cuda" in device else "cpu"
dtype = "float32"
ptdtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
ctx = nullcontext() if device_type == "cpu" else torch.amp.autocast(device_type=device_type, dtype=ptdtype)
print(device_type, ptdtype, torch.cuda.is_available())


class Tiny(nn.Module):
    def __init__(self, V=16, C=8, block_size=8):
        super().__init__()
        self.wte = nn.Embedding(V, C)
        self.wpe = nn.Embedding(block_size, C)
        self.register_buffer("bias", torch.tril(torch.ones(block_size, block_size)).view(1, 1, block_size, block_size))
        self.head = nn.Linear(C, V)

    def forward(self, idx, targets):
        T = idx.size(1)
        x = self.wte(idx) + self.wpe(torch.arange(T, device=idx.device))
        att = (x @ x.transpose(-2, -1)).unsqueeze(1)
        att = att.masked_fill(self.bias[:, :, :T, :T] == 0, float("-inf")).softmax(-1)
        x = (att @ x.unsqueeze(1)).squeeze(1)
        logits = self.head(x)
        return logits, F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))

    def crop_block_size(self, block_size):
        self.wpe.weight = nn.Parameter(self.wpe.weight[:block_size])
        self.bias = self.bias[:, :, :block_size, :block_size]


model = Tiny().to(device)
fused_available = "fused" in inspect.signature(torch.optim.AdamW).parameters
use_fused = fused_available and device_type == "cuda"
extra_args = dict(fused=True) if use_fused else dict()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, betas=(0.9, 0.95), **extra_args)
scaler = torch.cuda.amp.GradScaler(enabled=(dtype == "float16"))
print(fused_available, use_fused, scaler.is_enabled())
data = torch.randint(0, 16, (64,))
gradient_accumulation_steps = 3
for it in range(4):
    for micro_step in range(gradient_accumulation_steps):
        ix = torch.randint(len(data) - 8, (2,))
        X = torch.stack([data[i:i + 8] for i in ix])
        Y = torch.stack([data[i + 1:i + 9] for i in ix])
        with ctx:
            logits, loss = model(X, Y)
            loss = loss / gradient_accumulation_steps
        scaler.scale(loss).backward()
    scaler.unscale_(optimizer)
    gn = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    scaler.step(optimizer)
    scaler.update()
    optimizer.zero_grad(set_to_none=True)
    lossf = loss.item() * gradient_accumulation_steps
    print(f"iter {it}: loss {lossf:.4f}, norm {gn.item():.4f}")
model.crop_block_size(4)
print(model.wpe.weight.shape, model.bias.shape, isinstance(model.wpe.weight, nn.Parameter))
X = data[:4].view(1, 4)
print(model(X, data[1:5].view(1, 4))[1])
checkpoint = {"model": {"_orig_mod." + k: v for k, v in model.state_dict().items()},
              "optimizer": optimizer.state_dict(), "iter_num": 4, "best_val_loss": 1.5,
              "model_args": dict(V=16, C=8, block_size=4)}
buf = io.BytesIO()
torch.save(checkpoint, buf)
buf.seek(0)
ck = torch.load(buf, map_location=device)
state_dict = ck["model"]
unwanted_prefix = "_orig_mod."
for k, v in list(state_dict.items()):
    if k.startswith(unwanted_prefix):
        state_dict[k[len(unwanted_prefix):]] = state_dict.pop(k)
m2 = Tiny(**ck["model_args"])
print(m2.load_state_dict(state_dict), ck["iter_num"], ck["best_val_loss"])
print(torch.equal(m2.head.weight, model.head.weight), sorted(state_dict.keys()))
