# Converting between tensors, numpy and Python: the usual slips.
import numpy as np
import torch


def attempt(label, fn):
    try:
        out = fn()
        print(label, "ok", out)
    except Exception as e:  # noqa: BLE001
        print(label, type(e).__name__, str(e))


torch.manual_seed(0)
t = torch.randn(3, requires_grad=True)
attempt("float_tensor", lambda: float(t[0]) == t[0].item())
attempt("float_multi", lambda: float(torch.ones(2)))
attempt("int_float_tensor", lambda: int(torch.tensor(2.7)))
attempt("index_with_float_tensor", lambda: [1, 2, 3][torch.tensor(1.0)])
attempt("index_with_long_tensor", lambda: [1, 2, 3][torch.tensor(1)])
attempt("range_tensor", lambda: list(range(torch.tensor(3))))
attempt("np_from_rg", lambda: np.array(t))
attempt("np_asarray_detached", lambda: np.asarray(t.detach()).dtype)
attempt("tolist", lambda: torch.tensor([[1, 2], [3, 4]]).tolist())
attempt("tolist_scalar", lambda: torch.tensor(3.5).tolist())
attempt("ragged", lambda: torch.tensor([[1, 2], [3]]))
attempt("list_of_tensors", lambda: torch.tensor([torch.tensor(1.0), torch.tensor(2.0)]))
attempt("list_of_multi_tensors", lambda: torch.tensor([torch.ones(2), torch.ones(2)]))
attempt("stack_instead", lambda: torch.stack([torch.ones(2), torch.zeros(2)]))
attempt("from_numpy_list", lambda: torch.from_numpy([1, 2]))
attempt("from_numpy_obj", lambda: torch.from_numpy(np.array(["a"])))
attempt("from_numpy_f64", lambda: torch.from_numpy(np.ones(2)).dtype)
attempt("tensor_str", lambda: torch.tensor("abc"))
attempt("tensor_none", lambda: torch.tensor(None))
attempt("tensor_dict", lambda: torch.tensor({"a": 1}))
attempt("tensor_mixed", lambda: torch.tensor([1, 2.5, True]))
attempt("tensor_bool_int", lambda: torch.tensor([True, 2]))
attempt("FloatTensor_list", lambda: torch.FloatTensor([1, 2]))
attempt("LongTensor_float", lambda: torch.LongTensor([1.7, 2.2]))
attempt("Tensor_shape", lambda: torch.Tensor(2, 3).shape)
attempt("Tensor_list", lambda: torch.Tensor([1, 2]))
attempt("as_tensor", lambda: torch.as_tensor([1, 2], dtype=torch.float32))
attempt("bool_single", lambda: bool(torch.tensor([0.0])))
attempt("bool_empty", lambda: bool(torch.tensor([])))
attempt("len_scalar", lambda: len(torch.tensor(3)))
attempt("iter_scalar", lambda: list(torch.tensor(3)))
attempt("hash_eq", lambda: torch.ones(1) in [torch.ones(2)])
attempt("to_string_dtype", lambda: torch.ones(2).to("float64"))
attempt("type_str", lambda: torch.ones(2).type("torch.DoubleTensor").dtype)
attempt("type_bad", lambda: torch.ones(2).type("float"))
attempt("astype", lambda: torch.ones(2).astype(torch.int64))
attempt("device_cuda", lambda: torch.ones(2).cuda())
attempt("device_to", lambda: torch.ones(2).to("cuda"))
attempt("avail", lambda: (torch.cuda.is_available(), torch.cuda.device_count()))
