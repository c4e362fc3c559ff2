"""Selection orders of torch's CPU kernels, for the cases where equal values make the order visible.

torch's ``topk`` runs libstdc++'s ``std::nth_element``/``std::partial_sort``/``std::sort`` on (value, index)
pairs and ``kthvalue`` runs a median-of-three quickselect; neither is stable, so which index of a repeated
value is reported depends on those algorithms. The functions here replay them on a Python list.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["topk_order", "kth_index", "needs_replay"]

Comp = Callable[[tuple, tuple], bool]


def _insertion_sort(q: list, first: int, last: int, comp: Comp) -> None:
    if first == last:
        return
    for i in range(first + 1, last):
        val = q[i]
        if comp(val, q[first]):
            q[first + 1:i + 1] = q[first:i]
            q[first] = val
        else:
            _linear_insert(q, i, comp)


def _linear_insert(q: list, last: int, comp: Comp) -> None:
    val = q[last]
    nxt = last - 1
    while comp(val, q[nxt]):
        q[last] = q[nxt]
        last = nxt
        nxt -= 1
    q[last] = val


def _move_median_to_first(q: list, result: int, a: int, b: int, c: int, comp: Comp) -> None:
    if comp(q[a], q[b]):
        if comp(q[b], q[c]):
            pick = b
        elif comp(q[a], q[c]):
            pick = c
        else:
            pick = a
    elif comp(q[a], q[c]):
        pick = a
    elif comp(q[b], q[c]):
        pick = c
    else:
        pick = b
    q[result], q[pick] = q[pick], q[result]


def _partition_pivot(q: list, first: int, last: int, comp: Comp) -> int:
    _move_median_to_first(q, first, first + 1, first + (last - first) // 2, last - 1, comp)
    pivot = q[first]
    lo, hi = first + 1, last
    while True:
        while comp(q[lo], pivot):
            lo += 1
        hi -= 1
        while comp(pivot, q[hi]):
            hi -= 1
        if not lo < hi:
            return lo
        q[lo], q[hi] = q[hi], q[lo]
        lo += 1


def _adjust_heap(q: list, first: int, hole: int, length: int, value: tuple, comp: Comp) -> None:
    top = second = hole
    while second < (length - 1) // 2:
        second = 2 * (second + 1)
        if comp(q[first + second], q[first + second - 1]):
            second -= 1
        q[first + hole] = q[first + second]
        hole = second
    if length % 2 == 0 and second == (length - 2) // 2:
        second = 2 * (second + 1)
        q[first + hole] = q[first + second - 1]
        hole = second - 1
    parent = (hole - 1) // 2
    while hole > top and comp(q[first + parent], value):
        q[first + hole] = q[first + parent]
        hole = parent
        parent = (hole - 1) // 2
    q[first + hole] = value


def _make_heap(q: list, first: int, last: int, comp: Comp) -> None:
    length = last - first
    if length < 2:
        return
    parent = (length - 2) // 2
    while True:
        _adjust_heap(q, first, parent, length, q[first + parent], comp)
        if parent == 0:
            return
        parent -= 1


def _pop_heap(q: list, first: int, last: int, result: int, comp: Comp) -> None:
    value = q[result]
    q[result] = q[first]
    _adjust_heap(q, first, 0, last - first, value, comp)


def _heap_select(q: list, first: int, middle: int, last: int, comp: Comp) -> None:
    _make_heap(q, first, middle, comp)
    for i in range(middle, last):
        if comp(q[i], q[first]):
            _pop_heap(q, first, middle, i, comp)


def _sort_heap(q: list, first: int, last: int, comp: Comp) -> None:
    while last - first > 1:
        last -= 1
        _pop_heap(q, first, last, last, comp)


def _lg(n: int) -> int:
    return n.bit_length() - 1


def partial_sort(q: list, first: int, middle: int, last: int, comp: Comp) -> None:
    """``std::partial_sort``."""
    _heap_select(q, first, middle, last, comp)
    _sort_heap(q, first, middle, comp)


def nth_element(q: list, first: int, nth: int, last: int, comp: Comp) -> None:
    """``std::nth_element`` (introselect)."""
    if first == last or nth == last:
        return
    depth = _lg(last - first) * 2
    while last - first > 3:
        if depth == 0:
            _heap_select(q, first, nth + 1, last, comp)
            q[first], q[nth] = q[nth], q[first]
            return
        depth -= 1
        cut = _partition_pivot(q, first, last, comp)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _insertion_sort(q, first, last, comp)


def _introsort_loop(q: list, first: int, last: int, depth: int, comp: Comp) -> None:
    while last - first > 16:
        if depth == 0:
            partial_sort(q, first, last, last, comp)
            return
        depth -= 1
        cut = _partition_pivot(q, first, last, comp)
        _introsort_loop(q, cut, last, depth, comp)
        last = cut


def std_sort(q: list, first: int, last: int, comp: Comp) -> None:
    """``std::sort`` (introsort, then insertion sort)."""
    if first == last:
        return
    _introsort_loop(q, first, last, _lg(last - first) * 2, comp)
    if last - first > 16:
        _insertion_sort(q, first, first + 16, comp)
        for i in range(first + 16, last):
            _linear_insert(q, i, comp)
    else:
        _insertion_sort(q, first, last, comp)


def _gt(x: tuple, y: tuple) -> bool:
    a, b = x[0], y[0]
    return (a != a and b == b) or a > b


def _lt(x: tuple, y: tuple) -> bool:
    a, b = x[0], y[0]
    return (a == a and b != b) or a < b


def topk_order(row: list, k: int, largest: bool, sorted_: bool) -> list[int]:
    """The indices torch's CPU ``topk`` reports for one row of values."""
    q = [(v, j) for j, v in enumerate(row)]
    n = len(q)
    if k == 0:
        return []
    comp = _gt if largest else _lt
    if k * 64 <= n:
        partial_sort(q, 0, k, n, comp)
    else:
        nth_element(q, 0, k - 1, n, comp)
        if sorted_:
            std_sort(q, 0, k - 1, comp)
    return [j for _, j in q[:k]]


def kth_index(row: list, k: int) -> int:
    """The index torch's CPU ``kthvalue`` reports for the k-th (0-based) smallest value of one row."""
    arr = list(row)
    idx = list(range(len(arr)))

    def gt(x, y) -> bool:
        return (x != x and y == y) or x > y

    def swap(i: int, j: int) -> None:
        arr[i], arr[j] = arr[j], arr[i]
        idx[i], idx[j] = idx[j], idx[i]

    lo, hi = 0, len(arr) - 1
    while True:
        if hi <= lo:
            return idx[k]
        if hi == lo + 1:
            if gt(arr[lo], arr[hi]):
                swap(lo, hi)
            return idx[k]
        swap((lo + hi) >> 1, lo + 1)
        if gt(arr[lo + 1], arr[hi]):
            swap(lo + 1, hi)
        if gt(arr[lo], arr[hi]):
            swap(lo, hi)
        if gt(arr[lo + 1], arr[lo]):
            swap(lo + 1, lo)
        i, j, piv = lo + 1, hi, arr[lo]
        while True:
            i += 1
            while gt(piv, arr[i]):
                i += 1
            j -= 1
            while gt(arr[j], piv):
                j -= 1
            if j < i:
                break
            swap(i, j)
        swap(lo, j)
        if j <= k:
            lo = i
        if j >= k:
            hi = j - 1


def needs_replay(sorted_rows: np.ndarray, k: int) -> np.ndarray:
    """Rows (of values already in selection order) whose first ``k`` entries touch a run of equal values."""
    if sorted_rows.shape[-1] < 2 or k == 0:
        return np.zeros(sorted_rows.shape[:-1], bool)
    m = min(k + 1, sorted_rows.shape[-1])
    a, b = sorted_rows[..., :m - 1], sorted_rows[..., 1:m]
    same = a == b
    if sorted_rows.dtype.kind == "f":
        same |= np.isnan(a) & np.isnan(b)
    return same.any(-1)

