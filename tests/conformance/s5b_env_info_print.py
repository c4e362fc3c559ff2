# The "print your environment" block at the top of notebooks and scripts: versions, accelerator checks,
# guarded CUDA queries, backend flags, thread counts, sharing strategy, and get_worker_info outside workers.
import platform
import sys

import numpy as np
import torch
import torch.multiprocessing as mp

print("python ok", sys.version_info >= (3, 8), platform.system() != "")
print("numpy", np.__version__ >= "1.0", "torch", torch.__version__.split("+")[0].count(".") == 2)
print("CUDA available:", torch.cuda.is_available())
if torch.cuda.is_available():
    print("GPU:", torch.cuda.get_device_name(0), torch.cuda.get_device_capability())
    print(torch.cuda.memory_allocated() / 1e9, torch.cuda.max_memory_allocated())
else:
    print("GPU: none")
print("device count:", torch.cuda.device_count(), "xpu:", torch.xpu.is_available())
print("MPS:", torch.backends.mps.is_available(), "cudnn:", torch.backends.cudnn.enabled)
print("CUDA version:", torch.version.cuda)
device = ("cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available()
          else "xpu" if torch.xpu.is_available() else "cpu")
print("device:", device)
print("default dtype:", torch.get_default_dtype(), "grad enabled:", torch.is_grad_enabled())
print("threads >= 1:", torch.get_num_threads() >= 1)
print("sharing:", mp.get_sharing_strategy() in mp.get_all_sharing_strategies())
mp.set_sharing_strategy("file_system")
print(mp.get_sharing_strategy(), sorted(mp.get_all_sharing_strategies()))
print("worker info:", torch.utils.data.get_worker_info())
print("deterministic:", torch.are_deterministic_algorithms_enabled())
print("anomaly:", torch.is_anomaly_enabled())
print("distributed:", torch.distributed.is_available(), torch.distributed.is_initialized())
print(f"{'torch':<10}{torch.__version__ >= '2':>6}")
if torch.cuda.is_available():
    torch.cuda.synchronize()
    torch.cuda.reset_peak_memory_stats()
torch.cuda.empty_cache()
print(torch.cuda.is_initialized() if hasattr(torch.cuda, "is_initialized") else False)
