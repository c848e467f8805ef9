/* interp/opcode.h — the bytecode: what the compiler emits and the eval loop
 * runs. The instruction set is CPython 3.10's, with the deviations listed
 * here; where this file is silent an opcode means exactly what it means in
 * CPython 3.10.
 *
 * Deviations from CPython 3.10:
 *  - An instruction is one 32-bit word: opcode in the low 8 bits, argument
 *    in the high 24 (FT_OP / FT_ARG). There is no EXTENDED_ARG.
 *  - Jump arguments are absolute targets, counted in words, for every jump
 *    (forward ones too: there is no relative jump).
 *  - Instructions marked [cache] are followed by ONE extra word holding an
 *    inline-cache slot number (0 .. co_ncaches-1) assigned by the compiler;
 *    the eval loop reads it and continues after it. Jump targets never
 *    point at a cache word.
 *  - Exceptions are single normalised objects: where 3.10 pushes the triple
 *    (tb, value, type) we push one object. When an exception is caught by a
 *    SETUP_FINALLY / SETUP_WITH block, the eval loop pops the value stack
 *    down to the block's level, pushes an EXCEPT_HANDLER block (level = the
 *    current stack depth), pushes the previously handled exception
 *    (tstate->exc_handled, or None) and then the caught exception, sets
 *    tstate->exc_handled to the caught exception, and jumps to the handler.
 *    So a handler starts with the stack [..., prev_exc, exc]. POP_EXCEPT
 *    pops the EXCEPT_HANDLER block and prev_exc (restoring
 *    tstate->exc_handled = prev_exc, None meaning NULL). Unwinding through
 *    an EXCEPT_HANDLER block during propagation does the same.
 *  - Binary and in-place operators are one opcode each (BINARY_OP,
 *    INPLACE_OP) whose argument is an FT_OP_* value from objects/object.h.
 *  - RERAISE pops the exception and raises it again without adding a new
 *    traceback entry for this frame (it already has one).
 *  - WITH_EXCEPT_START sees [..., exit_func, prev_exc, exc]: it calls
 *    exit_func(type(exc), exc, exc.__traceback__ or None) and pushes the
 *    result (stack: [..., exit_func, prev_exc, exc, result]).
 *  - Annotations of local variables in functions are never evaluated;
 *    function annotations (parameters, return) go to MAKE_FUNCTION 0x04.
 *  - GEN_START does not exist; generator code starts at word 0.
 *  - LOAD_FAST_BINARY, LOAD_FAST_COMPARE and LOAD_FAST_SUBSCR replace the
 *    first word of a LOAD_FAST; LOAD_FAST|LOAD_CONST; consumer sequence,
 *    LOAD_FAST_ATTR and LOAD_FAST_STORE_ATTR that of LOAD_FAST; LOAD_ATTR
 *    and LOAD_FAST; STORE_ATTR (interp/eval_fused.h); the other words
 *    stay, so the sequence still reads as written.
 */
#ifndef FT_INTERP_OPCODE_H
#define FT_INTERP_OPCODE_H

#include <stdint.h>

typedef uint32_t ft_codeunit;
#define FT_OP(word) ((int)((word)&0xffu))
#define FT_ARG(word) ((int)((word) >> 8))
#define FT_MAKE_INSTR(op, arg) ((ft_codeunit)(op) | ((ft_codeunit)(arg) << 8))
#define FT_ARG_MAX 0xffffff

/* X(name, has_cache) — the order defines the numbers; the enum names are
 * FT_OPC_<name> (FT_OPC_LOAD_FAST, ...). */
#define FT_OPCODES(X)                                                          \
    X(NOP, 0)                                                                  \
    X(POP_TOP, 0)                                                              \
    X(ROT_TWO, 0)                                                              \
    X(ROT_THREE, 0)                                                            \
    X(ROT_FOUR, 0)                                                             \
    X(DUP_TOP, 0)                                                              \
    X(DUP_TOP_TWO, 0)                                                          \
    X(ROT_N, 0)                                                                \
    X(UNARY_POSITIVE, 0)                                                       \
    X(UNARY_NEGATIVE, 0)                                                       \
    X(UNARY_NOT, 0)                                                            \
    X(UNARY_INVERT, 0)                                                         \
    X(BINARY_OP, 0)        /* arg: FT_OP_*; TOS1 op TOS */                     \
    X(INPLACE_OP, 0)       /* arg: FT_OP_*; TOS1 op= TOS */                    \
    X(BINARY_SUBSCR, 0)                                                        \
    X(STORE_SUBSCR, 0)                                                         \
    X(DELETE_SUBSCR, 0)                                                        \
    X(COMPARE_OP, 0)       /* arg: FT_LT..FT_GE */                             \
    X(IS_OP, 0)            /* arg 1: is not */                                 \
    X(CONTAINS_OP, 0)      /* arg 1: not in */                                 \
    X(JUMP_IF_NOT_EXC_MATCH, 0) /* pops TOS (type) and TOS1 (exc) */           \
    X(LOAD_CONST, 0)                                                           \
    X(LOAD_NAME, 0)                                                            \
    X(STORE_NAME, 0)                                                           \
    X(DELETE_NAME, 0)                                                          \
    X(LOAD_GLOBAL, 1)                                                          \
    X(STORE_GLOBAL, 0)                                                         \
    X(DELETE_GLOBAL, 0)                                                        \
    X(LOAD_FAST, 0)                                                            \
    X(STORE_FAST, 0)                                                           \
    X(DELETE_FAST, 0)                                                          \
    X(LOAD_DEREF, 0)       /* arg indexes cellvars then freevars */            \
    X(STORE_DEREF, 0)                                                          \
    X(DELETE_DEREF, 0)                                                         \
    X(LOAD_CLOSURE, 0)                                                         \
    X(LOAD_CLASSDEREF, 0)                                                      \
    X(LOAD_ATTR, 1)                                                            \
    X(STORE_ATTR, 1)                                                           \
    X(DELETE_ATTR, 0)                                                          \
    X(LOAD_METHOD, 1)                                                          \
    X(CALL_METHOD, 0)      /* arg: positional count */                         \
    X(CALL_METHOD_KW, 0)   /* like CALL_FUNCTION_KW after LOAD_METHOD */       \
    X(CALL_FUNCTION, 0)                                                        \
    X(CALL_FUNCTION_KW, 0) /* TOS: tuple of keyword names */                   \
    X(CALL_FUNCTION_EX, 0) /* arg & 1: a kwargs dict is on top */              \
    X(MAKE_FUNCTION, 0) /* 0x01 defaults, 0x02 kwdefaults, 0x04 annotations, 0x08 closure */ \
    X(RETURN_VALUE, 0)                                                         \
    X(LOAD_BUILD_CLASS, 0)                                                     \
    X(BUILD_TUPLE, 0)                                                          \
    X(BUILD_LIST, 0)                                                           \
    X(BUILD_SET, 0)                                                            \
    X(BUILD_MAP, 0)                                                            \
    X(BUILD_CONST_KEY_MAP, 0)                                                  \
    X(BUILD_STRING, 0)                                                         \
    X(BUILD_SLICE, 0)                                                          \
    X(LIST_APPEND, 0)                                                          \
    X(SET_ADD, 0)                                                              \
    X(MAP_ADD, 0)                                                              \
    X(LIST_EXTEND, 0)                                                          \
    X(SET_UPDATE, 0)                                                           \
    X(DICT_UPDATE, 0)                                                          \
    X(DICT_MERGE, 0)                                                           \
    X(LIST_TO_TUPLE, 0)                                                        \
    X(UNPACK_SEQUENCE, 0)                                                      \
    X(UNPACK_EX, 0)                                                            \
    X(FORMAT_VALUE, 0)                                                         \
    X(JUMP_ABSOLUTE, 0)                                                        \
    X(POP_JUMP_IF_FALSE, 0)                                                    \
    X(POP_JUMP_IF_TRUE, 0)                                                     \
    X(JUMP_IF_FALSE_OR_POP, 0)                                                 \
    X(JUMP_IF_TRUE_OR_POP, 0)                                                  \
    X(GET_ITER, 0)                                                             \
    X(FOR_ITER, 0)         /* on exhaustion: pop the iterator, jump to arg */  \
    X(YIELD_VALUE, 0)                                                          \
    X(YIELD_FROM, 0)                                                           \
    X(GET_YIELD_FROM_ITER, 0)                                                  \
    X(SETUP_FINALLY, 0)                                                        \
    X(SETUP_WITH, 0)                                                           \
    X(POP_BLOCK, 0)                                                            \
    X(POP_EXCEPT, 0)                                                           \
    X(RERAISE, 0)                                                              \
    X(WITH_EXCEPT_START, 0)                                                    \
    X(RAISE_VARARGS, 0)                                                        \
    X(LOAD_ASSERTION_ERROR, 0)                                                 \
    X(IMPORT_NAME, 0)      /* TOS: fromlist, TOS1: level */                    \
    X(IMPORT_FROM, 0)                                                          \
    X(IMPORT_STAR, 0)                                                          \
    X(PRINT_EXPR, 0)       /* REPL: print repr(TOS) unless None */         \
    X(SETUP_ANNOTATIONS, 0)                                                    \
    /* Fused by the assembler, never emitted by the compiler: the first   */  \
    /* word of LOAD_FAST; LOAD_FAST|LOAD_CONST; consumer (eval_fused.h). */  \
    X(LOAD_FAST_BINARY, 0)  /* consumer: BINARY_OP or INPLACE_OP */          \
    X(LOAD_FAST_COMPARE, 0) /* consumer: COMPARE_OP */                       \
    X(LOAD_FAST_SUBSCR, 0)  /* consumer: BINARY_SUBSCR */                    \
    /* ...and of LOAD_FAST; LOAD_ATTR|STORE_ATTR (the owner borrowed). */    \
    X(LOAD_FAST_ATTR, 0)                                                       \
    X(LOAD_FAST_STORE_ATTR, 0)

enum {
#define FT_OPCODE_ENUM_(name, cache) FT_OPC_##name,
    FT_OPCODES(FT_OPCODE_ENUM_)
#undef FT_OPCODE_ENUM_
    FT_OPCODE__COUNT
};

/* 1 if the opcode is followed by an inline-cache word. */
extern const unsigned char ft_opcode_has_cache[FT_OPCODE__COUNT];
extern const char *const ft_opcode_names[FT_OPCODE__COUNT];

/* Maximum statically nested blocks (SETUP_FINALLY/SETUP_WITH/handlers). */
#define FT_MAX_BLOCKS 20

/* FORMAT_VALUE argument bits, as in CPython 3.10. */
#define FT_FVC_MASK 0x3
#define FT_FVC_NONE 0x0
#define FT_FVC_STR 0x1
#define FT_FVC_REPR 0x2
#define FT_FVC_ASCII 0x3
#define FT_FVS_HAVE_SPEC 0x4

#endif
