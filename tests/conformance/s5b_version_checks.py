# torch.__version__ checks as seen in compatibility shims: string ops, comparisons against strings and
# tuples, packaging-free parsing, version.cuda, feature flags chosen from the version.
import torch

v = torch.__version__
print(isinstance(v, str), v.split("+")[0].count("."), v.startswith("2."))
print(v >= "1.8", v >= "2.0.0", v < "3", v > (1, 9), v >= (2, 0), v < (9, 0, 0))
major, minor = (int(p) for p in v.split(".")[:2])
print(major >= 2, (major, minor) >= (1, 10))
TORCH_2 = int(v.split(".")[0]) >= 2
print("torch2" if TORCH_2 else "torch1")
base = v.split("+")[0]
print(tuple(int(p) for p in base.split(".")) >= (2, 1, 0))
print(torch.version.cuda is None, torch.cuda.is_available())
print(hasattr(torch, "compile"), hasattr(torch.nn.functional, "scaled_dot_product_attention"))
use_sdpa = hasattr(torch.nn.functional, "scaled_dot_product_attention") and v >= "2.0"
print(use_sdpa)
q = torch.randn(1, 2, 3, 4)
if use_sdpa:
    out = torch.nn.functional.scaled_dot_product_attention(q, q, q, is_causal=True)
else:
    out = q
print(out.shape)
print(str(torch.__version__) == v, f"{v}".split(".")[0])
print(torch.backends.mps.is_available(), torch.backends.mkldnn.is_available() in (True, False))
try:
    from torch import inference_mode
except ImportError:
    inference_mode = torch.no_grad
with inference_mode():
    print(torch.ones(2).requires_grad)
print(int(torch.__version__.split(".")[0]) > 1 and "ok")
