# "Extending PyTorch" / "Double backward with custom functions" / "Forward-mode AD" tutorials:
# LinearFunction with needs_input_grad, MulConstant with non-tensor args, gradcheck in double, a custom
# Module using the Function, double backward through a Function written with differentiable ops,
# once_differentiable, mark_non_differentiable, and dual numbers with torch.autograd.forward_ad.
import torch
import torch.autograd.forward_ad as fwAD
from torch.autograd import Function, gradcheck
from torch.autograd.function import once_differentiable


class LinearFunction(Function):
    @staticmethod
    def forward(input, weight, bias):
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def setup_context(ctx, inputs, output):
        input, weight, bias = inputs
        ctx.save_for_backward(input, weight, bias)

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias


class MulConstant(Function):
    @staticmethod
    def forward(ctx, tensor, constant):
        ctx.constant = constant
        return tensor * constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


class Linear(torch.nn.Module):
    def __init__(self, input_features, output_features, bias=True):
        super().__init__()
        self.input_features = input_features
        self.output_features = output_features
        self.weight = torch.nn.Parameter(torch.empty(output_features, input_features))
        if bias:
            self.bias = torch.nn.Parameter(torch.empty(output_features))
        else:
            self.register_parameter("bias", None)
        self.weight.data.uniform_(-0.1, 0.1)
        if self.bias is not None:
            self.bias.data.uniform_(-0.1, 0.1)

    def forward(self, input):
        return LinearFunction.apply(input, self.weight, self.bias)

    def extra_repr(self):
        return "input_features={}, output_features={}, bias={}".format(
            self.input_features, self.output_features, self.bias is not None)


torch.manual_seed(0)
linear = LinearFunction.apply
input = (torch.randn(20, 20, dtype=torch.double, requires_grad=True),
         torch.randn(30, 20, dtype=torch.double, requires_grad=True))
test = gradcheck(linear, input + (None,), eps=1e-6, atol=1e-4)
print(test)
x = torch.randn(3, 4, requires_grad=True)
w = torch.randn(2, 4, requires_grad=True)
out = linear(x, w, None)
out.sum().backward()
print(out, x.grad, w.grad)
y = MulConstant.apply(x, 5.5)
y.sum().backward()
print(x.grad[0])
m = Linear(4, 3)
print(m)
out = m(torch.randn(5, 4))
out.pow(2).mean().backward()
print(out[0], m.weight.grad[0], m.bias.grad)


class MyCube(Function):
    @staticmethod
    def forward(ctx, x):
        result = x ** 3
        dx = 3 * x ** 2
        ctx.save_for_backward(x, dx)
        return result, dx

    @staticmethod
    def backward(ctx, grad_output, grad_dx):
        x, dx = ctx.saved_tensors
        result = grad_output * dx + grad_dx * 6 * x
        return result


def my_cube(x):
    result, dx = MyCube.apply(x)
    return result


x = torch.tensor(1.7, requires_grad=True, dtype=torch.double)
out = my_cube(x)
grad_x, = torch.autograd.grad(out, x, create_graph=True)
print(out, grad_x)
print(torch.autograd.gradcheck(my_cube, (x,)), torch.autograd.gradgradcheck(my_cube, (x,)))
gg, = torch.autograd.grad(grad_x, x)
print(gg)


class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output):
        result, = ctx.saved_tensors
        return grad_output * result


class SortWithIdx(Function):
    @staticmethod
    def forward(ctx, x):
        vals, idx = x.sort()
        ctx.mark_non_differentiable(idx)
        ctx.save_for_backward(idx)
        return vals, idx

    @staticmethod
    def backward(ctx, g, gi):
        idx, = ctx.saved_tensors
        out = torch.zeros_like(g)
        out.scatter_(0, idx, g)
        return out


a = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
e = Exp.apply(a)
e.sum().backward()
print(e, a.grad)
a.grad = None
v, i = SortWithIdx.apply(a)
(v * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(v, i, i.requires_grad, a.grad)

primal = torch.randn(10, 10)
tangent = torch.randn(10, 10)


def fn(x, y):
    return x ** 2 + y ** 2


with fwAD.dual_level():
    dual_input = fwAD.make_dual(primal, tangent)
    print(fwAD.unpack_dual(dual_input).tangent is tangent)
    plain_tensor = torch.randn(10, 10)
    dual_output = fn(dual_input, plain_tensor)
    jvp = fwAD.unpack_dual(dual_output).tangent
print(fwAD.unpack_dual(dual_output).tangent, torch.allclose(jvp, 2 * primal * tangent))
with fwAD.dual_level():
    x = fwAD.make_dual(torch.tensor([0.3, 1.2]), torch.tensor([1.0, 0.0]))
    y = torch.sin(x) * torch.exp(x) / (1 + x ** 2)
    p, t = fwAD.unpack_dual(y)
print(p, t)
