# Training on scikit-learn toy data the way blog posts do: make_moons / make_classification /
# load_iris, train_test_split + StandardScaler in NumPy, torch.from_numpy(...).float(), an MLP, then
# predictions back to NumPy for sklearn's accuracy_score / confusion_matrix / classification metrics.
import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import load_iris, make_classification, make_moons
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

torch.manual_seed(0)
X, y = make_moons(n_samples=200, noise=0.2, random_state=42)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
print(X_train.dtype, X_train.shape, y_train[:10])
X_train_t = torch.from_numpy(X_train).float()
y_train_t = torch.from_numpy(y_train).float().unsqueeze(1)
X_test_t = torch.tensor(X_test, dtype=torch.float32)
print(torch.from_numpy(X_train).dtype, X_train_t.dtype, y_train_t.shape)
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.03)
loss_fn = nn.BCEWithLogitsLoss()
for epoch in range(100):
    logits = model(X_train_t)
    loss = loss_fn(logits, y_train_t)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 20 == 0:
        preds = (torch.sigmoid(logits) > 0.5).float()
        print(f"epoch {epoch} loss {loss.item():.4f} train acc {(preds == y_train_t).float().mean().item():.3f}")
with torch.no_grad():
    y_pred = (torch.sigmoid(model(X_test_t)) > 0.5).int().squeeze(1).numpy()
print("test accuracy", accuracy_score(y_test, y_pred), f1_score(y_test, y_pred))
print(confusion_matrix(y_test, y_pred))

iris = load_iris()
Xi, yi = iris.data, iris.target
Xtr, Xte, ytr, yte = train_test_split(Xi, yi, test_size=0.2, random_state=1, stratify=yi)
scaler = StandardScaler().fit(Xtr)
Xtr_t = torch.FloatTensor(scaler.transform(Xtr))
Xte_t = torch.FloatTensor(scaler.transform(Xte))
ytr_t = torch.LongTensor(ytr)
yte_t = torch.tensor(yte)
print(Xtr_t.mean(0), Xtr_t.std(0, unbiased=False), ytr_t.bincount(), yte_t.dtype)


class IrisNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(4, 10), nn.Tanh(), nn.Linear(10, 3))

    def forward(self, x):
        return self.layers(x)


net = IrisNet()
opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
for epoch in range(60):
    out = net(Xtr_t)
    loss = nn.CrossEntropyLoss()(out, ytr_t)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if epoch % 15 == 14:
        print(epoch + 1, round(loss.item(), 5))
with torch.no_grad():
    probs = torch.softmax(net(Xte_t), dim=1)
pred = probs.argmax(1).numpy()
print(accuracy_score(yte, pred), confusion_matrix(yte, pred).tolist(), probs[:3].numpy().round(4))
print(iris.target_names[pred[:5]], np.bincount(pred, minlength=3))

Xc, yc = make_classification(n_samples=120, n_features=6, n_informative=4, random_state=3)
Xc_t = torch.as_tensor(Xc, dtype=torch.float32)
w = torch.zeros(6, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.LBFGS([w, b], lr=0.5, max_iter=20)
yc_t = torch.as_tensor(yc, dtype=torch.float32)


def closure():
    opt.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(Xc_t @ w + b, yc_t) + 1e-3 * w.pow(2).sum()
    loss.backward()
    return loss


for i in range(3):
    print("lbfgs", round(opt.step(closure).item(), 5))
print(w.detach().numpy().round(3), ((Xc_t @ w + b > 0).float() == yc_t).float().mean().item())
