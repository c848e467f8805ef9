/* runtime/lock.c — the slow side of locking: FtMutex's futex waits, the
 * pooled lock records, suspending and resuming critical sections, and the
 * critical lock. The protocols are described at the top of runtime/lock.h.
 */
#include "runtime/lock.h"

#include <linux/futex.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* ---- FtMutex ---------------------------------------------------------------- */

enum { MUTEX_FREE = 0, MUTEX_LOCKED = 1, MUTEX_SLEEPERS = 2 };

/* Polls before sleeping: a critical section usually ends within a few
 * hundred cycles, and sleeping costs two system calls. */
#define MUTEX_SPINS 64

static void futex_wait(FtMutex *m, uint32_t expected)
{
    /* Returns at once if the word no longer holds `expected`; spurious
     * wake-ups are fine, the caller re-checks. */
    syscall(SYS_futex, &m->v, FUTEX_WAIT_PRIVATE, expected, NULL, NULL, 0);
}

static void futex_wake_one(FtMutex *m)
{
    syscall(SYS_futex, &m->v, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

void ft_mutex_lock_slow(FtMutex *m)
{
    for (int i = 0; i < MUTEX_SPINS; i++) {
        ft_atomic_cpu_relax();
        if (ft_atomic_load_u32(&m->v) == MUTEX_FREE &&
            ft_atomic_cas_u32_acquire(&m->v, MUTEX_FREE, MUTEX_LOCKED))
            return;
    }
    for (;;) {
        uint32_t v = ft_atomic_load_u32(&m->v);
        if (v == MUTEX_FREE) {
            /* Others may still sleep: keep the word at "sleepers" so our
             * unlock wakes one of them. */
            if (ft_atomic_cas_u32_acquire(&m->v, MUTEX_FREE, MUTEX_SLEEPERS))
                return;
            continue;
        }
        if (v == MUTEX_LOCKED &&
            !ft_atomic_cas_u32_acquire(&m->v, MUTEX_LOCKED, MUTEX_SLEEPERS))
            continue;
        futex_wait(m, MUTEX_SLEEPERS);
    }
}

/* The word was "sleepers" and is now 1: free it and wake one sleeper. */
void ft_mutex_unlock_slow(FtMutex *m)
{
    ft_atomic_store_u32_release(&m->v, MUTEX_FREE);
    futex_wake_one(m);
}

/* ---- pooled lock records ------------------------------------------------------ */

#if defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_POOLED)

typedef struct LockRecord {
    const void *obj;         /* the object it is lent to */
    unsigned users;          /* threads holding or waiting; under pool.mutex */
    struct LockRecord *next; /* hash chain while lent, else free list */
    pthread_mutex_t mutex;
} LockRecord;

#define POOL_BUCKETS 256 /* a power of two */
#define POOL_CHUNK 64    /* records allocated at a time */

static struct {
    pthread_mutex_t mutex;
    LockRecord *buckets[POOL_BUCKETS];
    LockRecord *free;
    size_t in_use, records;
} pool = {.mutex = PTHREAD_MUTEX_INITIALIZER};

static LockRecord **pool_bucket(const void *obj)
{
    uintptr_t h = (uintptr_t)obj >> 4;
    h *= (uintptr_t)0x9E3779B97F4A7C15u; /* Fibonacci hashing */
    return &pool.buckets[(h >> (sizeof h * 8 - 8)) & (POOL_BUCKETS - 1)];
}

/* Under pool.mutex. */
static void pool_grow(void)
{
    LockRecord *chunk = (LockRecord *)calloc(POOL_CHUNK, sizeof *chunk);
    if (chunk == NULL) {
        fprintf(stderr, "ftpy: out of memory for object lock records\n");
        abort();
    }
    for (int i = 0; i < POOL_CHUNK; i++) {
        pthread_mutex_init(&chunk[i].mutex, NULL);
        chunk[i].next = pool.free;
        pool.free = &chunk[i];
    }
    pool.records += POOL_CHUNK;
}

/* Under pool.mutex: the record lent to obj, lending one if needed; the
 * caller becomes one of its users. */
static LockRecord *record_get(const void *obj)
{
    LockRecord **bucket = pool_bucket(obj);
    for (LockRecord *r = *bucket; r != NULL; r = r->next) {
        if (r->obj == obj) {
            r->users++;
            return r;
        }
    }
    if (pool.free == NULL)
        pool_grow();
    LockRecord *r = pool.free;
    pool.free = r->next;
    r->obj = obj;
    r->users = 1;
    r->next = *bucket;
    *bucket = r;
    pool.in_use++;
    return r;
}

/* Under pool.mutex: the caller stops using r; the last user returns it. */
static void record_put(LockRecord *r)
{
    if (--r->users != 0)
        return;
    for (LockRecord **pp = pool_bucket(r->obj); *pp != NULL;
         pp = &(*pp)->next) {
        if (*pp == r) {
            *pp = r->next;
            break;
        }
    }
    r->obj = NULL;
    r->next = pool.free;
    pool.free = r;
    pool.in_use--;
}

/* A section's records are fetched together and locked in the order of
 * the records' addresses. A record stays lent to one object while any
 * thread uses it, so among the locks threads hold or wait for at any
 * moment this is a fixed total order (and one ThreadSanitizer's lock-order
 * checker can follow, which the objects' addresses would not be once
 * records are recycled). */
static void records_get(FtCriticalSection *c)
{
    pthread_mutex_lock(&pool.mutex);
    c->rec[0] = record_get(c->key[0]);
    c->rec[1] = c->key[1] != NULL ? record_get(c->key[1]) : NULL;
    pthread_mutex_unlock(&pool.mutex);
    if (c->rec[1] != NULL && (uintptr_t)c->rec[0] > (uintptr_t)c->rec[1]) {
        void *t = c->rec[0];
        c->rec[0] = c->rec[1];
        c->rec[1] = t;
    }
}

static void records_put(FtCriticalSection *c)
{
    pthread_mutex_lock(&pool.mutex);
    record_put((LockRecord *)c->rec[0]);
    if (c->rec[1] != NULL)
        record_put((LockRecord *)c->rec[1]);
    pthread_mutex_unlock(&pool.mutex);
    c->rec[0] = c->rec[1] = NULL;
}

static void lock_all(FtCriticalSection *c)
{
    records_get(c);
    pthread_mutex_lock(&((LockRecord *)c->rec[0])->mutex);
    if (c->rec[1] != NULL)
        pthread_mutex_lock(&((LockRecord *)c->rec[1])->mutex);
}

static int trylock_all(FtCriticalSection *c)
{
    records_get(c);
    LockRecord *r0 = (LockRecord *)c->rec[0], *r1 = (LockRecord *)c->rec[1];
    if (pthread_mutex_trylock(&r0->mutex) == 0) {
        if (r1 == NULL || pthread_mutex_trylock(&r1->mutex) == 0)
            return 1;
        pthread_mutex_unlock(&r0->mutex);
    }
    records_put(c);
    return 0;
}

static void unlock_all(FtCriticalSection *c)
{
    if (c->rec[1] != NULL)
        pthread_mutex_unlock(&((LockRecord *)c->rec[1])->mutex);
    pthread_mutex_unlock(&((LockRecord *)c->rec[0])->mutex);
    records_put(c);
}

size_t ft_lock_pool_in_use(void)
{
    pthread_mutex_lock(&pool.mutex);
    size_t n = pool.in_use;
    pthread_mutex_unlock(&pool.mutex);
    return n;
}

size_t ft_lock_pool_records(void)
{
    pthread_mutex_lock(&pool.mutex);
    size_t n = pool.records;
    pthread_mutex_unlock(&pool.mutex);
    return n;
}

#else

size_t ft_lock_pool_in_use(void) { return 0; }
size_t ft_lock_pool_records(void) { return 0; }

#if !defined(FT_LOCKS_ACTIVE) || !defined(FT_LOCKS_OWNER)
int ft_lock_init(void) { return 0; }
void ft_lock_thread_init(FtThreadState *ts) { (void)ts; }
#endif

#if defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_OWNER)
/* owner: as inline below, but each key is taken through the bias when this
 * thread owns the object and the bias stands, and a thread that does not
 * own it revokes the bias before it touches the mutex (lock.h). */
int ft_lock_bias_on;
__thread int8_t ft_lock_bias_self;
static FtMutex revoke_mutex = FT_MUTEX_INIT;

/* After this many of its objects have been revoked, a thread stops
 * biasing: past that point it evidently shares what it makes. */
#define BIAS_REVOCATIONS_MAX 16

/* Owner ids (never reused) whose bias has ended, hashed by id: a thread
 * that finds an object's owner here revokes its bias with no lock and no
 * membarrier. A collision only sends a revoker the slow way. */
#define BIAS_ENDED_SLOTS 1024
static uint32_t bias_ended_ids[BIAS_ENDED_SLOTS];

static int bias_owner_ended(uint32_t id)
{
    return id != 0 &&
           ft_atomic_load_u32_acquire(&bias_ended_ids[id % BIAS_ENDED_SLOTS]) == id;
}

/* The bias is FENCED (or the owner's has ended): wait out the owner's last
 * hold, then open the mutex to everyone. */
static void bias_finish(FtObjectLock *l)
{
    for (unsigned spins = 0; ft_atomic_load_i8_acquire(&l->held); spins++) {
        if (spins < 100)
            ft_atomic_cpu_relax();
        else
            sched_yield();
    }
    ft_atomic_store_i8_release(&l->bias, FT_BIAS_OFF);
}

/* Every running thread of the process executes a full memory barrier
 * before this returns (registered by ft_lock_init). */
static void ft_membarrier(void)
{
    if (syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) != 0)
        abort(); /* registered at startup, so this cannot fail */
}

void ft_lock_thread_init(FtThreadState *ts)
{
    ts->lock_bias_flag = &ft_lock_bias_self;
    ft_atomic_store_i8(&ft_lock_bias_self, (int8_t)ft_lock_bias_on);
}

int ft_lock_init(void)
{
    const char *v = getenv("FTPY_LOCK_BIAS");
    if (v != NULL && strcmp(v, "on") != 0 && strcmp(v, "off") != 0) {
        fprintf(stderr, "ftpy: FTPY_LOCK_BIAS must be on or off, not '%s'\n",
                v);
        return -1;
    }
    if (v != NULL && strcmp(v, "off") == 0)
        return 0;
    ft_lock_bias_on =
        syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0,
                0) == 0;
    return 0;
}

static FtObject *lock_object(void *k)
{
    return (FtObject *)((char *)k - sizeof(FtObject));
}

/* Under the registry lock, with the object's owner (NULL: none, or it has
 * exited), the bias still ON: takes it to FENCED. The owner's fast path
 * stores held = 1 and only then reads its own flag and the object's bias;
 * a membarrier after either is cleared therefore either finds that held
 * visible or makes the owner see the clearing and back off. */
static void revoke_with_owner(FtThreadState *owner, void *arg)
{
    FtObjectLock *l = arg;
    FtObject *op = lock_object(l);
    if ((owner == NULL && ft_atomic_load_u32(&op->ob_tid) != 0) ||
        (owner != NULL && owner->lock_bias_ended)) {
        /* The owner has exited, or its flag was cleared before a
         * membarrier that has run: it starts no bias hold any more, and
         * the ones it has are visible in held. */
        ft_atomic_store_i8_release(&l->bias, FT_BIAS_FENCED);
        return;
    }
    ft_atomic_store_i8(&l->bias, FT_BIAS_REVOKING);
    int end_owner = owner != NULL &&
                    ++owner->lock_revocations >= BIAS_REVOCATIONS_MAX;
    if (end_owner)
        ft_atomic_store_i8(owner->lock_bias_flag, 0);
    ft_membarrier();
    if (end_owner) {
        owner->lock_bias_ended = 1;
        ft_atomic_store_u32_release(
            &bias_ended_ids[owner->rc_owner_id % BIAS_ENDED_SLOTS],
                            (uint32_t)owner->rc_owner_id);
    }
    ft_atomic_store_i8_release(&l->bias, FT_BIAS_FENCED);
}

/* Revocation is rare (once per object another thread locks, and at most
 * BIAS_REVOCATIONS_MAX membarriers per owner) and the membarrier is the
 * expensive part, so one mutex serialises revokers. The wait for the
 * owner's last hold happens outside every lock (the owner may need the
 * registry lock to finish its section). */
static void bias_revoke(FtObject *op, FtObjectLock *l)
{
    ft_mutex_lock(&revoke_mutex);
    if (ft_atomic_load_i8_acquire(&l->bias) == FT_BIAS_ON)
        ft_rc_with_owner(ft_atomic_load_u32(&op->ob_tid), revoke_with_owner, l);
    ft_mutex_unlock(&revoke_mutex);
    /* FENCED or OFF now: the owner never sets held for good again. */
    bias_finish(l);
}

static int trylock_one(void *k, void **rec)
{
    FtObjectLock *l = k;
    if (ft_lock_bias_try_(lock_object(k), l)) {
        *rec = FT_CS_BIAS_HELD;
        return 1;
    }
    *rec = NULL;
    if (!ft_lock_mutex_allowed_(lock_object(k), l) &&
        bias_owner_ended(ft_atomic_load_u32(&lock_object(k)->ob_tid)))
        bias_finish(l);
    return ft_lock_mutex_try_(lock_object(k), l);
}

static void lock_one(void *k, void **rec)
{
    FtObjectLock *l = k;
    if (ft_rc_is_owner(lock_object(k))) {
        if (ft_lock_bias_try_(lock_object(k), l)) {
            *rec = FT_CS_BIAS_HELD;
            return;
        }
    } else if (!ft_lock_mutex_allowed_(lock_object(k), l)) {
        bias_revoke(lock_object(k), l);
    }
    *rec = NULL;
    ft_mutex_lock(&l->mutex);
}

static void lock_all(FtCriticalSection *c)
{
    lock_one(c->key[0], &c->rec[0]);
    if (c->key[1] != NULL)
        lock_one(c->key[1], &c->rec[1]);
}

static int trylock_all(FtCriticalSection *c)
{
    if (!trylock_one(c->key[0], &c->rec[0]))
        return 0;
    if (c->key[1] != NULL && !trylock_one(c->key[1], &c->rec[1])) {
        ft_lock_release_(c->key[0], c->rec[0]);
        return 0;
    }
    return 1;
}

static void unlock_all(FtCriticalSection *c)
{
    if (c->key[1] != NULL)
        ft_lock_release_(c->key[1], c->rec[1]);
    ft_lock_release_(c->key[0], c->rec[0]);
}
#elif defined(FT_LOCKS_ACTIVE)
/* inline and global: the key is the FtMutex itself, and the keys are in
 * address order already. Blocking, lower key first: the only wait that
 * holds a lock. */
static void lock_all(FtCriticalSection *c)
{
    ft_mutex_lock((FtMutex *)c->key[0]);
    if (c->key[1] != NULL)
        ft_mutex_lock((FtMutex *)c->key[1]);
}

static int trylock_all(FtCriticalSection *c)
{
    if (!ft_mutex_trylock((FtMutex *)c->key[0]))
        return 0;
    if (c->key[1] != NULL && !ft_mutex_trylock((FtMutex *)c->key[1])) {
        ft_mutex_unlock((FtMutex *)c->key[0]);
        return 0;
    }
    return 1;
}

static void unlock_all(FtCriticalSection *c)
{
    if (c->key[1] != NULL)
        ft_mutex_unlock((FtMutex *)c->key[1]);
    ft_mutex_unlock((FtMutex *)c->key[0]);
}
#endif

#endif

/* ---- critical sections ------------------------------------------------------- */

#if defined(FT_LOCKS_ACTIVE)

#if defined(FT_LOCKS_GLOBAL)
FtMutex ft_lock_global = FT_MUTEX_INIT;
#endif

/* Below a suspended section every section is suspended, so the walk stops
 * at the first one. */
static void suspend_all(FtCriticalSection *top)
{
    for (FtCriticalSection *s = top; s != NULL && s->active; s = s->prev) {
        unlock_all(s);
        s->active = 0;
    }
}

void ft_cs_begin_slow(FtCriticalSection **top, FtCriticalSection *c)
{
    if (!trylock_all(c)) {
        suspend_all(*top);
        lock_all(c);
    }
    ft_cs_push_(top, c);
}

void ft_cs_resume_slow(FtCriticalSection **top)
{
    FtCriticalSection *s = *top;
    lock_all(s);
    s->active = 1;
}

void ft_cs_end_slow(FtCriticalSection **top, FtCriticalSection *c)
{
    unlock_all(c);
    *top = c->prev;
    if (c->prev != NULL && !c->prev->active)
        ft_cs_resume_slow(top);
}

void ft_cs_suspend_all(FtThreadState *ts)
{
    suspend_all(ts->cs_top);
}

void ft_cs_resume(FtThreadState *ts)
{
    if (ts->cs_top != NULL && !ts->cs_top->active)
        ft_cs_resume_slow(&ts->cs_top);
}

/* ---- the free-list lock ---------------------------------------------------------- */

#if defined(FT_FREELISTS_GLOBAL)
/* The leaf lock of FT_FREELIST_LOCK (runtime/tstate.h). */
FtMutex ft_freelist_mutex = FT_MUTEX_INIT;
#endif

/* ---- the critical lock ---------------------------------------------------------- */

FtCritLock ft_crit_lock_ = {FT_MUTEX_INIT, 0, 0};
__thread char ft_crit_self_;

/* The lock is busy: wait for it holding no object lock (see lock.h), and
 * detached from the cycle collector: its holder may be running Python code
 * (a module body) and be parked while the world is stopped. */
void ft_crit_lock_slow(void)
{
    FtThreadState *ts = ft_tstate_get();
    if (ts != NULL)
        suspend_all(ts->cs_top);
    ft_gc_detach();
    ft_mutex_lock(&ft_crit_lock_.mutex);
    ft_gc_attach();
    ft_atomic_store(&ft_crit_lock_.owner,
                    (ft_atomic_t)(uintptr_t)&ft_crit_self_);
    ft_crit_lock_.depth = 1;
    if (ts != NULL)
        ft_cs_resume(ts);
}

#endif

/* ---- callable forms ---------------------------------------------------------------- */

void ft_cs_run(FtObject *op, void (*fn)(void *), void *arg)
{
    FT_BEGIN_CRITICAL_SECTION(op);
    fn(arg);
    FT_END_CRITICAL_SECTION();
}

void ft_cs_run2(FtObject *a, FtObject *b, void (*fn)(void *), void *arg)
{
    FT_BEGIN_CRITICAL_SECTION2(a, b);
    fn(arg);
    FT_END_CRITICAL_SECTION2();
}

void ft_crit_run(void (*fn)(void *), void *arg)
{
    FT_CRIT_LOCK();
    fn(arg);
    FT_CRIT_UNLOCK();
}
