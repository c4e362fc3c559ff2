# Logging loops: f-strings, format() on 0-d tensors, item(), tolist(), str of scalars.
import torch

torch.manual_seed(2)
losses = []
w = torch.randn(3, requires_grad=True)
x = torch.randn(8, 3)
y = x @ torch.tensor([1.0, -2.0, 0.5]) + 0.1
for step in range(5):
    pred = x @ w
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
    losses.append(loss.item())
    print(f"step {step:02d} loss={loss.item():.4f} loss_t={loss:.3f} w0={w[0]:.5f} {loss.item():8.3e}")
print(["%.3f" % v for v in losses])
print("{:.2f}".format(torch.tensor(3.14159)), format(torch.tensor(2.0), ".1f"), format(torch.tensor(7), "d"))
print("%s" % torch.tensor([1, 2]), "%r" % torch.tensor(1.5), str(torch.tensor(4)))
print(f"{torch.tensor(1.5)}", f"{torch.tensor([1.0, 2.0])}", f"{torch.tensor(3)}")
print(f"{torch.tensor(0.123456):.2%}", f"{torch.tensor(12345.678):,.1f}", f"{torch.tensor(5):>6}")
t = torch.tensor([[1.5, 2.0], [3.25, -4.0]])
print(t.item() if t.numel() == 1 else t.tolist(), t[0, 0].item(), type(t[0, 0].item()).__name__)
print(torch.tensor(7).item(), type(torch.tensor(7).item()).__name__, type(torch.tensor(True).item()).__name__)
print(torch.tensor([3]).item(), torch.tensor([[2.5]]).item(), float(torch.tensor(1.25)), int(torch.tensor(9.7)))
print(int(torch.tensor(-9.7)), bool(torch.tensor(0.0)), bool(torch.tensor([1])), complex(torch.tensor(2.0)))
print(torch.tensor([1, 2, 3]).tolist(), torch.tensor([True, False]).tolist(), torch.tensor(2.5).tolist())
print(torch.tensor([1.5], dtype=torch.float16).tolist(), torch.tensor([0.1]).tolist(), torch.tensor([0.1]).double().tolist())
print(torch.tensor([200], dtype=torch.uint8).tolist(), torch.tensor([[1, 2], [3, 4]], dtype=torch.int8).tolist())
acc = (torch.tensor([1, 0, 1, 1]) == torch.tensor([1, 1, 1, 0])).float().mean()
print(f"accuracy: {acc * 100:.1f}%", f"{acc.item():.2%}", round(acc.item(), 3), round(float(acc), 1))
print(f"norm {w.norm():.4f}", f"{w.detach().numpy().round(3)}", w.detach().numpy().dtype)
print("sum", x.sum().item(), "mean", round(x.mean().item(), 5), "max", x.max().item())
total = 0.0
for v in torch.tensor([0.5, 1.5, 2.5]):
    total += v
print(total, type(total).__name__, total.item())
count = sum(torch.tensor([1, 2, 3]))
print(count, type(count).__name__)
print(max(torch.tensor([3.0, 9.0, 1.0])), min(torch.tensor([4, 2, 8])))
print(sorted(torch.tensor([3, 1, 2]).tolist()), list(torch.tensor([1.0, 2.0])))
print(torch.tensor(5) + 1, 1 + torch.tensor(5.0), 2 ** torch.tensor(3), torch.tensor(2) ** 0.5)
print(round(torch.tensor(2.567).item(), 2), abs(torch.tensor(-3)), -torch.tensor(True).int())
print(f"{torch.tensor(1e-8).item():.2e}", f"{torch.tensor(float('nan')).item()}", f"{torch.tensor(float('inf')):.2f}")
print(hash(torch.tensor(1)) is not None, torch.tensor(3).__index__() if hasattr(torch.Tensor, "__index__") else 3)
print([1, 2, 3, 4][torch.tensor(2)], list(range(10))[torch.tensor(1):torch.tensor(4)])
