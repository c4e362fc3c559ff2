# PPO (CleanRL ppo.py style) on a toy contextual task: rollout with Categorical, logratio/ratio.exp(),
# approx_kl both estimators, clipfrac, clipped surrogate with torch.max of negatives, value clipping with
# torch.clamp, minibatches from torch.randperm, clip_grad_norm_, Adam with eps=1e-5 and annealed lr.
import numpy as np
import torch
import torch.nn as nn
from torch.distributions.categorical import Categorical

torch.manual_seed(0)


def layer_init(layer, std=np.sqrt(2), bias_const=0.0):
    torch.nn.init.orthogonal_(layer.weight, std)
    torch.nn.init.constant_(layer.bias, bias_const)
    return layer


class Agent(nn.Module):
    def __init__(self):
        super().__init__()
        self.critic = nn.Sequential(layer_init(nn.Linear(4, 32)), nn.Tanh(), layer_init(nn.Linear(32, 1), std=1.0))
        self.actor = nn.Sequential(layer_init(nn.Linear(4, 32)), nn.Tanh(), layer_init(nn.Linear(32, 3), std=0.01))

    def get_value(self, x):
        return self.critic(x)

    def get_action_and_value(self, x, action=None):
        logits = self.actor(x)
        probs = Categorical(logits=logits)
        if action is None:
            action = probs.sample()
        return action, probs.log_prob(action), probs.entropy(), self.critic(x)


agent = Agent()
lr = 2.5e-3
optimizer = torch.optim.Adam(agent.parameters(), lr=lr, eps=1e-5)
num_steps, batch, mb = 64, 64, 16
clip_coef, ent_coef, vf_coef = 0.2, 0.01, 0.5
updates = 4
for update in range(1, updates + 1):
    frac = 1.0 - (update - 1.0) / updates
    optimizer.param_groups[0]["lr"] = frac * lr
    obs = torch.randn(num_steps, 4)
    with torch.no_grad():
        actions, logprobs, _, values = agent.get_action_and_value(obs)
    values = values.flatten()
    target = obs[:, :3].argmax(1)
    rewards = (actions == target).float()
    advantages = rewards - values
    returns = advantages + values
    b_inds = np.arange(batch)
    clipfracs = []
    for epoch in range(3):
        perm = torch.randperm(batch)
        for start in range(0, batch, mb):
            mb_inds = perm[start:start + mb]
            _, newlogprob, entropy, newvalue = agent.get_action_and_value(obs[mb_inds], actions[mb_inds])
            logratio = newlogprob - logprobs[mb_inds]
            ratio = logratio.exp()
            with torch.no_grad():
                old_approx_kl = (-logratio).mean()
                approx_kl = ((ratio - 1) - logratio).mean()
                clipfracs += [((ratio - 1.0).abs() > clip_coef).float().mean().item()]
            mb_adv = advantages[mb_inds]
            mb_adv = (mb_adv - mb_adv.mean()) / (mb_adv.std() + 1e-8)
            pg_loss1 = -mb_adv * ratio
            pg_loss2 = -mb_adv * torch.clamp(ratio, 1 - clip_coef, 1 + clip_coef)
            pg_loss = torch.max(pg_loss1, pg_loss2).mean()
            newvalue = newvalue.view(-1)
            v_loss_unclipped = (newvalue - returns[mb_inds]) ** 2
            v_clipped = values[mb_inds] + torch.clamp(newvalue - values[mb_inds], -clip_coef, clip_coef)
            v_loss_clipped = (v_clipped - returns[mb_inds]) ** 2
            v_loss = 0.5 * torch.max(v_loss_unclipped, v_loss_clipped).mean()
            entropy_loss = entropy.mean()
            loss = pg_loss - ent_coef * entropy_loss + v_loss * vf_coef
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(agent.parameters(), 0.5)
            optimizer.step()
    y_pred, y_true = values.numpy(), returns.numpy()
    var_y = np.var(y_true)
    explained_var = np.nan if var_y == 0 else 1 - np.var(y_true - y_pred) / var_y
    print(f"update {update} lr {optimizer.param_groups[0]['lr']:.6f} reward {rewards.mean().item():.4f} "
          f"pg {pg_loss.item():.5f} v {v_loss.item():.5f} ent {entropy_loss.item():.5f} "
          f"kl {approx_kl.item():.6f} oldkl {old_approx_kl.item():.6f} clipfrac {np.mean(clipfracs):.4f} "
          f"ev {explained_var:.4f}")
# the min-form of the surrogate equals the max-of-negatives form
ratio = torch.tensor([0.5, 0.9, 1.0, 1.3, 2.0], requires_grad=True)
adv = torch.tensor([1.0, -1.0, 0.5, 2.0, -0.5])
surr = torch.min(ratio * adv, torch.clamp(ratio, 0.8, 1.2) * adv)
(-surr.mean()).backward()
print(surr, ratio.grad)
