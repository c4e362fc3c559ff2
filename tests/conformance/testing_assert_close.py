# torch.testing.assert_close: passing cases, and the reports of failing ones.
import torch
from torch.testing import assert_close


def check(label, *args, **kwargs):
    try:
        assert_close(*args, **kwargs)
        print(label, "ok")
    except (AssertionError, TypeError, ValueError) as e:
        print(label, type(e).__name__)
        print(str(e))


a = torch.tensor([1.0, 2.0, 3.0])
check("same", a, a.clone())
check("tiny diff", a, a + 1e-7)
check("diff", a, torch.tensor([1.0, 2.1, 3.0]))
check("rtol/atol", a, a * 1.01, rtol=0.02, atol=0.0)
check("dtype", a, a.double())
check("dtype off", a, a.double(), check_dtype=False)
check("shape", torch.ones(2), torch.ones(3))
check("nan", torch.tensor([1.0, float("nan")]), torch.tensor([1.0, float("nan")]))
check("nan equal", torch.tensor([1.0, float("nan")]), torch.tensor([1.0, float("nan")]), equal_nan=True)
check("ints", torch.tensor([1, 2, 3]), torch.tensor([1, 2, 4]))
check("2d", torch.zeros(2, 3), torch.tensor([[0.0, 0.0, 0.0], [0.0, 0.5, -0.25]]))
check("list", [a, torch.ones(2)], [a, torch.ones(2)])
check("dict", {"w": a}, {"w": a})
check("scalars", 1.0, 1.0 + 1e-9)
check("custom msg", a, a + 1, msg="values drifted")
check("only rtol", a, a, rtol=1e-3)
x = torch.linspace(-1, 1, 5)
check("sin", torch.sin(x), x - x ** 3 / 6 + x ** 5 / 120, atol=1e-3, rtol=0)
print(torch.allclose(a, a + 1e-6), torch.isclose(a, torch.tensor([1.0, 2.5, 3.0])))
