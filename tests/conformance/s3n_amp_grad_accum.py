# Training-loop boilerplate from "mixed precision + gradient accumulation" posts, run on a CPU:
# autocast regions for an unavailable CUDA (disabled), GradScaler on "cpu" (scaling, unscale_ + clipping,
# skipped steps on inf), gradient accumulation with loss / accum_steps, and manual warmup of the lr.
import warnings
import torch
import torch.nn as nn

warnings.simplefilter("ignore")
torch.manual_seed(0)
X = torch.randn(64, 6)
y = (X[:, :3].sum(1) > 0).long()
model = nn.Sequential(nn.Linear(6, 16), nn.GELU(), nn.Dropout(0.1), nn.Linear(16, 2))
opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
device_type = "cuda" if torch.cuda.is_available() else "cpu"
scaler = torch.amp.GradScaler("cpu", init_scale=2.0 ** 10, growth_interval=3)
cuda_scaler = torch.cuda.amp.GradScaler()
print(device_type, scaler.is_enabled(), cuda_scaler.is_enabled(), scaler.get_scale(), cuda_scaler.get_scale())
accum_steps, base_lr, warmup = 4, 3e-3, 5
step = 0
for epoch in range(3):
    perm = torch.randperm(64)
    opt.zero_grad(set_to_none=True)
    for i in range(0, 64, 8):
        idx = perm[i:i + 8]
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            logits = model(X[idx])
            loss = nn.functional.cross_entropy(logits, y[idx]) / accum_steps
        print(f"  micro {i // 8} dtype {logits.dtype} loss {loss.item():.5f}")
        scaler.scale(loss).backward()
        if (i // 8 + 1) % accum_steps == 0:
            step += 1
            for g in opt.param_groups:
                g["lr"] = base_lr * min(1.0, step / warmup)
            if step == 3:
                model[0].weight.grad[0, 0] = float("inf")
            scaler.unscale_(opt)
            norm = nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(opt)
            scaler.update()
            opt.zero_grad(set_to_none=True)
            print(f"step {step} lr {opt.param_groups[0]['lr']:.6f} grad_norm {norm.item():.4f} "
                  f"scale {scaler.get_scale()} finite {torch.isfinite(norm).item()}")
    model.eval()
    with torch.no_grad(), torch.autocast(device_type="cuda", enabled=False):
        acc = (model(X).argmax(1) == y).float().mean().item()
    model.train()
    print(f"epoch {epoch} acc {acc:.4f} state {scaler.state_dict()}")
ckpt = {"model": model.state_dict(), "optimizer": opt.state_dict(), "scaler": scaler.state_dict()}
scaler2 = torch.amp.GradScaler("cpu")
scaler2.load_state_dict(ckpt["scaler"])
print(scaler2.get_scale(), scaler2.get_growth_interval(), scaler2.get_backoff_factor(), scaler2.get_growth_factor())
print(sorted(ckpt["optimizer"]["state"][0].keys()), ckpt["optimizer"]["param_groups"][0]["lr"])
print(cuda_scaler.scale(torch.tensor(3.0)), cuda_scaler.state_dict())
