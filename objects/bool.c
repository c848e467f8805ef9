/* objects/bool.c — bool: the two statics True and False, which are int
 * objects (FtIntObject, value 1/0) of type bool, so every int operation
 * accepts them; only repr, bool() and & | ^ between bools differ.
 */
#include "objects/object.h"

FtIntObject ft_true_object = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtBool_Type),
    .value = 1,
};
FtIntObject ft_false_object = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtBool_Type),
    .value = 0,
};

/* True and False are never freed; reaching zero means an extra DECREF
 * somewhere, so restore a reference instead of freeing a static. */
static void bool_dealloc(FtObject *op) { ft_rc_init_static(op); }

static FtObject *bool_repr(FtObject *op)
{
    /* Interned once; interned strings live until exit. */
    static FtObject *true_str, *false_str;
    FtObject **slot = FT_INT_VALUE(op) ? &true_str : &false_str;
    if (*slot == NULL) {
        *slot = ft_str_intern_cstr(FT_INT_VALUE(op) ? "True" : "False");
        if (*slot == NULL)
            return NULL;
    }
    return FT_NEWREF(*slot);
}

static FtObject *bool_binop(FtObject *a, FtObject *b, int op)
{
    if ((op == FT_OP_AND || op == FT_OP_OR || op == FT_OP_XOR) &&
        FT_BOOL_CHECK(a) && FT_BOOL_CHECK(b)) {
        int x = FT_INT_VALUE(a) != 0, y = FT_INT_VALUE(b) != 0;
        int r = op == FT_OP_AND ? (x & y) : op == FT_OP_OR ? (x | y) : (x ^ y);
        return ft_bool_from(r);
    }
    return ft_int_binop(a, b, op);
}

static FtObject *bool_new(FtType *type, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_no_kwargs("bool", kwnames) < 0 ||
        ft_arg_count("bool", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        FT_RETURN_FALSE;
    int t = ft_object_is_true(args[0]);
    if (t < 0)
        return NULL;
    return ft_bool_from(t);
}

FtType FtBool_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "bool",
    .tp_basicsize = sizeof(FtIntObject),
    /* Not BASETYPE: bool cannot be subclassed. */
    .tp_flags = FT_TPFLAGS_INT_SUBCLASS,
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_str = bool_repr,
    .tp_binop = bool_binop,
    .tp_new = bool_new,
    .tp_base = &FtInt_Type,
    .tp_doc = "bool(x) -> bool",
};
