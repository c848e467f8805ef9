/* objects/ids.h — identifiers the runtime looks up often, interned once at
 * start-up so that hot paths never build a str: FT_ID(__init__) is a
 * borrowed, immortal-in-practice interned str.
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_IDS_H
#define FT_OBJECTS_IDS_H

#define FT_IDS(X)                                                              \
    X(__abs__) X(__add__) X(__and__) X(__annotations__) X(__bool__)           \
    X(__build_class__) X(__builtins__) X(__call__) X(__class__)              \
    X(__contains__) X(__del__) X(__delattr__) X(__delete__) X(__delitem__)    \
    X(__dict__) X(__doc__) X(__enter__) X(__eq__) X(__exit__) X(__file__)     \
    X(__float__) X(__floordiv__) X(__format__) X(__ge__) X(__get__)           \
    X(__getattr__) X(__getattribute__) X(__getitem__) X(__gt__) X(__hash__)   \
    X(__iadd__) X(__iand__) X(__ifloordiv__) X(__ilshift__) X(__imatmul__)    \
    X(__imod__) X(__imul__) X(__index__) X(__init__) X(__init_subclass__)     \
    X(__int__) X(__invert__) X(__ior__) X(__ipow__) X(__irshift__)            \
    X(__isub__) X(__iter__) X(__itruediv__) X(__ixor__) X(__le__) X(__len__)  \
    X(__lshift__) X(__lt__) X(__main__) X(__matmul__) X(__mod__)              \
    X(__module__) X(__mro__) X(__mul__) X(__name__) X(__ne__) X(__neg__)      \
    X(__new__) X(__next__) X(__or__) X(__pos__) X(__pow__) X(__qualname__)    \
    X(__radd__) X(__rand__) X(__repr__) X(__rfloordiv__) X(__rlshift__)       \
    X(__rmatmul__) X(__rmod__) X(__rmul__) X(__ror__) X(__round__)            \
    X(__rpow__) X(__rrshift__) X(__rshift__) X(__rsub__) X(__rtruediv__)      \
    X(__rxor__) X(__set__) X(__set_name__) X(__setattr__) X(__setitem__)      \
    X(__slots__) X(__str__) X(__sub__) X(__truediv__) X(__xor__)              \
    X(append) X(args) X(close) X(end) X(file) X(flush) X(items) X(join)       \
    X(key) X(keys) X(msg) X(name) X(reverse) X(send) X(sep) X(stderr)         \
    X(stdout) X(throw) X(update) X(value) X(values) X(write)

enum {
#define FT_ID_ENUM_(name) FT_IDX_##name,
    FT_IDS(FT_ID_ENUM_)
#undef FT_ID_ENUM_
    FT_IDX__COUNT
};

extern FtObject *ft_ids[FT_IDX__COUNT];
#define FT_ID(name) (ft_ids[FT_IDX_##name])

/* Creates the interned strings (objects/str.c). */
int ft_ids_init(void);

#endif
