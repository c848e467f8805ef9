/* interp/compiler_assemble.c — turns a unit's instruction list into a code
 * object: resolves labels to absolute word offsets, threads jumps to
 * jumps, computes the maximum stack depth by flow analysis (which also
 * finds unreachable code, dropped here), numbers the inline-cache slots,
 * and builds the line table and the name tuples.
 */
#include "interp/compiler_internal.h"

#include <stdlib.h>
#include <string.h>

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

/* No fall-through to the next instruction. */
static int is_terminal(int op)
{
    return op == FT_OPC_JUMP_ABSOLUTE || op == FT_OPC_RETURN_VALUE ||
           op == FT_OPC_RAISE_VARARGS || op == FT_OPC_RERAISE;
}

/* The change in stack depth after op, on the fall-through path (jump = 0)
 * or when the jump is taken (jump = 1). INT32_MIN for an unknown opcode. */
static int stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case FT_OPC_NOP:
    case FT_OPC_ROT_TWO:
    case FT_OPC_ROT_THREE:
    case FT_OPC_ROT_FOUR:
    case FT_OPC_ROT_N:
    case FT_OPC_UNARY_POSITIVE:
    case FT_OPC_UNARY_NEGATIVE:
    case FT_OPC_UNARY_NOT:
    case FT_OPC_UNARY_INVERT:
    case FT_OPC_DELETE_NAME:
    case FT_OPC_DELETE_GLOBAL:
    case FT_OPC_DELETE_FAST:
    case FT_OPC_DELETE_DEREF:
    case FT_OPC_LOAD_ATTR:
    case FT_OPC_LIST_TO_TUPLE:
    case FT_OPC_JUMP_ABSOLUTE:
    case FT_OPC_GET_ITER:
    case FT_OPC_YIELD_VALUE:
    case FT_OPC_GET_YIELD_FROM_ITER:
    case FT_OPC_POP_BLOCK:
    case FT_OPC_SETUP_ANNOTATIONS:
        return 0;
    case FT_OPC_POP_TOP:
    case FT_OPC_BINARY_OP:
    case FT_OPC_INPLACE_OP:
    case FT_OPC_BINARY_SUBSCR:
    case FT_OPC_COMPARE_OP:
    case FT_OPC_IS_OP:
    case FT_OPC_CONTAINS_OP:
    case FT_OPC_STORE_NAME:
    case FT_OPC_STORE_GLOBAL:
    case FT_OPC_STORE_FAST:
    case FT_OPC_STORE_DEREF:
    case FT_OPC_DELETE_ATTR:
    case FT_OPC_RETURN_VALUE:
    case FT_OPC_LIST_APPEND:
    case FT_OPC_SET_ADD:
    case FT_OPC_LIST_EXTEND:
    case FT_OPC_SET_UPDATE:
    case FT_OPC_DICT_UPDATE:
    case FT_OPC_DICT_MERGE:
    case FT_OPC_POP_JUMP_IF_FALSE:
    case FT_OPC_POP_JUMP_IF_TRUE:
    case FT_OPC_YIELD_FROM:
    case FT_OPC_POP_EXCEPT:
    case FT_OPC_RERAISE:
    case FT_OPC_IMPORT_NAME:
    case FT_OPC_IMPORT_STAR:
    case FT_OPC_PRINT_EXPR:
        return -1;
    case FT_OPC_DUP_TOP:
    case FT_OPC_LOAD_CONST:
    case FT_OPC_LOAD_NAME:
    case FT_OPC_LOAD_GLOBAL:
    case FT_OPC_LOAD_FAST:
    case FT_OPC_LOAD_DEREF:
    case FT_OPC_LOAD_CLOSURE:
    case FT_OPC_LOAD_CLASSDEREF:
    case FT_OPC_LOAD_METHOD:
    case FT_OPC_LOAD_BUILD_CLASS:
    case FT_OPC_WITH_EXCEPT_START:
    case FT_OPC_LOAD_ASSERTION_ERROR:
    case FT_OPC_IMPORT_FROM:
        return 1;
    case FT_OPC_DUP_TOP_TWO:
        return 2;
    case FT_OPC_STORE_SUBSCR:
        return -3;
    case FT_OPC_DELETE_SUBSCR:
    case FT_OPC_JUMP_IF_NOT_EXC_MATCH:
    case FT_OPC_STORE_ATTR:
    case FT_OPC_MAP_ADD:
        return -2;
    case FT_OPC_CALL_METHOD:
        return -arg - 1;
    case FT_OPC_CALL_METHOD_KW:
        return -arg - 2;
    case FT_OPC_CALL_FUNCTION:
        return -arg;
    case FT_OPC_CALL_FUNCTION_KW:
        return -arg - 1;
    case FT_OPC_CALL_FUNCTION_EX:
        return -1 - (arg & 1);
    case FT_OPC_MAKE_FUNCTION:
        return -1 - ((arg & 0x01) != 0) - ((arg & 0x02) != 0) -
               ((arg & 0x04) != 0) - ((arg & 0x08) != 0);
    case FT_OPC_BUILD_TUPLE:
    case FT_OPC_BUILD_LIST:
    case FT_OPC_BUILD_SET:
    case FT_OPC_BUILD_STRING:
    case FT_OPC_BUILD_SLICE:
        return 1 - arg;
    case FT_OPC_BUILD_MAP:
        return 1 - 2 * arg;
    case FT_OPC_BUILD_CONST_KEY_MAP:
        return -arg;
    case FT_OPC_UNPACK_SEQUENCE:
        return arg - 1;
    case FT_OPC_UNPACK_EX:
        return (arg & 0xff) + (arg >> 8);
    case FT_OPC_FORMAT_VALUE:
        return (arg & FT_FVS_HAVE_SPEC) ? -1 : 0;
    case FT_OPC_JUMP_IF_FALSE_OR_POP:
    case FT_OPC_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case FT_OPC_FOR_ITER:
        return jump ? -1 : 1;
    case FT_OPC_SETUP_FINALLY:
        /* the handler starts with [prev_exc, exc] */
        return jump ? 2 : 0;
    case FT_OPC_SETUP_WITH:
        /* [mgr] -> [exit, enter_result]; handler: [exit, prev_exc, exc] */
        return jump ? 2 : 1;
    case FT_OPC_RAISE_VARARGS:
        return -arg;
    default:
        return INT32_MIN;
    }
}

/* Depth of the value stack before each instruction, -1 if unreachable.
 * Returns the maximum depth, or -1 + SystemError. */
static int compute_depths(FtCompiler *c, CInstr *ins, int n, int *depth)
{
    int *work = ft_mem_alloc((size_t)(n + 1) * 2 * sizeof(int));
    if (work == NULL)
        return -1;
    int nwork = 0, maxdepth = 0, err = 0;
    for (int i = 0; i < n; i++)
        depth[i] = -1;
    work[nwork++] = 0;
    work[nwork++] = 0;
    while (nwork > 0 && !err) {
        int d = work[--nwork];
        int i = work[--nwork];
        for (; i < n; i++) {
            if (depth[i] >= 0) {
                if (depth[i] != d)
                    err = 1;
                break;
            }
            depth[i] = d;
            int op = ins[i].op, arg = ins[i].arg;
            if (is_jump(op)) {
                int td = d + stack_effect(op, arg, 1);
                if (td < 0) {
                    err = 2;
                    break;
                }
                if (td > maxdepth)
                    maxdepth = td;
                if (depth[arg] < 0) {
                    /* Each jump is visited once, so at most n + 1 entries
                     * are ever pushed. */
                    work[nwork++] = arg;
                    work[nwork++] = td;
                } else if (depth[arg] != td) {
                    err = 1;
                    break;
                }
            }
            if (is_terminal(op))
                break;
            int eff = stack_effect(op, arg, 0);
            if (eff == INT32_MIN) {
                err = 3;
                break;
            }
            d += eff;
            if (d < 0) {
                err = 2;
                break;
            }
            if (d > maxdepth)
                maxdepth = d;
        }
    }
    ft_mem_free(work);
    if (err)
        return cc_internal_error(c, err == 1   ? "inconsistent stack depth"
                                    : err == 2 ? "stack underflow"
                                               : "unknown opcode");
    return maxdepth;
}

/* Jumps whose target is an unconditional jump go straight to its target. */
static void thread_jumps(CInstr *ins, int n)
{
    for (int i = 0; i < n; i++) {
        int op = ins[i].op;
        if (!is_jump(op) || op == FT_OPC_SETUP_FINALLY || op == FT_OPC_SETUP_WITH)
            continue;
        int t = ins[i].arg;
        for (int hops = 0; hops < 32 && t < n && ins[t].op == FT_OPC_JUMP_ABSOLUTE &&
                           ins[t].arg != t;
             hops++)
            t = ins[t].arg;
        ins[i].arg = t;
    }
}

/* The fused instruction that can replace the LOAD_FAST of
 * LOAD_FAST; LOAD_FAST|LOAD_CONST; consumer or of LOAD_FAST; LOAD_ATTR |
 * STORE_ATTR, or -1. */
static int fused_opcode(ft_codeunit second, ft_codeunit consumer)
{
    if (FT_OP(second) == FT_OPC_LOAD_ATTR)
        return FT_OPC_LOAD_FAST_ATTR;
    if (FT_OP(second) == FT_OPC_STORE_ATTR)
        return FT_OPC_LOAD_FAST_STORE_ATTR;
    if (FT_OP(second) != FT_OPC_LOAD_FAST && FT_OP(second) != FT_OPC_LOAD_CONST)
        return -1;
    switch (FT_OP(consumer)) {
    case FT_OPC_BINARY_OP:
    case FT_OPC_INPLACE_OP:
        return FT_OPC_LOAD_FAST_BINARY;
    case FT_OPC_COMPARE_OP:
        return FT_OPC_LOAD_FAST_COMPARE;
    case FT_OPC_BINARY_SUBSCR:
        return FT_OPC_LOAD_FAST_SUBSCR;
    default:
        return -1;
    }
}

int ft_compiler_fuse_operands = 1;

/* Rewrites the first word of each fusable three-word sequence
 * (interp/eval_fused.h). Only that word changes, so jump targets and the
 * line table stay valid, and a jump to the second or third word still
 * runs the plain instructions. */
static void fuse_operand_loads(ft_codeunit *code, int nwords)
{
    for (int i = 0; i + 2 < nwords; i++) {
        int op = FT_OP(code[i]);
        if (op == FT_OPC_LOAD_FAST) {
            int fused = fused_opcode(code[i + 1], code[i + 2]);
            if (fused >= 0)
                code[i] = FT_MAKE_INSTR(fused, FT_ARG(code[i]));
        } else if (ft_opcode_has_cache[op]) {
            i++; /* a cache word is not an instruction */
        }
    }
}

static FtObject *names_tuple(FtStrMap *m)
{
    FtObject *t = ft_tuple_new(m->n);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < m->n; i++) {
        FtObject *s = ft_str_intern_cstr(m->order[i]);
        if (s == NULL) {
            FT_DECREF(t);
            return NULL;
        }
        FT_TUPLE_SET(t, i, s);
    }
    return t;
}

static int code_flags(CUnit *u)
{
    FtSymEntry *ste = u->ste;
    int flags = 0;
    if (ste->type == FT_BLOCK_FUNCTION) {
        flags |= FT_CO_OPTIMIZED | FT_CO_NEWLOCALS;
        if (ste->nested)
            flags |= FT_CO_NESTED;
        if (ste->is_generator)
            flags |= FT_CO_GENERATOR;
        if (ste->has_varargs)
            flags |= FT_CO_VARARGS;
        if (ste->has_varkeywords)
            flags |= FT_CO_VARKEYWORDS;
    }
    if (u->cellvars.n == 0 && u->freevars.n == 0)
        flags |= FT_CO_NOFREE;
    return flags;
}

/* For each cellvar that is also a parameter, its argument index. */
static int make_cell2arg(CUnit *u, int **out)
{
    *out = NULL;
    int nparams = u->ste->type == FT_BLOCK_FUNCTION ? u->ste->n_params : 0;
    if (nparams == 0 || u->cellvars.n == 0)
        return 0;
    int *map = NULL;
    for (int i = 0; i < u->cellvars.n; i++) {
        int arg = ft_strmap_get(&u->varnames, u->cellvars.order[i]);
        if (arg < 0 || arg >= nparams)
            continue;
        if (map == NULL) {
            map = ft_mem_alloc((size_t)u->cellvars.n * sizeof(int));
            if (map == NULL)
                return -1;
            for (int k = 0; k < u->cellvars.n; k++)
                map[k] = -1;
        }
        map[i] = arg;
    }
    *out = map;
    return 0;
}

/* An instruction's argument has 24 bits (opcode.h: there is no
 * EXTENDED_ARG), so a code object holds at most FT_ARG_MAX + 1 constants,
 * names, locals and cells, and as many words of code (jump targets are
 * word offsets). Past that the compile fails with a SystemError that says
 * which limit was passed, as CPython does for its own limits; an argument
 * that still does not fit is caught when it is encoded. */
static int check_limits(FtCompiler *c, int nwords)
{
    CUnit *u = c->u;
    const struct {
        const char *what;
        long count;
    } tables[] = {
        {"constants", u->n_consts},
        {"global and attribute names", u->names.n},
        {"local variables", u->varnames.n},
        {"cell and free variables", (long)u->cellvars.n + u->freevars.n},
        {"words of bytecode", nwords},
    };
    const char *what = NULL;
    long count = 0;
    for (size_t i = 0; i < sizeof tables / sizeof tables[0] && what == NULL; i++) {
        if (tables[i].count > FT_ARG_MAX + 1) {
            what = tables[i].what;
            count = tables[i].count;
        }
    }
    if (what == NULL)
        return 0;
    ft_err_format(FtExc_SystemError,
                  "too many %s in one code object: %ld (at most %d) in %s",
                  what, count, FT_ARG_MAX + 1, ft_str_cstr(u->qualname));
    return -1;
}

FtObject *cc_assemble(FtCompiler *c)
{
    CUnit *u = c->u;
    /* Falling off the end returns None (dropped below if unreachable). */
    cc_load_const(c, FT_None);
    cc_emit(c, FT_OPC_RETURN_VALUE, 0);
    if (c->nomem) {
        if (!ft_err_occurred())
            ft_err_no_memory();
        return NULL;
    }

    int n = u->n_instrs;
    CInstr *ins = u->instrs;
    for (int i = 0; i < n; i++) {
        if (!is_jump(ins[i].op))
            continue;
        int l = ins[i].arg;
        if (l < 0 || l >= u->n_labels || u->labels[l] < 0 || u->labels[l] >= n) {
            cc_internal_error(c, "jump to an unplaced label");
            return NULL;
        }
        ins[i].arg = u->labels[l];
    }
    thread_jumps(ins, n);

    int *depth = ft_mem_alloc((size_t)(n + 1) * sizeof(int));
    int *offset = ft_mem_alloc((size_t)(n + 1) * sizeof(int));
    unsigned char *keep = ft_mem_alloc((size_t)(n + 1));
    ft_codeunit *code = NULL;
    int32_t *lines = NULL;
    int *cell2arg = NULL;
    FtObject *consts = NULL, *names = NULL, *varnames = NULL, *cellvars = NULL,
             *freevars = NULL, *name = NULL, *result = NULL;
    if (depth == NULL || offset == NULL || keep == NULL)
        goto done;
    int stacksize = compute_depths(c, ins, n, depth);
    if (stacksize < 0)
        goto done;

    /* Drop unreachable instructions and NOPs, then jumps to the next
     * remaining instruction (deciding from the end backwards, so the
     * instructions a jump skips are already settled). */
    for (int i = 0; i < n; i++)
        keep[i] = depth[i] >= 0 && ins[i].op != FT_OPC_NOP;
    for (int i = n - 1; i >= 0; i--) {
        if (!keep[i] || ins[i].op != FT_OPC_JUMP_ABSOLUTE || ins[i].arg <= i)
            continue;
        int t = ins[i].arg, j = i + 1;
        while (j < t && !keep[j])
            j++;
        if (j == t)
            keep[i] = 0;
    }
    int nwords = 0;
    for (int i = 0; i < n; i++) {
        offset[i] = nwords;
        if (keep[i])
            nwords += 1 + ft_opcode_has_cache[ins[i].op];
    }
    offset[n] = nwords;
    if (check_limits(c, nwords) < 0)
        goto done;

    code = ft_mem_alloc((size_t)(nwords ? nwords : 1) * sizeof(ft_codeunit));
    lines = ft_mem_alloc((size_t)(nwords ? nwords : 1) * sizeof(int32_t));
    if (code == NULL || lines == NULL)
        goto done;
    int pos = 0, ncaches = 0;
    for (int i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        int op = ins[i].op, arg = ins[i].arg;
        if (is_jump(op))
            arg = offset[arg];
        if (arg < 0 || arg > FT_ARG_MAX) {
            cc_internal_error(c, "instruction argument out of range");
            goto done;
        }
        int line = ins[i].lineno > 0 ? ins[i].lineno : u->firstlineno;
        code[pos] = FT_MAKE_INSTR(op, arg);
        lines[pos++] = line;
        if (ft_opcode_has_cache[op]) {
            code[pos] = (ft_codeunit)ncaches++;
            lines[pos++] = line;
        }
    }

    if (ft_compiler_fuse_operands)
        fuse_operand_loads(code, nwords);

    consts = ft_tuple_new(u->n_consts);
    if (consts == NULL)
        goto done;
    for (int i = 0; i < u->n_consts; i++)
        FT_TUPLE_SET(consts, i, FT_NEWREF(u->consts[i]));
    names = names_tuple(&u->names);
    varnames = names ? names_tuple(&u->varnames) : NULL;
    cellvars = varnames ? names_tuple(&u->cellvars) : NULL;
    freevars = cellvars ? names_tuple(&u->freevars) : NULL;
    name = freevars ? ft_str_intern_cstr(u->name) : NULL;
    if (name == NULL)
        goto done;
    if (make_cell2arg(u, &cell2arg) < 0)
        goto done;

    int nlocals = u->varnames.n;
    result = ft_code_new(u->argcount, u->posonlyargcount, u->kwonlyargcount,
                         nlocals, stacksize, code_flags(u), u->firstlineno, code,
                         nwords, lines, consts, names, varnames, cellvars, freevars,
                         cell2arg, c->filename_obj, name, u->qualname, ncaches);
    /* ft_code_new owns the arrays now, whether or not it succeeded. */
    code = NULL;
    lines = NULL;
    cell2arg = NULL;
done:
    ft_mem_free(depth);
    ft_mem_free(offset);
    ft_mem_free(keep);
    ft_mem_free(code);
    ft_mem_free(lines);
    ft_mem_free(cell2arg);
    FT_XDECREF(consts);
    FT_XDECREF(names);
    FT_XDECREF(varnames);
    FT_XDECREF(cellvars);
    FT_XDECREF(freevars);
    FT_XDECREF(name);
    return result;
}
