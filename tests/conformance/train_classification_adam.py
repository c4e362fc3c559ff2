# Three-class classification of Gaussian blobs with Adam and cross-entropy.
import torch
import torch.nn as nn
import torch.nn.functional as F

centers = torch.tensor([[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]])
labels = torch.arange(3).repeat_interleave(30)
points = centers[labels] + 0.6 * torch.randn(90, 2)


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 32)
        self.fc2 = nn.Linear(32, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


model = Classifier()
opt = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(80):
    logits = model(points)
    loss = F.cross_entropy(logits, labels)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 20 == 19:
        acc = (logits.argmax(dim=1) == labels).float().mean()
        print(f"step {step + 1} loss {loss.item():.5f} acc {acc.item():.4f}")
probs = F.softmax(model(points[:5]), dim=-1)
print(probs)
print(probs.sum(dim=1))
print(torch.max(probs, dim=1))
print(opt.state_dict()["param_groups"])
