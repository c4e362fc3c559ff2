# "Save and load the model": state_dict round trips through a BytesIO and a temp file, weights_only,
# whole-model save, checkpoint dict with optimizer, load_state_dict strict=False reporting keys.
import io
import os
import tempfile

import torch
import torch.nn as nn
import torch.optim as optim


class TheModelClass(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 3)
        self.pool = nn.MaxPool2d(2, 2)
        self.bn = nn.BatchNorm2d(6)
        self.fc1 = nn.Linear(6 * 3 * 3, 12)
        self.fc2 = nn.Linear(12, 4)

    def forward(self, x):
        x = self.pool(torch.relu(self.bn(self.conv1(x))))
        x = x.view(-1, 6 * 3 * 3)
        x = torch.relu(self.fc1(x))
        return self.fc2(x)


torch.manual_seed(0)
model = TheModelClass()
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
x = torch.randn(5, 3, 8, 8)
y = torch.randint(0, 4, (5,))
for epoch in range(3):
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    print(epoch, round(loss.item(), 5))
print("Model's state_dict:")
for param_tensor in model.state_dict():
    print(param_tensor, "\t", model.state_dict()[param_tensor].size())
print("Optimizer's state_dict:")
for var_name in optimizer.state_dict():
    print(var_name, "\t", optimizer.state_dict()[var_name])

buf = io.BytesIO()
torch.save(model.state_dict(), buf)
buf.seek(0)
model2 = TheModelClass()
print(model2.load_state_dict(torch.load(buf, weights_only=True)))
model2.eval()
model.eval()
print(torch.equal(model(x), model2(x)), model2(x))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "ckpt.tar")
    torch.save({"epoch": 3, "model_state_dict": model.state_dict(),
                "optimizer_state_dict": optimizer.state_dict(), "loss": loss}, path)
    model3 = TheModelClass()
    optimizer3 = optim.SGD(model3.parameters(), lr=0.5)
    checkpoint = torch.load(path, weights_only=True)
    model3.load_state_dict(checkpoint["model_state_dict"])
    optimizer3.load_state_dict(checkpoint["optimizer_state_dict"])
    print(checkpoint["epoch"], checkpoint["loss"], optimizer3.param_groups[0]["lr"])
    model3.train()
    model.train()
    for step in range(2):
        for m, o in ((model, optimizer), (model3, optimizer3)):
            o.zero_grad()
            l2 = nn.functional.cross_entropy(m(x), y)
            l2.backward()
            o.step()
        print(step, l2.item(), torch.allclose(model.fc2.weight, model3.fc2.weight))
    path2 = os.path.join(d, "model.pth")
    torch.save(model, path2)
    whole = torch.load(path2, weights_only=False)
    print(type(whole).__name__, whole.fc2.bias)

sd = model.state_dict()
sd.pop("fc2.bias")
sd["extra.weight"] = torch.zeros(1)
res = TheModelClass().load_state_dict(sd, strict=False)
print(res.missing_keys, res.unexpected_keys)
try:
    TheModelClass().load_state_dict(sd)
except RuntimeError as e:
    print("RuntimeError", str(e).splitlines()[0])
print(model.bn.num_batches_tracked, model.bn.running_mean)
