"""The layer classes of ``torch.nn``."""
from .module import Module  # noqa: I001  (Module first: the other files subclass it)
from .container import *  # noqa: F403
from .activation import *  # noqa: F403
from .batchnorm import *  # noqa: F403
from .conv import *  # noqa: F403
from .dropout import *  # noqa: F403
from .flatten import *  # noqa: F403
from .fold import *  # noqa: F403
from .linear import *  # noqa: F403
from .loss import *  # noqa: F403
from .normalization import *  # noqa: F403
from .padding import *  # noqa: F403
from .pixelshuffle import *  # noqa: F403
from .pooling import *  # noqa: F403
from .sparse import *  # noqa: F403
from .upsampling import *  # noqa: F403
from .distance import *  # noqa: F403
from .channelshuffle import *  # noqa: F403
from .rnn import *  # noqa: F403
from .transformer import *  # noqa: F403
from .lazy import *  # noqa: F403
from .sync_batchnorm import *  # noqa: F403
from .adaptive import *  # noqa: F403
from .fractional import *  # noqa: F403
from . import (activation, batchnorm, channelshuffle, container, conv, distance, dropout, flatten, fold, linear, loss,
               normalization, padding, pixelshuffle, pooling, rnn, sparse, transformer, upsampling)
from . import adaptive, fractional, lazy, sync_batchnorm
from . import utils  # noqa: E402,F401

__all__ = ["Module"]
for _m in (container, activation, batchnorm, conv, dropout, flatten, fold, linear, loss, normalization, padding,
           pixelshuffle, pooling, sparse, upsampling, distance, channelshuffle, rnn, transformer, lazy,
           sync_batchnorm, adaptive, fractional):
    __all__ += list(_m.__all__)
del _m
