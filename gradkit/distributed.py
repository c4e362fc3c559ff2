"""``torch.distributed`` for one process: a world of size 1 can be initialised, and every collective on it is
the identity, so single-process runs of DDP-ready training scripts work; larger worlds cannot be created."""
from __future__ import annotations

import enum
import os
from typing import Any

__all__ = ["is_available", "is_initialized", "init_process_group", "destroy_process_group", "get_rank",
           "get_world_size", "get_backend", "barrier", "all_reduce", "reduce", "broadcast", "all_gather",
           "all_gather_into_tensor", "all_gather_object", "broadcast_object_list", "reduce_scatter", "ReduceOp",
           "Backend", "is_gloo_available", "is_nccl_available", "is_mpi_available", "is_torchelastic_launched",
           "get_node_local_rank", "group", "GroupMember", "new_group"]

_NOT_INIT = "Default process group has not been initialized, please make sure to call init_process_group."


class RedOpType(enum.IntEnum):
    SUM = 0
    AVG = 1
    PRODUCT = 2
    MIN = 3
    MAX = 4
    BAND = 5
    BOR = 6
    BXOR = 7
    PREMUL_SUM = 8
    UNUSED = 9

    def __str__(self) -> str:
        return f"RedOpType.{self.name}"


class ReduceOp:
    """Reduction operations for collectives (``ReduceOp.SUM`` ...)."""

    RedOpType = RedOpType
    SUM = RedOpType.SUM
    AVG = RedOpType.AVG
    PRODUCT = RedOpType.PRODUCT
    MIN = RedOpType.MIN
    MAX = RedOpType.MAX
    BAND = RedOpType.BAND
    BOR = RedOpType.BOR
    BXOR = RedOpType.BXOR
    PREMUL_SUM = RedOpType.PREMUL_SUM
    UNUSED = RedOpType.UNUSED


class Backend(str):
    """A backend name, lower-cased (``'gloo'``, ``'nccl'``, ``'mpi'``)."""

    GLOO = "gloo"
    NCCL = "nccl"
    MPI = "mpi"
    UNDEFINED = "undefined"

    def __new__(cls, name: str) -> Backend:
        if not isinstance(name, str):
            raise ValueError(f"Backend constructor parameter must be string-ish, but got: {type(name)}")
        return super().__new__(cls, name.lower())


class ProcessGroup:
    """The single-process group created by :func:`init_process_group`."""

    def __init__(self, backend: str) -> None:
        self._backend = Backend(backend)

    def rank(self) -> int:
        return 0

    def size(self) -> int:
        return 1

    def __repr__(self) -> str:
        return f"<gradkit.distributed.ProcessGroup backend={self._backend} size=1>"


class GroupMember:
    WORLD: ProcessGroup | None = None
    NON_GROUP_MEMBER = -100


group = GroupMember


class _Work:
    """Handle returned by ``async_op=True`` collectives; already complete."""

    def wait(self, timeout: Any = None) -> bool:
        return True

    def is_completed(self) -> bool:
        return True

    def is_success(self) -> bool:
        return True


def is_available() -> bool:
    """Whether the distributed package can be used (single-process groups only in gradkit)."""
    return True


def is_gloo_available() -> bool:
    return True


def is_nccl_available() -> bool:
    return False


def is_mpi_available() -> bool:
    return False


def is_torchelastic_launched() -> bool:
    """Whether ``TORCHELASTIC_RUN_ID`` is set (as torchrun sets it)."""
    return os.getenv("TORCHELASTIC_RUN_ID") is not None


def get_node_local_rank(fallback_rank: int | None = None) -> int:
    """``LOCAL_RANK`` from the environment, else ``fallback_rank``."""
    if "LOCAL_RANK" in os.environ:
        return int(os.environ["LOCAL_RANK"])
    if fallback_rank is not None:
        return int(fallback_rank)
    raise RuntimeError("LOCAL_RANK is not in the environment. Consider passing fallback_rank to allow "
                       "`get_node_local_rank` to work, assuming you are not running in a multi-device context and "
                       "want the code to run locally instead.")


def is_initialized() -> bool:
    """Whether the default process group exists."""
    return GroupMember.WORLD is not None


def _default_group() -> ProcessGroup:
    if GroupMember.WORLD is None:
        raise ValueError(_NOT_INIT)
    return GroupMember.WORLD


def _env_int(name: str) -> int:
    if name not in os.environ:
        raise ValueError(f"Error initializing torch.distributed using env:// rendezvous: environment variable "
                         f"{name} expected, but not set")
    value = os.environ[name]
    return int(value) if value.lstrip("-").isdigit() else 0


def init_process_group(backend: str | None = None, init_method: str | None = None, timeout: Any = None,
                       world_size: int = -1, rank: int = -1, store: Any = None, group_name: str = "",
                       pg_options: Any = None, device_id: Any = None) -> None:
    """Create the default process group; gradkit only supports a world of one process (rank 0)."""
    if GroupMember.WORLD is not None:
        raise ValueError("trying to initialize the default process group twice!")
    if store is None and (init_method is None or init_method.startswith("env://")):
        if rank == -1:
            rank = _env_int("RANK")
        if world_size == -1:
            world_size = _env_int("WORLD_SIZE")
        _env_int("MASTER_ADDR")
        _env_int("MASTER_PORT")
    world_size = 1 if world_size == -1 else world_size
    rank = 0 if rank == -1 else rank
    if world_size != 1 or rank != 0:
        raise RuntimeError(f"gradkit.distributed runs a single process: world_size={world_size}, rank={rank} "
                           "would need peer processes")
    GroupMember.WORLD = ProcessGroup(backend or "gloo")


def destroy_process_group(group: ProcessGroup | None = None) -> None:
    """Tear down the default process group."""
    GroupMember.WORLD = None


def new_group(ranks: Any = None, timeout: Any = None, backend: str | None = None, **kwargs: Any) -> ProcessGroup:
    return ProcessGroup(backend or get_backend())


def get_rank(group: ProcessGroup | None = None) -> int:
    """Rank of this process in the group (always 0)."""
    return _default_group().rank()


def get_world_size(group: ProcessGroup | None = None) -> int:
    """Number of processes in the group (always 1)."""
    return _default_group().size()


def get_backend(group: ProcessGroup | None = None) -> Backend:
    return (group or _default_group())._backend


def _done(async_op: bool) -> _Work | None:
    _default_group()
    return _Work() if async_op else None


def barrier(group: ProcessGroup | None = None, async_op: bool = False, device_ids: Any = None) -> _Work | None:
    """Wait for every process (there is only this one)."""
    return _done(async_op)


def all_reduce(tensor: Any, op: Any = ReduceOp.SUM, group: ProcessGroup | None = None,
               async_op: bool = False) -> _Work | None:
    """Reduce ``tensor`` over all processes in place: with one process it is left as it is."""
    return _done(async_op)


def reduce(tensor: Any, dst: int | None = None, op: Any = ReduceOp.SUM, group: ProcessGroup | None = None,
           async_op: bool = False, group_dst: int | None = None) -> _Work | None:
    return _done(async_op)


def broadcast(tensor: Any, src: int | None = None, group: ProcessGroup | None = None, async_op: bool = False,
              group_src: int | None = None) -> _Work | None:
    return _done(async_op)


def all_gather(tensor_list: list, tensor: Any, group: ProcessGroup | None = None,
               async_op: bool = False) -> _Work | None:
    """Fill ``tensor_list`` (one entry per process) with every process's ``tensor``."""
    _default_group()
    if len(tensor_list) != 1:
        raise ValueError(f"tensor_list has {len(tensor_list)} entries for a world of size 1")
    tensor_list[0].copy_(tensor)
    return _done(async_op)


def all_gather_into_tensor(output_tensor: Any, input_tensor: Any, group: ProcessGroup | None = None,
                           async_op: bool = False) -> _Work | None:
    _default_group()
    output_tensor.copy_(input_tensor.reshape(output_tensor.shape))
    return _done(async_op)


def reduce_scatter(output: Any, input_list: list, op: Any = ReduceOp.SUM, group: ProcessGroup | None = None,
                   async_op: bool = False) -> _Work | None:
    _default_group()
    output.copy_(input_list[0])
    return _done(async_op)


def all_gather_object(object_list: list, obj: Any, group: ProcessGroup | None = None) -> None:
    """Gather picklable objects from every process into ``object_list``."""
    import pickle
    _default_group()
    object_list[0] = pickle.loads(pickle.dumps(obj))


def broadcast_object_list(object_list: list, src: int | None = None, group: ProcessGroup | None = None,
                          device: Any = None, group_src: int | None = None) -> None:
    _default_group()
