# A VQ-VAE quantiser (van den Oord et al., as written in popular blog posts): nearest codebook entries via
# torch.cdist / expanded squared distances and argmin, nn.Embedding codebook with uniform_ init, the
# straight-through estimator z + (z_q - z).detach(), codebook + beta*commitment losses, perplexity from
# code usage, and a small conv encoder/decoder trained for a few steps.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class VectorQuantizer(nn.Module):
    def __init__(self, num_embeddings, embedding_dim, commitment_cost):
        super().__init__()
        self._embedding_dim = embedding_dim
        self._num_embeddings = num_embeddings
        self._embedding = nn.Embedding(self._num_embeddings, self._embedding_dim)
        self._embedding.weight.data.uniform_(-1 / self._num_embeddings, 1 / self._num_embeddings)
        self._commitment_cost = commitment_cost

    def forward(self, inputs):
        inputs = inputs.permute(0, 2, 3, 1).contiguous()
        input_shape = inputs.shape
        flat_input = inputs.view(-1, self._embedding_dim)
        distances = (torch.sum(flat_input ** 2, dim=1, keepdim=True) + torch.sum(self._embedding.weight ** 2, dim=1)
                     - 2 * torch.matmul(flat_input, self._embedding.weight.t()))
        encoding_indices = torch.argmin(distances, dim=1).unsqueeze(1)
        encodings = torch.zeros(encoding_indices.shape[0], self._num_embeddings)
        encodings.scatter_(1, encoding_indices, 1)
        quantized = torch.matmul(encodings, self._embedding.weight).view(input_shape)
        e_latent_loss = F.mse_loss(quantized.detach(), inputs)
        q_latent_loss = F.mse_loss(quantized, inputs.detach())
        loss = q_latent_loss + self._commitment_cost * e_latent_loss
        quantized = inputs + (quantized - inputs).detach()
        avg_probs = torch.mean(encodings, dim=0)
        perplexity = torch.exp(-torch.sum(avg_probs * torch.log(avg_probs + 1e-10)))
        return loss, quantized.permute(0, 3, 1, 2).contiguous(), perplexity, encoding_indices


class VQVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(1, 8, 4, 2, 1), nn.ReLU(), nn.Conv2d(8, 4, 3, 1, 1))
        self.vq = VectorQuantizer(16, 4, 0.25)
        self.decoder = nn.Sequential(nn.Conv2d(4, 8, 3, 1, 1), nn.ReLU(), nn.ConvTranspose2d(8, 1, 4, 2, 1))

    def forward(self, x):
        z = self.encoder(x)
        vq_loss, q, perplexity, idx = self.vq(z)
        return self.decoder(q), vq_loss, perplexity, idx


model = VQVAE()
x = torch.rand(6, 1, 8, 8).round()
opt = torch.optim.Adam(model.parameters(), lr=3e-3)
for step in range(6):
    opt.zero_grad()
    recon, vq_loss, perplexity, idx = model(x)
    rec_loss = F.mse_loss(recon, x)
    loss = rec_loss + vq_loss
    loss.backward()
    opt.step()
    print(f"step {step} recon {rec_loss.item():.5f} vq {vq_loss.item():.5f} perplexity {perplexity.item():.4f} "
          f"codes used {idx.unique().numel()}")
print(model.vq._embedding.weight.grad.abs().sum(dim=1))
z = torch.randn(10, 4)
cb = model.vq._embedding.weight.detach()
d1 = torch.cdist(z, cb)
d2 = (z.unsqueeze(1) - cb.unsqueeze(0)).pow(2).sum(-1).sqrt()
print(torch.allclose(d1, d2, atol=1e-5), d1.argmin(1), torch.equal(d1.argmin(1), d2.argmin(1)))
zq = z.clone().requires_grad_(True)
st = zq + (cb[d1.argmin(1)] - zq).detach()
(st * torch.arange(4.0)).sum().backward()
print(zq.grad[0], torch.allclose(st, cb[d1.argmin(1)]))
emb = model.vq._embedding(idx.view(6, 4, 4))
print(emb.shape, F.embedding(torch.tensor([[0, 15]]), cb).shape)
