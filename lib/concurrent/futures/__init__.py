"""Execute computations asynchronously using threads.

ftpy offers ThreadPoolExecutor; ProcessPoolExecutor is not available (the
name is there so that imports work, but using it raises ImportError when
it is looked up), because ftpy has no multiprocessing module.
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__author__', '__doc__')


def __getattr__(name):
    if name == 'ProcessPoolExecutor':
        raise ImportError("ProcessPoolExecutor needs multiprocessing, "
                          "which ftpy does not have")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
