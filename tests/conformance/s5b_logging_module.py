# The logging module wired into a training loop: a StreamHandler on stdout with a formatter, logger.info
# with %-style tensor args, lazy formatting, log levels, and a metrics dict dumped with json.
import json
import logging
import sys

import torch
import torch.nn as nn

logger = logging.getLogger("train")
logger.setLevel(logging.INFO)
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s: %(message)s"))
logger.addHandler(handler)
logger.propagate = False

torch.manual_seed(0)
model = nn.Linear(5, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(30, 5)
y = x @ torch.arange(1.0, 6.0).unsqueeze(1)
logger.info("Model: %s", model)
logger.info("Params: %d", sum(p.numel() for p in model.parameters()))
metrics = []
for epoch in range(5):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    logger.info("epoch %d loss %.4f", epoch, loss)
    logger.debug("hidden %s", loss)
    metrics.append({"epoch": epoch, "loss": round(loss.item(), 5), "lr": opt.param_groups[0]["lr"]})
    if loss.item() > 100:
        logger.warning("loss too high: %s", loss.item())
logger.warning("final weight %s", model.weight.detach().numpy().round(3).tolist())
print(json.dumps(metrics[-2:]))
try:
    json.dumps({"loss": loss})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"loss": round(loss.item(), 4), "w": model.weight.round(decimals=3).tolist()}, indent=2))
logger.setLevel(logging.DEBUG)
logger.debug("now visible %.2f", torch.tensor(3.14159))
logger.error("shape %s dtype %s", tuple(x.shape), x.dtype)
logger.removeHandler(handler)
