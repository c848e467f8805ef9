/* objects/code.c — code objects (interp/code.h): construction, the Python
 * visible attributes, the opcode tables derived from interp/opcode.h, and a
 * disassembler (ft_code_dump) for debugging the compiler and the eval loop.
 */
#include "interp/code.h"

#include <stdio.h>
#include <string.h>

#define FT_OPCODE_CACHE_(name, cache) [FT_OPC_##name] = (cache),
const unsigned char ft_opcode_has_cache[FT_OPCODE__COUNT] = {
    FT_OPCODES(FT_OPCODE_CACHE_)};
#undef FT_OPCODE_CACHE_

#define FT_OPCODE_NAME_(name, cache) [FT_OPC_##name] = #name,
const char *const ft_opcode_names[FT_OPCODE__COUNT] = {
    FT_OPCODES(FT_OPCODE_NAME_)};
#undef FT_OPCODE_NAME_

FtObject *ft_code_new(int argcount, int posonlyargcount, int kwonlyargcount,
                      int nlocals, int stacksize, int flags, int firstlineno,
                      ft_codeunit *code, ssize_t ncode, int32_t *lines,
                      FtObject *consts, FtObject *names, FtObject *varnames,
                      FtObject *cellvars, FtObject *freevars, int *cell2arg,
                      FtObject *filename, FtObject *name, FtObject *qualname,
                      int ncaches)
{
    FtInlineCache *caches = NULL;
    if (ncaches > 0) {
        caches = ft_mem_calloc((size_t)ncaches, sizeof(FtInlineCache));
        if (caches == NULL)
            goto fail;
    }
    FtCodeObject *co = (FtCodeObject *)ft_object_new(&FtCode_Type);
    if (co == NULL) {
        ft_mem_free(caches);
        goto fail;
    }
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_nlocals = nlocals;
    co->co_stacksize = stacksize;
    co->co_flags = flags;
    co->co_firstlineno = firstlineno;
    co->co_code = code;
    co->co_ncode = ncode;
    co->co_lines = lines;
    co->co_consts = FT_NEWREF(consts);
    ft_rc_immortalize_consts(consts); /* --enable-immortal */
    co->co_names = FT_NEWREF(names);
    co->co_varnames = FT_NEWREF(varnames);
    co->co_cellvars = FT_NEWREF(cellvars);
    co->co_freevars = FT_NEWREF(freevars);
    co->co_cell2arg = cell2arg;
    co->co_filename = FT_NEWREF(filename);
    co->co_name = FT_NEWREF(name);
    co->co_qualname = FT_NEWREF(qualname ? qualname : name);
    co->co_ncaches = ncaches;
    co->co_caches = caches;
    return (FtObject *)co;
fail:
    /* Ownership of the arrays was handed over either way. */
    ft_mem_free(code);
    ft_mem_free(lines);
    ft_mem_free(cell2arg);
    return NULL;
}

static void code_dealloc(FtObject *op)
{
    FtCodeObject *co = (FtCodeObject *)op;
    ft_mem_free(co->co_code);
    ft_mem_free(co->co_lines);
    ft_mem_free(co->co_cell2arg);
    ft_mem_free(co->co_caches);
    FT_XDECREF(co->co_consts);
    FT_XDECREF(co->co_names);
    FT_XDECREF(co->co_varnames);
    FT_XDECREF(co->co_cellvars);
    FT_XDECREF(co->co_freevars);
    FT_XDECREF(co->co_filename);
    FT_XDECREF(co->co_name);
    FT_XDECREF(co->co_qualname);
    ft_object_free(op);
}

FtObject *ft_code_name(FtObject *code) { return ((FtCodeObject *)code)->co_name; }

FtObject *ft_code_filename(FtObject *code)
{
    return ((FtCodeObject *)code)->co_filename;
}

static FtObject *code_repr(FtObject *op)
{
    FtCodeObject *co = (FtCodeObject *)op;
    char buf[64];
    snprintf(buf, sizeof buf, "%p", (void *)op);
    return ft_str_from_format("<code object %s at %s, file \"%s\", line %d>",
                              ft_str_cstr(co->co_name), buf,
                              ft_str_cstr(co->co_filename), co->co_firstlineno);
}

#define CODE_INT_GETTER(field)                                                 \
    static FtObject *code_get_##field(FtObject *op)                           \
    {                                                                          \
        return ft_int_from_i64(((FtCodeObject *)op)->field);                  \
    }
#define CODE_OBJ_GETTER(field)                                                 \
    static FtObject *code_get_##field(FtObject *op)                           \
    {                                                                          \
        return FT_NEWREF(((FtCodeObject *)op)->field);                        \
    }

CODE_INT_GETTER(co_argcount)
CODE_INT_GETTER(co_posonlyargcount)
CODE_INT_GETTER(co_kwonlyargcount)
CODE_INT_GETTER(co_nlocals)
CODE_INT_GETTER(co_stacksize)
CODE_INT_GETTER(co_flags)
CODE_INT_GETTER(co_firstlineno)
CODE_OBJ_GETTER(co_name)
CODE_OBJ_GETTER(co_qualname)
CODE_OBJ_GETTER(co_filename)
CODE_OBJ_GETTER(co_varnames)
CODE_OBJ_GETTER(co_consts)
CODE_OBJ_GETTER(co_names)
CODE_OBJ_GETTER(co_cellvars)
CODE_OBJ_GETTER(co_freevars)

static FtGetSetDef code_getset[] = {
    {"co_argcount", code_get_co_argcount, NULL},
    {"co_posonlyargcount", code_get_co_posonlyargcount, NULL},
    {"co_kwonlyargcount", code_get_co_kwonlyargcount, NULL},
    {"co_nlocals", code_get_co_nlocals, NULL},
    {"co_stacksize", code_get_co_stacksize, NULL},
    {"co_flags", code_get_co_flags, NULL},
    {"co_firstlineno", code_get_co_firstlineno, NULL},
    {"co_name", code_get_co_name, NULL},
    {"co_qualname", code_get_co_qualname, NULL},
    {"co_filename", code_get_co_filename, NULL},
    {"co_varnames", code_get_co_varnames, NULL},
    {"co_consts", code_get_co_consts, NULL},
    {"co_names", code_get_co_names, NULL},
    {"co_cellvars", code_get_co_cellvars, NULL},
    {"co_freevars", code_get_co_freevars, NULL},
    {NULL, NULL, NULL},
};

FtType FtCode_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "code",
    .tp_basicsize = sizeof(FtCodeObject),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getset = code_getset,
};

/* ---- disassembler -------------------------------------------------------- */

static void dump_obj(FtObject *o)
{
    FtObject *r = ft_object_repr(o);
    if (r == NULL) {
        ft_err_clear();
        printf("<repr failed>");
        return;
    }
    /* Long constants would drown the listing. */
    const char *s = ft_str_cstr(r);
    if (strlen(s) > 60)
        printf("%.57s...", s);
    else
        printf("%s", s);
    FT_DECREF(r);
}

static void dump_name_tuple(const char *label, FtObject *t)
{
    printf("  %s:", label);
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(t); i++)
        printf(" %zd=%s", i, ft_str_cstr(FT_TUPLE_GET(t, i)));
    printf("\n");
}

static int is_jump(int op)
{
    switch (op) {
    case FT_OPC_JUMP_ABSOLUTE:
    case FT_OPC_POP_JUMP_IF_FALSE:
    case FT_OPC_POP_JUMP_IF_TRUE:
    case FT_OPC_JUMP_IF_FALSE_OR_POP:
    case FT_OPC_JUMP_IF_TRUE_OR_POP:
    case FT_OPC_JUMP_IF_NOT_EXC_MATCH:
    case FT_OPC_FOR_ITER:
    case FT_OPC_SETUP_FINALLY:
    case FT_OPC_SETUP_WITH:
        return 1;
    default:
        return 0;
    }
}

static void dump_arg(FtCodeObject *co, int op, int arg)
{
    ssize_t ncells = FT_TUPLE_SIZE(co->co_cellvars);
    switch (op) {
    case FT_OPC_LOAD_CONST:
        if (arg < FT_TUPLE_SIZE(co->co_consts)) {
            printf("(");
            dump_obj(FT_TUPLE_GET(co->co_consts, arg));
            printf(")");
        }
        break;
    case FT_OPC_LOAD_NAME:
    case FT_OPC_STORE_NAME:
    case FT_OPC_DELETE_NAME:
    case FT_OPC_LOAD_GLOBAL:
    case FT_OPC_STORE_GLOBAL:
    case FT_OPC_DELETE_GLOBAL:
    case FT_OPC_LOAD_ATTR:
    case FT_OPC_STORE_ATTR:
    case FT_OPC_DELETE_ATTR:
    case FT_OPC_LOAD_METHOD:
    case FT_OPC_IMPORT_NAME:
    case FT_OPC_IMPORT_FROM:
        if (arg < FT_TUPLE_SIZE(co->co_names))
            printf("(%s)", ft_str_cstr(FT_TUPLE_GET(co->co_names, arg)));
        break;
    case FT_OPC_LOAD_FAST:
    case FT_OPC_LOAD_FAST_BINARY:
    case FT_OPC_LOAD_FAST_COMPARE:
    case FT_OPC_LOAD_FAST_SUBSCR:
    case FT_OPC_STORE_FAST:
    case FT_OPC_DELETE_FAST:
        if (arg < FT_TUPLE_SIZE(co->co_varnames))
            printf("(%s)", ft_str_cstr(FT_TUPLE_GET(co->co_varnames, arg)));
        break;
    case FT_OPC_LOAD_DEREF:
    case FT_OPC_STORE_DEREF:
    case FT_OPC_DELETE_DEREF:
    case FT_OPC_LOAD_CLOSURE:
    case FT_OPC_LOAD_CLASSDEREF:
        if (arg < ncells)
            printf("(cell %s)", ft_str_cstr(FT_TUPLE_GET(co->co_cellvars, arg)));
        else if (arg - ncells < FT_TUPLE_SIZE(co->co_freevars))
            printf("(free %s)",
                   ft_str_cstr(FT_TUPLE_GET(co->co_freevars, arg - ncells)));
        break;
    case FT_OPC_BINARY_OP:
    case FT_OPC_INPLACE_OP: {
        static const char *const ops[] = {"+", "-", "*", "/", "//", "%", "**",
                                          "<<", ">>", "&", "|", "^", "@"};
        if (arg >= 0 && arg < FT_OP__COUNT)
            printf("(%s%s)", ops[arg], op == FT_OPC_INPLACE_OP ? "=" : "");
        break;
    }
    case FT_OPC_COMPARE_OP: {
        static const char *const cmps[] = {"<", "<=", "==", "!=", ">", ">="};
        if (arg >= 0 && arg < 6)
            printf("(%s)", cmps[arg]);
        break;
    }
    default:
        if (is_jump(op))
            printf("(to %d)", arg);
        break;
    }
}

static void dump_code(FtCodeObject *co)
{
    FtObject *r = code_repr((FtObject *)co);
    printf("Disassembly of %s:\n", r ? ft_str_cstr(r) : "<code>");
    if (r == NULL)
        ft_err_clear();
    FT_XDECREF(r);
    printf("  qualname %s  flags 0x%x  argcount %d  posonly %d  kwonly %d  "
           "nlocals %d  stacksize %d  ncaches %d\n",
           ft_str_cstr(co->co_qualname), (unsigned)co->co_flags, co->co_argcount,
           co->co_posonlyargcount, co->co_kwonlyargcount, co->co_nlocals,
           co->co_stacksize, co->co_ncaches);
    printf("  consts:");
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(co->co_consts); i++) {
        printf(" %zd=", i);
        dump_obj(FT_TUPLE_GET(co->co_consts, i));
    }
    printf("\n");
    dump_name_tuple("names", co->co_names);
    dump_name_tuple("varnames", co->co_varnames);
    dump_name_tuple("cellvars", co->co_cellvars);
    dump_name_tuple("freevars", co->co_freevars);
    if (co->co_cell2arg) {
        printf("  cell2arg:");
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(co->co_cellvars); i++)
            printf(" %d", co->co_cell2arg[i]);
        printf("\n");
    }

    /* Mark jump targets with ">>" like dis does. */
    unsigned char *target = ft_mem_calloc((size_t)co->co_ncode + 1, 1);
    if (target == NULL) {
        ft_err_clear();
    } else {
        for (ssize_t i = 0; i < co->co_ncode; i++) {
            int op = FT_OP(co->co_code[i]);
            if (op < FT_OPCODE__COUNT && is_jump(op)) {
                int t = FT_ARG(co->co_code[i]);
                if (t >= 0 && t <= co->co_ncode)
                    target[t] = 1;
            }
            if (op < FT_OPCODE__COUNT && ft_opcode_has_cache[op])
                i++;
        }
    }
    int lastline = -1;
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        ft_codeunit w = co->co_code[i];
        int op = FT_OP(w), arg = FT_ARG(w);
        int line = co->co_lines[i];
        if (line != lastline)
            printf("%5d ", line);
        else
            printf("      ");
        lastline = line;
        printf("%s %5zd ", target && target[i] ? ">>" : "  ", i);
        if (op >= FT_OPCODE__COUNT) {
            printf("<bad opcode %d> %d\n", op, arg);
            continue;
        }
        printf("%-22s %5d ", ft_opcode_names[op], arg);
        dump_arg(co, op, arg);
        if (ft_opcode_has_cache[op] && i + 1 < co->co_ncode) {
            i++;
            printf("  [cache %u]", (unsigned)co->co_code[i]);
        }
        printf("\n");
    }
    ft_mem_free(target);
    printf("\n");

    for (ssize_t i = 0; i < FT_TUPLE_SIZE(co->co_consts); i++) {
        FtObject *c = FT_TUPLE_GET(co->co_consts, i);
        if (FT_CODE_CHECK(c))
            dump_code((FtCodeObject *)c);
    }
}

void ft_code_dump(FtObject *code)
{
    if (code == NULL || !FT_CODE_CHECK(code)) {
        printf("<not a code object>\n");
        return;
    }
    dump_code((FtCodeObject *)code);
    fflush(stdout);
}
