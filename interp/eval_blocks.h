/* interp/eval_blocks.h — the eval loop's handlers for blocks, raising and
 * imports (SETUP_FINALLY .. PRINT_EXPR); included into the body of the
 * loop in interp/eval.c and nowhere else. The unwinding they feed is at
 * the end of the loop, in eval.c.
 */

    TARGET(SETUP_FINALLY)
    {
        if (UNLIKELY(f->iblock >= FT_MAX_BLOCKS)) {
            ft_err_set_string(FtExc_SystemError, "XXX block stack overflow");
            goto error;
        }
        FtBlock *b = &f->blocks[f->iblock++];
        b->type = FT_BLOCK_SETUP_FINALLY;
        b->handler = OPARG();
        b->level = (int)(sp - f->stack);
        DISPATCH();
    }

    TARGET(SETUP_WITH)
    {
        FtObject *mgr = TOP();
        FtObject *exit = NULL;
        if (UNLIKELY(f->iblock >= FT_MAX_BLOCKS)) {
            ft_err_set_string(FtExc_SystemError, "XXX block stack overflow");
            goto error;
        }
        FtObject *res = ft_ev_setup_with(mgr, &exit);
        if (res == NULL) {
            if (exit == NULL)
                goto error;
            /* __enter__ failed after __exit__ was found: the exit stays on
             * the stack in mgr's place, as in CPython. */
            SET_TOP(exit);
            FT_DECREF(mgr);
            goto error;
        }
        SET_TOP(exit);
        FT_DECREF(mgr);
        FtBlock *b = &f->blocks[f->iblock++];
        b->type = FT_BLOCK_SETUP_FINALLY;
        b->handler = OPARG();
        b->level = (int)(sp - f->stack);
        PUSH(res);
        DISPATCH();
    }

    TARGET(POP_BLOCK)
    {
        if (f->iblock > 0)
            f->iblock--;
        DISPATCH();
    }

    TARGET(POP_EXCEPT)
    {
        if (UNLIKELY(f->iblock == 0 ||
                     f->blocks[f->iblock - 1].type != FT_BLOCK_EXCEPT_HANDLER)) {
            ft_err_set_string(FtExc_SystemError,
                              "popped block is not an except handler");
            goto error;
        }
        f->iblock--;
        restore_exc_handled(ts, POP());
        DISPATCH();
    }

    TARGET(RERAISE)
    {
        FtObject *exc = POP();
        if (UNLIKELY(!ft_exception_check(exc))) {
            FT_DECREF(exc);
            ft_err_set_string(FtExc_SystemError, "RERAISE of a non-exception");
            goto error;
        }
        ft_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(WITH_EXCEPT_START)
    {
        FtObject *exc = TOP();
        FtObject *exit_func = PEEK(3);
        FtObject *tb = ((FtBaseExceptionObject *)exc)->traceback;
        FtObject *args[3] = {(FtObject *)FT_TYPE(exc), exc,
                             tb != NULL ? tb : FT_None};
        FtObject *res = ft_call(exit_func, args, 3, NULL);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS)
    {
        FtObject *cause = NULL, *exc = NULL;
        switch (OPARG()) {
        case 2:
            cause = POP();
            /* fall through */
        case 1:
            exc = POP();
            /* fall through */
        default:
            break;
        }
        int reraise = ft_ev_raise(ts, exc, cause);
        FT_XDECREF(exc);
        FT_XDECREF(cause);
        if (reraise)
            goto exception_unwind;
        goto error;
    }

    TARGET(LOAD_ASSERTION_ERROR)
    {
        FtObject *v = (FtObject *)FtExc_AssertionError;
        FT_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_NAME)
    {
        FtObject *fromlist = TOP(), *level = SECOND();
        FtObject *m = ft_ev_import_name(f, names[OPARG()], fromlist, level);
        if (m == NULL)
            goto error;
        sp--;
        FT_DECREF(fromlist);
        FT_DECREF(level);
        SET_TOP(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM)
    {
        FtObject *v = ft_ev_import_from(TOP(), names[OPARG()]);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR)
    {
        FtObject *m = TOP();
        if (ft_ev_import_star(f, m) < 0)
            goto error;
        sp--;
        FT_DECREF(m);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS)
    {
        if (ft_ev_setup_annotations(f) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR)
    {
        FtObject *v = TOP();
        if (ft_ev_print_expr(v) < 0)
            goto error;
        sp--;
        FT_DECREF(v);
        DISPATCH();
    }
