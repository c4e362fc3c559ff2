# Bitwise ops and shifts on every integer dtype, plus bool, and the errors for floats.
import torch

a = torch.tensor([12, 10, -3, 0, 255])
b = torch.tensor([10, 3, 5, 1, 1])
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 1, b << b, torch.bitwise_and(a, 6), torch.bitwise_or(a, 1), torch.bitwise_xor(a, -1), torch.bitwise_not(a))
print(torch.bitwise_left_shift(a, 3), torch.bitwise_right_shift(a, b), a.bitwise_and(b), a.bitwise_or_(b) if False else "", a >> 10, torch.tensor([-16]) >> 2, torch.tensor([1]) << 62)
u = torch.tensor([1, 128, 255], dtype=torch.uint8)
print(u << 1, u >> 1, ~u, u & 0x0F, u ^ 0xFF, (u << 1).dtype, u | torch.tensor([2], dtype=torch.uint8))
i8 = torch.tensor([1, -128, 127], dtype=torch.int8)
print(i8 << 1, i8 >> 1, ~i8, i8 & 3, (i8 & 3).dtype, torch.tensor([5], dtype=torch.int16) ^ torch.tensor([3], dtype=torch.int32), (torch.tensor([5], dtype=torch.int16) ^ torch.tensor([3], dtype=torch.int32)).dtype)
m = torch.tensor([True, False, True, False])
n = torch.tensor([True, True, False, False])
print(m & n, m | n, m ^ n, ~m, m & 1 if False else "", (m & n).dtype, m.bitwise_not(), torch.bitwise_xor(m, n), m.logical_xor(n), m ^ True)
c = a.clone()
c &= 7
c |= 16
c ^= 1
c <<= 1
c >>= 2
print(c)
print(torch.tensor([5]) & True, torch.tensor([6]) | torch.tensor([True]), (torch.tensor([6]) | torch.tensor([True])).dtype)
for op in ["&", "|", "^", "<<"]:
    try:
        eval(f"torch.tensor([1.0]) {op} torch.tensor([1.0])")
    except (RuntimeError, TypeError) as e:
        print(op, type(e).__name__, e)
try:
    ~torch.tensor([1.5])
except (RuntimeError, TypeError) as e:
    print(type(e).__name__, e)
print(torch.tensor([0b1011]).bitwise_and(torch.tensor([0b0110])), bin(int(torch.tensor(0b1011) ^ 0b0110)), (torch.arange(8) & 1).bool(), (torch.arange(8) >> 1) & 1)
