/* interp/mod_random.c — the `_random` module: Random, a Mersenne Twister
 * (runtime/mt19937.c) seeded the way CPython seeds it, with random(),
 * getrandbits(), seed(), getstate() and setstate(). lib/random.py builds
 * the rest of the random module on it.
 *
 * Thread safety: every read or write of a generator's state happens in a
 * critical section on the object (runtime/lock.h), so threads sharing one
 * Random (the random module's hidden instance) each get distinct words of
 * the one sequence and never see a half-regenerated state. Nothing in a
 * section allocates or calls Python code.
 */
#include "interp/modules.h"
#include "objects/int_big.h"
#include "objects/object.h"
#include "runtime/lock.h"
#include "runtime/mt19937.h"
#include "runtime/sha512.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS /* guards state (inline object locks) */
    FtMtState state;
} RandomObject;

FT_OBJECT_LOCK_CHECK(RandomObject);

#define RS(o) (&((RandomObject *)(o))->state)

/* ---- seeding ------------------------------------------------------------- */

static void seed_key(FtObject *self, const uint32_t *key, size_t n)
{
    FT_BEGIN_CRITICAL_SECTION(self);
    ft_mt_init_by_array(RS(self), key, n);
    FT_END_CRITICAL_SECTION();
}

/* seed(None): a full state's worth of OS entropy, or, if the OS has none
 * to give, the time and the process id. */
static void seed_from_os(FtObject *self)
{
    uint32_t key[FT_MT_N];
    size_t done = 0;
    while (done < sizeof key) {
        ssize_t k = getrandom((char *)key + done, sizeof key - done, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        done += (size_t)k;
    }
    if (done == sizeof key) {
        seed_key(self, key, FT_MT_N);
        return;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t fallback[4] = {(uint32_t)ts.tv_sec,
                            (uint32_t)((uint64_t)ts.tv_sec >> 32),
                            (uint32_t)ts.tv_nsec, (uint32_t)getpid()};
    seed_key(self, fallback, 4);
}

/* seed(int): |n| as 32-bit words, least significant first (0 is [0]). */
static void seed_from_int(FtObject *self, FtObject *n)
{
    FtBigView v;
    ft_bigv_of(n, &v);
    if (v.n == 0) {
        uint32_t zero = 0;
        seed_key(self, &zero, 1);
        return;
    }
    seed_key(self, v.d, v.n);
}

/* Any other seed goes through hash(), as an unsigned 64-bit value. */
static int random_seed_obj(FtObject *self, FtObject *arg)
{
    if (arg == NULL || arg == FT_None) {
        seed_from_os(self);
        return 0;
    }
    if (FT_INT_CHECK(arg)) {
        seed_from_int(self, arg);
        return 0;
    }
    ft_hash_t h = ft_object_hash(arg);
    if (h == -1 && ft_err_occurred())
        return -1;
    uint64_t u = (uint64_t)h;
    uint32_t key[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    seed_key(self, key, key[1] ? 2 : 1);
    return 0;
}

/* ---- the type ------------------------------------------------------------ */

static FtObject *random_tp_new(FtType *type, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    return ft_object_new(type); /* a zero state until seeded, as CPython */
}

static int random_tp_init(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError,
                          "Random() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        ft_err_set_string(FtExc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed_obj(self, nargs ? args[0] : NULL);
}

static void random_dealloc(FtObject *self)
{
    ft_object_free(self);
}

static FtObject *random_seed(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "seed expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    if (random_seed_obj(self, nargs ? args[0] : NULL) < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* random(): 53 bits from two words, a's top 27 and b's top 26. */
static FtObject *random_random(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("Random.random", nargs, 0, 0) < 0)
        return NULL;
    uint32_t a, b;
    FT_BEGIN_CRITICAL_SECTION(self);
    a = ft_mt_next32(RS(self)) >> 5;
    b = ft_mt_next32(RS(self)) >> 6;
    FT_END_CRITICAL_SECTION();
    return ft_float_from_double((a * 67108864.0 + b) *
                                (1.0 / 9007199254740992.0));
}

/* getrandbits(k): ceil(k/32) words, least significant first; the last
 * (most significant) word keeps only its top k % 32 bits. */
static FtObject *random_getrandbits(FtObject *self, FtObject *const *args,
                                    size_t nargs, FtObject *kwnames)
{
    int k;
    if (ft_arg_count("Random.getrandbits", nargs, 1, 1) < 0 ||
        ft_number_as_c_int(args[0], &k) < 0)
        return NULL;
    if (k < 0) {
        ft_err_set_string(FtExc_ValueError,
                          "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0)
        return ft_int_from_i64(0);
    if (k <= 32) {
        uint32_t r;
        FT_BEGIN_CRITICAL_SECTION(self);
        r = ft_mt_next32(RS(self)) >> (32 - k);
        FT_END_CRITICAL_SECTION();
        return ft_int_from_i64(r);
    }
    size_t words = ((size_t)k - 1) / 32 + 1;
    uint32_t small[2];
    uint32_t *w = small;
    if (words > 2) {
        w = ft_mem_alloc(words * sizeof *w);
        if (w == NULL)
            return NULL;
    }
    FT_BEGIN_CRITICAL_SECTION(self);
    int left = k;
    for (size_t i = 0; i < words; i++, left -= 32) {
        uint32_t r = ft_mt_next32(RS(self));
        w[i] = left < 32 ? r >> (32 - left) : r;
    }
    FT_END_CRITICAL_SECTION();
    FtObject *res;
    if (words == 2)
        res = ft_int_from_u64((uint64_t)w[1] << 32 | w[0]);
    else
        res = ft_big_from_mag(w, words, 0);
    if (w != small)
        ft_mem_free(w);
    return res;
}

/* getstate() -> the 624 words and the index, as a tuple of 625 ints. */
static FtObject *random_getstate(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("Random.getstate", nargs, 0, 0) < 0)
        return NULL;
    FtMtState copy;
    FT_BEGIN_CRITICAL_SECTION(self);
    copy = *RS(self);
    FT_END_CRITICAL_SECTION();
    FtObject *t = ft_tuple_new(FT_MT_N + 1);
    if (t == NULL)
        return NULL;
    for (int i = 0; i <= FT_MT_N; i++) {
        FtObject *v = ft_int_from_i64(i < FT_MT_N ? (int64_t)copy.mt[i]
                                                  : (int64_t)copy.index);
        if (v == NULL) {
            for (int j = i; j <= FT_MT_N; j++)
                FT_TUPLE_SET(t, j, FT_NEWREF(FT_None));
            FT_DECREF(t);
            return NULL;
        }
        FT_TUPLE_SET(t, i, v);
    }
    return t;
}

/* A state word as CPython reads it: an unsigned long, truncated to 32
 * bits. */
static int state_word(FtObject *o, uint32_t *out)
{
    if (!FT_INT_CHECK(o)) {
        ft_err_set_string(FtExc_TypeError, "an integer is required");
        return -1;
    }
    if (ft_int_sign(o) < 0) {
        ft_err_set_string(FtExc_OverflowError,
                          "can't convert negative value to unsigned int");
        return -1;
    }
    if (ft_int_bit_length(o) > 64) {
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C unsigned long");
        return -1;
    }
    FtBigView v;
    ft_bigv_of(o, &v);
    *out = v.n ? v.d[0] : 0;
    return 0;
}

static FtObject *random_setstate(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("Random.setstate", nargs, 1, 1) < 0)
        return NULL;
    FtObject *st = args[0];
    if (!FT_TUPLE_CHECK(st)) {
        ft_err_set_string(FtExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (FT_TUPLE_SIZE(st) != FT_MT_N + 1) {
        ft_err_set_string(FtExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    FtMtState s;
    for (int i = 0; i < FT_MT_N; i++)
        if (state_word(FT_TUPLE_GET(st, i), &s.mt[i]) < 0)
            return NULL;
    int64_t index;
    FtObject *io = ft_number_index(FT_TUPLE_GET(st, FT_MT_N));
    if (io == NULL)
        return NULL;
    int rc = ft_int_as_i64(io, &index);
    FT_DECREF(io);
    if (rc < 0) {
        ft_err_clear(); /* CPython reads the index as a C long */
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C long");
        return NULL;
    }
    if (index < 0 || index > FT_MT_N) {
        ft_err_set_string(FtExc_ValueError, "invalid state");
        return NULL;
    }
    s.index = (int)index;
    FT_BEGIN_CRITICAL_SECTION(self);
    *RS(self) = s;
    FT_END_CRITICAL_SECTION();
    FT_RETURN_NONE;
}

static FtMethodDef random_methods[] = {
    {"seed", random_seed, 0,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a "
     "combination\nof the current time and the process identifier."},
    {"random", random_random, 0, "random() -> x in the interval [0, 1)."},
    {"getrandbits", random_getrandbits, 0,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"getstate", random_getstate, 0,
     "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, 0,
     "setstate(state) -> None.  Restores generator state."},
    {NULL, NULL, 0, NULL},
};

static FtType FtRandom_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = random_dealloc,
    .tp_new = random_tp_new,
    .tp_init = random_tp_init,
    .tp_methods = random_methods,
    .tp_doc = "Random() -> create a random number generator with its own "
              "internal state.",
};

/* ---- module functions ---------------------------------------------------- */

/* _sha512(data) -> the 64-byte digest; random.seed() of a str or bytes
 * needs it and there is no hashlib yet. */
static FtObject *random_sha512(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    FtBytesView v;
    if (ft_arg_count("_sha512", nargs, 1, 1) < 0 ||
        ft_bytes_view_required(args[0], &v) < 0)
        return NULL;
    unsigned char digest[FT_SHA512_DIGEST_SIZE];
    ft_sha512(v.p, (size_t)v.n, digest);
    ft_bytes_view_release(&v);
    return ft_bytes_from_buf((const char *)digest, sizeof digest);
}

static FtMethodDef module_methods[] = {
    {"_sha512", random_sha512, 0, "_sha512(data) -> SHA-512 digest bytes."},
    {NULL, NULL, 0, NULL},
};

FtObject *ft_mod_random_create(void)
{
    if (!(FtRandom_Type.tp_flags & FT_TPFLAGS_READY) &&
        ft_type_ready(&FtRandom_Type) < 0)
        return NULL;
    FtObject *m = ft_module_new("_random");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, module_methods) < 0 ||
        ft_module_add_object(m, "Random", (FtObject *)&FtRandom_Type) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
