/* interp/eval_build.h — the eval loop's handlers that build containers
 * and strings (BUILD_*, the comprehension appends, unpacking,
 * FORMAT_VALUE); included into the body of the loop in interp/eval.c and
 * nowhere else.
 */

    TARGET(BUILD_TUPLE)
    {
        int n = OPARG();
        FtObject *t = ft_tuple_new(n);
        if (t == NULL)
            goto error;
        sp -= n;
        for (int i = 0; i < n; i++)
            FT_TUPLE_SET(t, i, sp[i]);
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST)
    {
        int n = OPARG();
        FtObject *l = ft_list_new(n);
        if (l == NULL)
            goto error;
        sp -= n;
        for (int i = 0; i < n; i++)
            FT_LIST_ITEMS(l)[i] = sp[i];
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET)
    {
        int n = OPARG();
        FtObject *s = ft_set_new(NULL);
        if (s == NULL)
            goto error;
        for (int i = n; i > 0; i--) {
            if (ft_set_add(s, PEEK(i)) < 0) {
                FT_DECREF(s);
                goto error;
            }
        }
        for (int i = 0; i < n; i++) {
            FtObject *v = POP();
            FT_DECREF(v);
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP)
    {
        int n = OPARG();
        FtObject *d = ft_ev_build_map(sp - 2 * n, n);
        if (d == NULL)
            goto error;
        for (int i = 0; i < 2 * n; i++) {
            FtObject *v = POP();
            FT_DECREF(v);
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP)
    {
        int n = OPARG();
        FtObject *keys = TOP();
        FtObject *d = ft_ev_build_const_key_map(keys, sp - 1 - n, n);
        if (d == NULL)
            goto error;
        for (int i = 0; i <= n; i++) {
            FtObject *v = POP();
            FT_DECREF(v);
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING)
    {
        int n = OPARG();
        FtObject *s = ft_ev_build_string(sp - n, n);
        if (s == NULL)
            goto error;
        for (int i = 0; i < n; i++) {
            FtObject *v = POP();
            FT_DECREF(v);
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_SLICE)
    {
        FtObject *step = OPARG() == 3 ? POP() : NULL;
        FtObject *stop = POP();
        FtObject *start = TOP();
        FtObject *s = ft_slice_new(start, stop, step != NULL ? step : FT_None);
        FT_DECREF(stop);
        FT_XDECREF(step);
        if (s == NULL)
            goto error;
        FT_DECREF(start);
        SET_TOP(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND)
    {
        FtObject *v = TOP();
        FtObject *list = PEEK(OPARG() + 1);
        if (ft_list_append(list, v) < 0)
            goto error;
        sp--;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(SET_ADD)
    {
        FtObject *v = TOP();
        FtObject *set = PEEK(OPARG() + 1);
        if (ft_set_add(set, v) < 0)
            goto error;
        sp--;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(MAP_ADD)
    {
        FtObject *value = TOP(), *key = SECOND();
        FtObject *map = PEEK(OPARG() + 2);
        if (ft_dict_set(map, key, value) < 0)
            goto error;
        sp -= 2;
        FT_DECREF(key);
        FT_DECREF(value);
        DISPATCH();
    }

    TARGET(LIST_EXTEND)
    {
        FtObject *it = TOP();
        if (ft_ev_list_extend(PEEK(OPARG() + 1), it) < 0)
            goto error;
        sp--;
        FT_DECREF(it);
        DISPATCH();
    }

    TARGET(SET_UPDATE)
    {
        FtObject *it = TOP();
        if (ft_set_update_op(PEEK(OPARG() + 1), it, FT_OP_OR) < 0)
            goto error;
        sp--;
        FT_DECREF(it);
        DISPATCH();
    }

    TARGET(DICT_UPDATE)
    {
        FtObject *other = TOP();
        if (ft_ev_dict_update(PEEK(OPARG() + 1), other) < 0)
            goto error;
        sp--;
        FT_DECREF(other);
        DISPATCH();
    }

    TARGET(DICT_MERGE)
    {
        FtObject *other = TOP();
        if (ft_ev_dict_merge(PEEK(OPARG() + 3), PEEK(OPARG() + 1), other) < 0)
            goto error;
        sp--;
        FT_DECREF(other);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE)
    {
        FtObject *list = TOP();
        FtObject *t = ft_list_as_tuple(list);
        if (t == NULL)
            goto error;
        FT_DECREF(list);
        SET_TOP(t);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE)
    {
        int n = OPARG();
        FtObject *seq = TOP();
        FtObject *const *items = NULL;
        if (FT_TUPLE_CHECK_EXACT(seq) && FT_TUPLE_SIZE(seq) == n)
            items = TUPLE_ITEMS(seq);
        else if (LIST_FAST_PATHS && FT_LIST_CHECK_EXACT(seq) &&
                 FT_LIST_SIZE(seq) == n)
            items = FT_LIST_ITEMS(seq);
        sp--;
        if (!LIST_FAST_PATHS && FT_LIST_CHECK_EXACT(seq) &&
            ft_list_unpack_exact(seq, sp, n)) {
            sp += n;
        } else if (items != NULL) {
            for (int i = n; i-- > 0;) {
                FtObject *v = items[i];
                FT_INCREF(v);
                PUSH(v);
            }
        } else {
            if (ft_ev_unpack(seq, n, -1, sp) < 0) {
                *sp++ = seq; /* the helper may have used the slot */
                goto error;
            }
            sp += n;
        }
        FT_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX)
    {
        int before = OPARG() & 0xff, after = OPARG() >> 8;
        FtObject *seq = TOP();
        sp--;
        if (ft_ev_unpack(seq, before, after, sp) < 0) {
            *sp++ = seq; /* the helper may have used the slot */
            goto error;
        }
        sp += before + 1 + after;
        FT_DECREF(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE)
    {
        int flags = OPARG();
        FtObject *spec = (flags & FT_FVS_HAVE_SPEC) ? POP() : NULL;
        FtObject *value = TOP();
        FtObject *res;
        if ((flags & FT_FVC_MASK) == FT_FVC_NONE && spec == NULL &&
            FT_STR_CHECK_EXACT(value)) {
            DISPATCH();
        }
        res = ft_ev_format_value(value, flags & FT_FVC_MASK, spec);
        FT_XDECREF(spec);
        if (res == NULL)
            goto error;
        FT_DECREF(value);
        SET_TOP(res);
        DISPATCH();
    }
