# dataclasses under `from __future__ import annotations`: every annotation
# is a string, and ClassVar, InitVar and KW_ONLY are still recognised.
from __future__ import annotations
import sys
import dataclasses
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY

fake_typing = False
try:
    import typing
except ImportError:
    fake_typing = True
    # Until ftpy has typing: dataclasses only asks whether an annotation
    # is typing.ClassVar, so a stand-in module with that name will do.
    class _ClassVarForm:
        def __getitem__(self, item):
            return self

    typing = type(sys)('typing')
    typing.ClassVar = _ClassVarForm()
    sys.modules['typing'] = typing
from typing import ClassVar


@dataclass
class Config:
    name: str
    instances: ClassVar[int] = 0
    registry: typing.ClassVar[list] = []
    scale: InitVar[int] = 1
    _: KW_ONLY
    debug: bool = False
    size: int = field(default=10)

    def __post_init__(self, scale):
        Config.instances += 1
        self.size *= scale


c = Config('a', 3, debug=True)
print(c, Config.instances, Config.registry)
print([f.name for f in fields(Config)])
print({k: v._field_type for k, v in Config.__dataclass_fields__.items()})
print([f.type for f in fields(Config)], Config.__match_args__)
print(Config.__doc__)


@dataclass(frozen=True)
class Pt:
    x: float
    y: float = 0.0


print(Pt(1.5), Pt.__doc__, hash(Pt(1.0, 2.0)) == hash((1.0, 2.0)))

if fake_typing:
    del sys.modules['typing']  # a stand-in leaves no trace
