/* interp/eval_fused.h — the fused operand instructions; included into the
 * body of the eval loop (interp/eval.c) and nowhere else.
 *
 * The assembler (interp/compiler_assemble.c) rewrites the first word of
 *     LOAD_FAST x;  LOAD_FAST y | LOAD_CONST c;  consumer
 * where the consumer is BINARY_OP / INPLACE_OP, COMPARE_OP or
 * BINARY_SUBSCR, and leaves the other two words as they were. For exact
 * ints, floats and strs (and list or tuple subscripts) the handler reads
 * both operands in place, borrowed — the frame's locals and the code's
 * constants keep them alive, and only this thread runs this frame — so it
 * makes none of the four reference-count changes of the plain sequence
 * (two pushes, two pops); it then continues after the consumer. On a
 * free-threaded build those changes are the expensive part of `i < n` or
 * `x + 1`. Any other case, or an unbound local, runs as the plain
 * LOAD_FAST and lets the next two words run as written, which is also
 * what a jump into the middle of the sequence does.
 *
 * The assembler also rewrites the LOAD_FAST of LOAD_FAST x; LOAD_ATTR n
 * and LOAD_FAST x; STORE_ATTR n (`self.n`, `self.n = v`): these run the
 * plain attribute handlers with the owner borrowed from the local instead
 * of pushed and popped, for every type of owner. The local keeps the
 * owner alive throughout, even while the lookup or the store runs Python
 * code (a property, __setattr__, a __del__), because no code can rebind a
 * running frame's fast locals but the frame itself.
 */

/* The second operand of a fused sequence: the word at ip[0]. */
#define FUSED_RIGHT()                                                          \
    (FT_OP(ip[0]) == FT_OPC_LOAD_FAST ? fast[FT_ARG(ip[0])]                    \
                                      : consts[FT_ARG(ip[0])])

    TARGET(LOAD_FAST_BINARY)
    {
        FtObject *l = fast[OPARG()], *r = FUSED_RIGHT(), *res;
        int op = FT_ARG(ip[1]);
        if (UNLIKELY(l == NULL || r == NULL))
            goto load_fast;
        if (FT_INT_CHECK_EXACT(l) && FT_INT_CHECK_EXACT(r)) {
            int64_t c;
            int how = ev_int_arith(op, l, r, &c);
            if (how == EV_ARITH_DONE)
                res = int_from(c);
            else if (how == EV_ARITH_INT_OP)
                res = ft_int_binop(l, r, op);
            else
                goto load_fast;
        } else if (FT_FLOAT_CHECK_EXACT(l) && FT_FLOAT_CHECK_EXACT(r)) {
            double c;
            if (!ev_float_arith(op, FT_FLOAT_VALUE(l), FT_FLOAT_VALUE(r), &c))
                goto load_fast;
            res = ft_float_from_double(c);
        } else {
            goto load_fast;
        }
        ip += 2;
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(LOAD_FAST_COMPARE)
    {
        FtObject *l = fast[OPARG()], *r = FUSED_RIGHT();
        int op = FT_ARG(ip[1]), b;
        if (UNLIKELY(l == NULL || r == NULL))
            goto load_fast;
        if (FT_INT_CHECK_EXACT(l) && FT_INT_CHECK_EXACT(r) &&
            EV_BOTH_SMALL(l, r))
            b = ft_compare_int(op, FT_INT_VALUE(l), FT_INT_VALUE(r));
        else if (FT_FLOAT_CHECK_EXACT(l) && FT_FLOAT_CHECK_EXACT(r))
            b = ft_compare_double(op, FT_FLOAT_VALUE(l), FT_FLOAT_VALUE(r));
        else if ((op == FT_EQ || op == FT_NE) && FT_STR_CHECK_EXACT(l) &&
                 FT_STR_CHECK_EXACT(r))
            b = ft_str_eq(l, r) ^ (op == FT_NE);
        else
            goto load_fast;
        ip += 2;
        PUSH_BOOL_OR_JUMP(b);
    }

    TARGET(LOAD_FAST_SUBSCR)
    {
        FtObject *container = fast[OPARG()], *sub = FUSED_RIGHT(), *res;
        if (UNLIKELY(container == NULL || sub == NULL) ||
            !FT_INT_CHECK_EXACT(sub))
            goto load_fast;
        int64_t i = FT_INT_VALUE(sub);
        if (FT_LIST_CHECK_EXACT(container)) {
#if LIST_FAST_PATHS
            ssize_t n = FT_LIST_SIZE(container);
            if (i < 0)
                i += n;
            if ((uint64_t)i >= (uint64_t)n)
                goto load_fast;
            res = FT_LIST_ITEMS(container)[i];
            FT_INCREF(res);
#else
            if (ft_list_get_fast(container, (ssize_t)i, &res) <= 0)
                goto load_fast;
#endif
        } else if (FT_TUPLE_CHECK_EXACT(container)) {
            ssize_t n = FT_TUPLE_SIZE(container);
            if (i < 0)
                i += n;
            if ((uint64_t)i >= (uint64_t)n)
                goto load_fast;
            res = FT_TUPLE_GET(container, i);
            FT_INCREF(res);
        } else if (FT_STR_CHECK_EXACT(container)) {
            /* Plain C with no callbacks: safe on borrowed operands. */
            ip += 2;
            res = ft_object_getitem(container, sub);
            if (res == NULL)
                goto error;
            PUSH(res);
            DISPATCH();
        } else {
            goto load_fast;
        }
        ip += 2;
        PUSH(res);
        DISPATCH();
    }

    /* LOAD_FAST x; LOAD_ATTR n and LOAD_FAST x; STORE_ATTR n: the plain
     * handlers (interp/eval.c) with the owner borrowed from the local. */
    TARGET(LOAD_FAST_ATTR)
    {
        aowner = fast[OPARG()];
        if (UNLIKELY(aowner == NULL))
            goto load_fast;
        aborrowed = 1;
        word = *ip++; /* the LOAD_ATTR */
        goto load_attr;
    }

    TARGET(LOAD_FAST_STORE_ATTR)
    {
        aowner = fast[OPARG()];
        if (UNLIKELY(aowner == NULL))
            goto load_fast;
        aborrowed = 1;
        word = *ip++; /* the STORE_ATTR */
        goto store_attr;
    }

#undef FUSED_RIGHT
