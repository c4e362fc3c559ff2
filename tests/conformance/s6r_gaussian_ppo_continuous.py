# Continuous-action PPO (CleanRL ppo_continuous_action style): state-independent actor_logstd nn.Parameter,
# Normal(mean, exp(logstd).expand_as(mean)), log_prob(...).sum(1), entropy().sum(1), action clipping to
# bounds with torch.clip, Independent(Normal) and MultivariateNormal with diagonal covariance for comparison.
import numpy as np
import torch
import torch.nn as nn
from torch.distributions import Independent, MultivariateNormal, Normal

torch.manual_seed(0)


def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer


class Agent(nn.Module):
    def __init__(self, obs=3, act=2):
        super().__init__()
        self.critic = nn.Sequential(layer_init(nn.Linear(obs, 32)), nn.Tanh(), layer_init(nn.Linear(32, 1), 1.0))
        self.actor_mean = nn.Sequential(layer_init(nn.Linear(obs, 32)), nn.Tanh(),
                                        layer_init(nn.Linear(32, act), 0.01))
        self.actor_logstd = nn.Parameter(torch.zeros(1, act))

    def get_action_and_value(self, x, action=None):
        mean = self.actor_mean(x)
        logstd = self.actor_logstd.expand_as(mean)
        probs = Normal(mean, torch.exp(logstd))
        if action is None:
            action = probs.sample()
        return action, probs.log_prob(action).sum(1), probs.entropy().sum(1), self.critic(x)


agent = Agent()
opt = torch.optim.Adam(agent.parameters(), lr=3e-3, eps=1e-5)
for update in range(6):
    obs = torch.randn(32, 3)
    with torch.no_grad():
        action, logp_old, _, value = agent.get_action_and_value(obs)
    env_action = torch.clip(action, -1.0, 1.0)
    reward = -((env_action - obs[:, :2].tanh()) ** 2).sum(1)
    adv = reward - value.flatten()
    adv = (adv - adv.mean()) / (adv.std() + 1e-8)
    for epoch in range(4):
        _, logp, ent, v = agent.get_action_and_value(obs, action)
        ratio = (logp - logp_old).exp()
        pg = torch.max(-adv * ratio, -adv * ratio.clamp(0.8, 1.2)).mean()
        vl = 0.5 * ((v.flatten() - reward) ** 2).mean()
        loss = pg - 0.0 * ent.mean() + 0.5 * vl
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(agent.parameters(), 0.5)
        opt.step()
    print(update, f"{reward.mean().item():.5f} {pg.item():.5f} {vl.item():.5f} {ent.mean().item():.5f}",
          agent.actor_logstd.data)
mean = torch.randn(4, 2)
std = torch.rand(4, 2) + 0.5
a = torch.randn(4, 2)
ind = Independent(Normal(mean, std), 1)
mvn = MultivariateNormal(mean, scale_tril=torch.diag_embed(std))
mvn2 = MultivariateNormal(mean, covariance_matrix=torch.diag_embed(std ** 2))
print(Normal(mean, std).log_prob(a).sum(1), ind.log_prob(a), mvn.log_prob(a), mvn2.log_prob(a))
print(ind.entropy(), mvn.entropy(), ind.batch_shape, ind.event_shape, mvn.event_shape)
print(torch.clip(torch.tensor([-2.0, 0.3, 1.5]), -1, 1), torch.clamp(torch.tensor([3.0]), max=2.0))
