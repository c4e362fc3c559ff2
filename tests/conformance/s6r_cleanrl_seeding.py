# CleanRL's seeding/device preamble: random/np/torch seeds, cudnn.deterministic/benchmark flags,
# use_deterministic_algorithms, set_num_threads, cuda/mps availability checks, device selection and
# .to(device, non_blocking=True), cuda.manual_seed_all, initial_seed, a CPU Generator.
import random
import numpy as np
import torch
seed = 1
random.seed(seed)
np.random.seed(seed)
torch.manual_seed(seed)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
torch.use_deterministic_algorithms(True)
torch.set_num_threads(1)
print(torch.get_num_threads(), torch.are_deterministic_algorithms_enabled(), torch.backends.cudnn.deterministic)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
mps = hasattr(torch.backends, "mps") and torch.backends.mps.is_available()
print(device, mps, torch.cuda.device_count())
x = torch.randn(3, device=device)
print(x.to(device, non_blocking=True), x.device.type, str(x.device))
torch.cuda.manual_seed_all(seed)
print(torch.initial_seed(), torch.randn(2))
g = torch.Generator(device="cpu")
g.manual_seed(seed)
print(torch.randn(2, generator=g), g.initial_seed())
print(torch.__version__ >= "2.0", torch.Tensor.__module__ is not None)
