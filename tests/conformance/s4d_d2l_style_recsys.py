# d2l 13.12 style-transfer mechanics on random tensors (a SynthesizedImage module whose only parameter is
# the image, gram matrices, content/style/TV losses, Adam + StepLR) and d2l 16.3 matrix factorization with
# nn.Embedding user/item factors and biases trained with a weight-decayed Adam and RMSE evaluation.
import torch
from torch import nn

torch.manual_seed(0)
feat = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(),
                     nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU())
for p in feat.parameters():
    p.requires_grad_(False)
style_layers, content_layers = [1, 6], [3]


def extract_features(X, content_layers, style_layers):
    contents = []
    styles = []
    for i in range(len(feat)):
        X = feat[i](X)
        if i in style_layers:
            styles.append(X)
        if i in content_layers:
            contents.append(X)
    return contents, styles


def content_loss(Y_hat, Y):
    return torch.square(Y_hat - Y.detach()).mean()


def gram(X):
    num_channels, n = X.shape[1], X.numel() // X.shape[1]
    X = X.reshape((num_channels, n))
    return torch.matmul(X, X.T) / (num_channels * n)


def style_loss(Y_hat, gram_Y):
    return torch.square(gram(Y_hat) - gram_Y.detach()).mean()


def tv_loss(Y_hat):
    return 0.5 * (torch.abs(Y_hat[:, :, 1:, :] - Y_hat[:, :, :-1, :]).mean() +
                  torch.abs(Y_hat[:, :, :, 1:] - Y_hat[:, :, :, :-1]).mean())


content_weight, style_weight, tv_weight = 1, 1e3, 10


def compute_loss(X, contents_Y_hat, styles_Y_hat, contents_Y, styles_Y_gram):
    contents_l = [content_loss(Y_hat, Y) * content_weight for Y_hat, Y in zip(contents_Y_hat, contents_Y)]
    styles_l = [style_loss(Y_hat, Y) * style_weight for Y_hat, Y in zip(styles_Y_hat, styles_Y_gram)]
    tv_l = tv_loss(X) * tv_weight
    l = sum(10 * styles_l + contents_l + [tv_l])
    return contents_l, styles_l, tv_l, l


class SynthesizedImage(nn.Module):
    def __init__(self, img_shape, **kwargs):
        super(SynthesizedImage, self).__init__(**kwargs)
        self.weight = nn.Parameter(torch.rand(*img_shape))

    def forward(self):
        return self.weight


content_X = torch.rand(1, 3, 16, 16)
style_X = torch.rand(1, 3, 16, 16)
contents_Y, _ = extract_features(content_X, content_layers, style_layers)
_, styles_Y = extract_features(style_X, content_layers, style_layers)
styles_Y_gram = [gram(Y) for Y in styles_Y]
gen_img = SynthesizedImage(content_X.shape)
gen_img.weight.data.copy_(content_X.data)
trainer = torch.optim.Adam(gen_img.parameters(), lr=0.05)
scheduler = torch.optim.lr_scheduler.StepLR(trainer, 4, 0.8)
X = gen_img()
for epoch in range(10):
    trainer.zero_grad()
    contents_Y_hat, styles_Y_hat = extract_features(X, content_layers, style_layers)
    contents_l, styles_l, tv_l, l = compute_loss(X, contents_Y_hat, styles_Y_hat, contents_Y, styles_Y_gram)
    l.backward()
    trainer.step()
    scheduler.step()
    if (epoch + 1) % 2 == 0:
        print(epoch + 1, f"{float(sum(contents_l)):.6f}", f"{float(sum(styles_l)):.6f}", f"{float(tv_l):.6f}")
print(X.shape, X.mean(), feat[0].weight.grad)


class MF(nn.Module):
    def __init__(self, num_factors, num_users, num_items, **kwargs):
        super(MF, self).__init__(**kwargs)
        self.P = nn.Embedding(num_embeddings=num_users, embedding_dim=num_factors)
        self.Q = nn.Embedding(num_embeddings=num_items, embedding_dim=num_factors)
        self.user_bias = nn.Embedding(num_users, 1)
        self.item_bias = nn.Embedding(num_items, 1)

    def forward(self, user_id, item_id):
        P_u = self.P(user_id)
        Q_i = self.Q(item_id)
        b_u = self.user_bias(user_id)
        b_i = self.item_bias(item_id)
        outputs = (P_u * Q_i).sum(axis=1) + torch.squeeze(b_u) + torch.squeeze(b_i)
        return outputs.flatten()


num_users, num_items = 20, 15
true_p, true_q = torch.randn(num_users, 3), torch.randn(num_items, 3)
users = torch.randint(0, num_users, (300,))
items = torch.randint(0, num_items, (300,))
ratings = ((true_p[users] * true_q[items]).sum(1) + 3).clamp(1, 5)
train_iter = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(users[:240], items[:240], ratings[:240]),
                                         batch_size=32, shuffle=True)
net = MF(5, num_users, num_items)
for p in net.parameters():
    nn.init.normal_(p, mean=0, std=0.01)
opt = torch.optim.Adam(net.parameters(), lr=0.02, weight_decay=1e-5)
loss = nn.MSELoss()
for epoch in range(8):
    tot = 0.0
    for u, i, r in train_iter:
        opt.zero_grad()
        l = loss(net(u, i), r)
        l.backward()
        opt.step()
        tot += l.item() * len(r)
    with torch.no_grad():
        rmse = torch.sqrt(loss(net(users[240:], items[240:]), ratings[240:]))
    print(epoch, f"train {tot / 240:.4f}", f"test rmse {rmse.item():.4f}")
print(net(torch.tensor([0, 1]), torch.tensor([2, 3])), net.user_bias.weight[:3].view(-1))
