# A tiny Vision Transformer (timm / blog style): Conv2d patch embedding with flatten(2).transpose(1, 2),
# a learnable cls token and position embedding as nn.Parameter with trunc_normal_ init, pre-norm encoder
# blocks with nn.MultiheadAttention(batch_first=True) and an MLP with GELU, LayerNorm, classification from
# the cls token, attention weights returned, _init_weights via apply, and a couple of AdamW steps.
import torch
import torch.nn as nn

torch.manual_seed(0)


class PatchEmbed(nn.Module):
    def __init__(self, img_size=8, patch_size=4, in_chans=3, embed_dim=16):
        super().__init__()
        self.num_patches = (img_size // patch_size) ** 2
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class Block(nn.Module):
    def __init__(self, dim, heads, mlp_ratio=2.0):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = nn.Sequential(nn.Linear(dim, int(dim * mlp_ratio)), nn.GELU(), nn.Linear(int(dim * mlp_ratio), dim))

    def forward(self, x):
        h = self.norm1(x)
        a, w = self.attn(h, h, h, need_weights=True)
        x = x + a
        x = x + self.mlp(self.norm2(x))
        return x, w


class ViT(nn.Module):
    def __init__(self, num_classes=3, dim=16, depth=2, heads=2):
        super().__init__()
        self.patch_embed = PatchEmbed(embed_dim=dim)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, self.patch_embed.num_patches + 1, dim))
        self.blocks = nn.ModuleList([Block(dim, heads) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.head = nn.Linear(dim, num_classes)
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        nn.init.trunc_normal_(self.cls_token, std=0.02)
        self.apply(self._init_weights)

    def _init_weights(self, m):
        if isinstance(m, nn.Linear):
            nn.init.trunc_normal_(m.weight, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.LayerNorm):
            nn.init.ones_(m.weight)
            nn.init.zeros_(m.bias)

    def forward(self, x):
        x = self.patch_embed(x)
        cls = self.cls_token.expand(x.shape[0], -1, -1)
        x = torch.cat((cls, x), dim=1) + self.pos_embed
        attn = []
        for blk in self.blocks:
            x, w = blk(x)
            attn.append(w)
        return self.head(self.norm(x)[:, 0]), attn


model = ViT()
print(model.blocks[0])
print(sum(p.numel() for p in model.parameters()), [n for n, _ in model.named_parameters()][:6])
x = torch.randn(4, 3, 8, 8)
y = torch.tensor([0, 1, 2, 1])
logits, attn = model(x)
print(logits.shape, attn[0].shape, attn[0].sum(-1)[0], logits)
decay = [p for n, p in model.named_parameters() if p.ndim > 1 and "embed" not in n]
no_decay = [p for n, p in model.named_parameters() if p.ndim <= 1 or "embed" in n]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05}, {"params": no_decay, "weight_decay": 0.0}], lr=1e-2)
print(len(decay), len(no_decay))
for step in range(4):
    opt.zero_grad()
    logits, attn = model(x)
    loss = nn.functional.cross_entropy(logits, y, label_smoothing=0.1)
    loss.backward()
    opt.step()
    print(step, f"{loss.item():.5f}", f"{model.cls_token.grad.norm().item():.6f}")
print(attn[-1][0, 0])
