# Progress printing without tqdm: f-strings and format() on 0-d tensors, str(tensor.item()), round(),
# %-formatting, tensors in lists/dicts, zero-padded epochs, ETA strings and percentages.
import torch

torch.manual_seed(0)
loss = torch.tensor(0.123456789)
acc = torch.tensor(0.875)
big = torch.tensor(12345.6789)
i = torch.tensor(7)
print(f"{loss:.4f} {loss:.2e} {acc:.1%} {big:,.2f} {big:10.1f}|")
print(f"{i:d} {i:03d} {i:>5} {i:<5}|", f"{loss!r}", f"{loss!s}")
print(str(loss.item()), repr(acc.item()), str(i.item()), round(loss.item(), 3), round(big.item()))
print("loss: %.5f acc: %.2f" % (loss, acc), "%d items" % i, "%s" % i)
print("{:.3f} {:>8.2f} {}".format(loss, big, acc))
print(format(loss, ".6f"), format(acc, ""), format(i, "x"))
print(float(loss), int(big), bool(acc > 0.5), complex(torch.tensor(2.0)))
vals = torch.randn(4)
print(f"{vals}")
print(f"{vals.tolist()}")
print([f"{v:.3f}" for v in vals], ", ".join(f"{v:.2f}" for v in vals.tolist()))
print({"loss": loss.item(), "acc": acc.item()}, {"t": loss})
history = {"train_loss": [], "val_acc": []}
for epoch in range(1, 4):
    tl = torch.rand(()) * epoch
    va = torch.rand(())
    history["train_loss"].append(tl.item())
    history["val_acc"].append(va.item())
    print(f"Epoch [{epoch}/{3}], Step [{epoch * 100}/300], Loss: {tl.item():.4f}, Acc: {100 * va:.2f}%")
    print(f"epoch {epoch:03d} | loss {tl:8.5f} | acc {va * 100:5.1f}")
print({k: [round(v, 4) for v in vs] for k, vs in history.items()})
try:
    f"{vals:.2f}"
except TypeError as e:
    print("TypeError", e)
h = torch.tensor(1.5, dtype=torch.float16)
d = torch.tensor(2.25, dtype=torch.float64)
print(f"{h:.3f} {d:.3f} {torch.tensor(True)} {torch.tensor(3, dtype=torch.int8):+d}")
print(f"{torch.tensor([2.5]).item():g}", f"{torch.tensor(1e-8):.2g}", f"{torch.tensor(float('nan')):.2f}")
