/* objects/cell.c — closure cells: the box that a variable shared between a
 * function and its nested functions lives in (LOAD_DEREF / STORE_DEREF;
 * how threads share one: objects/function.h).
 */
#include "objects/object.h"
#include "runtime/qsbr.h"

FtObject *ft_cell_new(FtObject *value)
{
    FtCellObject *c = (FtCellObject *)ft_object_new(&FtCell_Type);
    if (c == NULL)
        return NULL;
    if (value != NULL)
        c->ref = FT_NEWREF(value);
    return (FtObject *)c;
}

static void cell_dealloc(FtObject *op)
{
    FT_CLEAR(((FtCellObject *)op)->ref);
    ft_object_free(op);
}

static FtObject *cell_repr(FtObject *op)
{
    FtObject *ref = ft_cell_get(op);
    if (ref == NULL)
        return ft_str_from_format("<cell at %p: empty>", (void *)op);
    FtObject *r = ft_str_from_format("<cell at %p: %s object at %p>",
                                     (void *)op, ft_type_name(FT_TYPE(ref)),
                                     (void *)ref);
    FT_DECREF(ref);
    return r;
}

static FtObject *cell_richcompare(FtObject *a, FtObject *b, int op)
{
    if (FT_TYPE(a) != &FtCell_Type || FT_TYPE(b) != &FtCell_Type)
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *x = ft_cell_get(a), *y = ft_cell_get(b);
    if (x != NULL && y != NULL) {
        FtObject *res = ft_object_richcompare(x, y, op);
        FT_DECREF(x);
        FT_DECREF(y);
        return res;
    }
    FT_XDECREF(x);
    FT_XDECREF(y);
    /* Empty cells sort before full ones. */
    int cx = x != NULL, cy = y != NULL, r;
    switch (op) {
    case FT_LT: r = cx < cy; break;
    case FT_LE: r = cx <= cy; break;
    case FT_EQ: r = cx == cy; break;
    case FT_NE: r = cx != cy; break;
    case FT_GT: r = cx > cy; break;
    default: r = cx >= cy; break;
    }
    return ft_bool_from(r);
}

void ft_cell_set(FtObject *cell, FtObject *value)
{
    if (value != NULL)
        FT_INCREF(value);
    ft_qsbr_defer_decref(ft_cell_exchange(cell, value));
}

#if !defined(FT_GIL_NONE)
int ft_cell_take_if(FtObject *cell, FtObject *v)
{
    FtCellObject *c = (FtCellObject *)cell;
    if (c->ref != v)
        return 0;
    c->ref = NULL;
    return 1;
}
#endif

static FtObject *cell_get_contents(FtObject *op)
{
    FtObject *ref = ft_cell_get(op);
    if (ref == NULL)
        ft_err_set_string(FtExc_ValueError, "Cell is empty");
    return ref;
}

static int cell_set_contents(FtObject *op, FtObject *value)
{
    ft_cell_set(op, value);
    return 0;
}

static FtGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {NULL, NULL, NULL},
};

static int cell_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(((FtCellObject *)op)->ref);
    return 0;
}

/* Only on garbage, which no other thread reaches: a plain clear. */
static int cell_gc_clear(FtObject *op)
{
    FT_CLEAR(((FtCellObject *)op)->ref);
    return 0;
}

FtType FtCell_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "cell",
    .tp_basicsize = sizeof(FtCellObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = cell_dealloc,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_gc_clear,
    .tp_repr = cell_repr,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
};
