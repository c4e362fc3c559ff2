# A "what dtype do I get" table: unary and binary ops over every dtype pair, printing result dtypes and values.
import torch

torch.manual_seed(34)
dtypes = [torch.float32, torch.float64, torch.float16, torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8, torch.bool]
base = torch.tensor([[0, 1, 2], [3, 5, 7]])
for dt in dtypes:
    t = base.to(dt)
    row = [str(dt).replace("torch.", "")]
    for name in ["sum", "mean", "prod", "cumsum", "square", "abs", "neg", "sqrt", "exp", "sigmoid", "all", "any", "max", "argmax"]:
        try:
            r = getattr(t, name)(0) if name == "cumsum" else getattr(t, name)()
            row.append(f"{name}:{str(r.dtype).replace('torch.', '')}")
        except Exception as e:  # noqa: BLE001
            row.append(f"{name}:{type(e).__name__}")
    print(" ".join(row))
    print(t.sum(0), t.float().mean(1), t.square() if dt != torch.bool else t.int().square(), t.all())
    print(t.any(1))
    print(torch.copysign(t, torch.tensor(-1.0)) if dt != torch.bool else torch.copysign(t.float(), -1.0), torch.xlogy(t, t + 1) if dt != torch.bool else "")
for d1 in dtypes:
    cells = []
    for d2 in dtypes:
        a, b = base.to(d1), (base.flip(1) + 1).to(d2)
        try:
            cells.append(str((a + b).dtype).replace("torch.", "")[:5])
        except Exception as e:  # noqa: BLE001
            cells.append(type(e).__name__[:5])
    print(f"{str(d1)[6:]:>8}", " ".join(f"{c:>5}" for c in cells))
for d1 in dtypes:
    a = base.to(d1)
    out = []
    for s in [2, 2.5, True]:
        for op in ["add", "mul", "div", "pow", "sub"]:
            try:
                out.append(str(getattr(a, op)(s).dtype)[6:])
            except Exception as e:  # noqa: BLE001
                out.append(type(e).__name__)
    print(str(d1)[6:], out)
a = torch.tensor([[1.5, -2.0], [0.0, 4.0]])
i = torch.tensor([[3, -1], [0, 2]])
print(a + i, a * i, a / i, i / a, a // i, i // 2, i % 2, torch.fmod(i, 2), a ** i, i ** 2)
print(2 ** i, i.float() ** -1)
print(torch.true_divide(i, 2), torch.floor_divide(a, 2), torch.remainder(a, 1.5))
print(a.xlogy(a.abs() + 1), torch.copysign(i, a))
print(torch.tensor([1, 2], dtype=torch.uint8).all())
print(torch.tensor([0, 2], dtype=torch.uint8).any(), torch.tensor([True, False]).square())
print(torch.lgamma(torch.tensor([0.0, 1.0, -1.0, 2.5])))
print(torch.tensor([0.0, 1.0, 2.0], dtype=torch.float16).sinc(), torch.tensor([1.0, 2.0, 3.0], dtype=torch.float16).log_softmax(0))
