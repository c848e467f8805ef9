/* runtime/qsbr.c — grace periods for lock-free readers (see qsbr.h): the
 * global write sequence, each thread's published sequence and its queue of
 * deferred releases, the registry of taking-part threads, and the items
 * that threads which exited left behind.
 */
#include "runtime/qsbr.h"

#if defined(FT_QSBR_ACTIVE)

#include "interp/frame.h"
#include "runtime/atomics.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    void *p;
    void (*release)(void *); /* NULL: p is an object to DECREF */
    uint64_t goal;
} Item;

typedef struct Rec {
    /* The write sequence this thread saw at its last quiescent state; 0
     * while it is offline or not registered. Written by its thread,
     * read by pollers. */
    ft_atomic_t seen;
    volatile uint32_t *breaker;
    struct Rec *next;
    int registered;
    int polling;
    /* Pending items: items[head .. len), goals never decreasing. */
    Item *items;
    size_t head, len, cap;
    size_t unassigned; /* items[unassigned .. len) await their goal */
    size_t arm_at;      /* pending count at which to ask for a poll */
    uint64_t asked_at;  /* the newest goal pending at the last poll's end */
} Rec;

/* A poll is requested after this many deferrals: releases come in batches
 * (one sequence advance and one registry walk each), so a program that
 * overwrites attributes in a loop pays a few instructions per overwrite. */
#define BATCH 64

static ft_atomic_t wr_seq = 1;
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static Rec *reg_head;
/* Items of threads that exited before their grace period ended, under
 * reg_lock; orphan_count is also read without it. */
static Item *orphans;
static size_t orphan_len, orphan_cap;
static ft_atomic_t orphan_count;
static __thread Rec self;

static void fatal_oom(void)
{
    fputs("ftpy: out of memory for deferred releases\n", stderr);
    abort();
}

static void release_item(Item it)
{
    if (it.release == NULL)
        FT_DECREF((FtObject *)it.p);
    else
        it.release(it.p);
}

static void push_orphan(Item it)
{
    if (orphan_len == orphan_cap) {
        size_t cap = orphan_cap ? orphan_cap * 2 : 64;
        Item *n = realloc(orphans, cap * sizeof *n);
        if (n == NULL)
            fatal_oom();
        orphans = n;
        orphan_cap = cap;
    }
    orphans[orphan_len++] = it;
    ft_atomic_store(&orphan_count, orphan_len);
}

static void push(Rec *r, Item it)
{
    if (r->len == r->cap) {
        if (r->head > 0) {
            memmove(r->items, r->items + r->head,
                    (r->len - r->head) * sizeof(Item));
            r->len -= r->head;
            r->unassigned -= r->head;
            r->head = 0;
        } else {
            size_t cap = r->cap ? r->cap * 2 : 256;
            Item *n = realloc(r->items, cap * sizeof *n);
            if (n == NULL)
                fatal_oom();
            r->items = n;
            r->cap = cap;
        }
    }
    r->items[r->len++] = it;
}

static void defer(void *p, void (*release)(void *))
{
    Rec *r = &self;
    if (!r->registered) {
        /* A thread outside the registry (starting or exiting): its items
         * wait in the orphan list, behind a sequence advance of their own. */
        pthread_mutex_lock(&reg_lock);
        Item it = {p, release, ft_atomic_add_full(&wr_seq, 1) + 1};
        push_orphan(it);
        pthread_mutex_unlock(&reg_lock);
        return;
    }
    Item it = {p, release, 0}; /* its goal comes with the next advance */
    push(r, it);
    if (r->len - r->head >= r->arm_at && r->breaker != NULL) {
        r->arm_at = r->len - r->head + BATCH;
        ft_atomic_store_u32(r->breaker, 1);
    }
}

void ft_qsbr_defer_decref(FtObject *op)
{
    if (op == NULL || FT_IS_IMMORTAL(op))
        return;
    defer(op, NULL);
}

void ft_qsbr_defer_free(void *p, void (*release)(void *))
{
    defer(p, release);
}

/* The smallest sequence published by an online thread (UINT64_MAX if
 * none); asks the threads behind `want` to poll soon. reg_lock held. */
static uint64_t min_seen_locked(uint64_t want)
{
    uint64_t min = UINT64_MAX;
    for (Rec *r = reg_head; r != NULL; r = r->next) {
        uint64_t s = ft_atomic_load_acquire(&r->seen);
        if (s == 0)
            continue;
        if (s < min)
            min = s;
        if (s < want && r->breaker != NULL)
            ft_atomic_store_u32(r->breaker, 1);
    }
    return min;
}

/* Releases the orphans whose grace period is over; returns how many. */
static size_t release_orphans(uint64_t min)
{
    Item ready[64];
    size_t n, total = 0;
    do {
        n = 0;
        pthread_mutex_lock(&reg_lock);
        size_t keep = 0;
        for (size_t i = 0; i < orphan_len; i++) {
            if (orphans[i].goal <= min && n < 64)
                ready[n++] = orphans[i];
            else
                orphans[keep++] = orphans[i];
        }
        orphan_len = keep;
        ft_atomic_store(&orphan_count, orphan_len);
        pthread_mutex_unlock(&reg_lock);
        for (size_t i = 0; i < n; i++)
            release_item(ready[i]);
        total += n;
    } while (n == 64);
    return total;
}

/* Gives the items deferred since the last advance their goal: the value
 * this thread's own advance produces. That advance is a full barrier after
 * their unlinking, so a reader that later reports a sequence at least that
 * high also sees them unlinked. (A goal read from the sequence at defer
 * time would not do: another thread's advance in between lets a reader
 * report past it before this thread unlinked anything.) */
static void advance(Rec *r)
{
    if (r->unassigned == r->len)
        return;
    uint64_t goal = (uint64_t)ft_atomic_add_full(&wr_seq, 1) + 1;
    for (size_t i = r->unassigned; i < r->len; i++)
        r->items[i].goal = goal;
    r->unassigned = r->len;
}

/* Returns how many items (its own and orphans) it released. */
static size_t poll_self(Rec *r)
{
    size_t released = 0;
    if (r->polling)
        return 0;
    r->polling = 1;
    advance(r);
    /* Acquire: the writers' advances are full barriers, so what they
     * unlinked before advancing is visible to this thread's next reads. */
    ft_atomic_store_release(&r->seen, ft_atomic_load_acquire(&wr_seq));
    int have_orphans = ft_atomic_load(&orphan_count) != 0;
    if (r->len > r->head || have_orphans) {
        /* Other threads report at their own polls; the ones behind are
         * asked to poll early only for items that have outlived a poll of
         * ours. Asking at every poll made two deferring threads wake each
         * other after every deferral, each poll advancing past the other's
         * report. */
        uint64_t want = r->asked_at;
        pthread_mutex_lock(&reg_lock);
        uint64_t min = min_seen_locked(want);
        pthread_mutex_unlock(&reg_lock);
        /* Re-read head/len each time: a release may defer more items
         * (which cannot be ready yet) and compact the array. */
        while (r->head < r->unassigned && r->items[r->head].goal <= min) {
            Item it = r->items[r->head++];
            release_item(it);
            released++;
        }
        if (r->head == r->len)
            r->head = r->len = r->unassigned = 0;
        if (have_orphans)
            released += release_orphans(min);
    }
    r->arm_at = r->len - r->head + BATCH;
    r->asked_at = r->len > r->head ? r->items[r->len - 1].goal : 0;
    r->polling = 0;
    return released;
}

/* Polls again while polls release something and something is left: a
 * release may defer more (a dict freed with its key table), and only the
 * next poll's advance gives that a goal. Bounded, as a release can defer
 * without end. */
static void poll_settle(Rec *r)
{
    for (int round = 0; round < 8; round++) {
        if (poll_self(r) == 0)
            return;
        if (r->len == r->head && ft_atomic_load(&orphan_count) == 0)
            return;
    }
}

void ft_qsbr_poll(struct FtThreadState *ts)
{
    (void)ts;
    if (self.registered)
        poll_self(&self);
}

/* Publishing after being offline needs a full barrier: a writer that saw
 * this thread offline may release what it unlinked, so this thread's next
 * reads must see the unlinking (store-load ordering against the writer's
 * advance, which is a full barrier too). A read-modify-write rather than a
 * fence, which ThreadSanitizer would not understand; only this thread
 * writes r->seen, and it is 0 while offline. */
static void come_online(Rec *r)
{
    ft_atomic_cas_full(&r->seen, 0, ft_atomic_load_acquire(&wr_seq));
}

void ft_qsbr_register(void)
{
    Rec *r = &self;
    if (r->registered)
        return;
    r->breaker = ft_eval_breaker_ptr();
    r->arm_at = BATCH;
    pthread_mutex_lock(&reg_lock);
    r->next = reg_head;
    reg_head = r;
    r->registered = 1;
    pthread_mutex_unlock(&reg_lock);
    come_online(r);
}

/* Moves r's pending items to the orphans and asks every online thread
 * to poll. reg_lock held. */
static void hand_off_locked(Rec *r)
{
    advance(r);
    for (size_t i = r->head; i < r->len; i++)
        push_orphan(r->items[i]);
    r->head = r->len = r->unassigned = 0;
    for (Rec *o = reg_head; o != NULL; o = o->next)
        if (o != r && ft_atomic_load(&o->seen) != 0 && o->breaker != NULL)
            ft_atomic_store_u32(o->breaker, 1);
}

void ft_qsbr_flush(void)
{
    Rec *r = &self;
    if (!r->registered)
        return;
    poll_settle(r);
    if (r->len > r->head) {
        pthread_mutex_lock(&reg_lock);
        hand_off_locked(r);
        pthread_mutex_unlock(&reg_lock);
    }
    /* For good: the joiner must not wait for this thread's next poll. */
    ft_atomic_store_release(&r->seen, 0);
}

void ft_qsbr_adopt_orphans(void)
{
    if (self.registered && ft_atomic_load(&orphan_count) != 0)
        poll_settle(&self);
}

void ft_qsbr_unregister(void)
{
    Rec *r = &self;
    if (!r->registered)
        return;
    if (ft_atomic_load(&r->seen) != 0) /* not after ft_qsbr_flush */
        poll_self(r);
    pthread_mutex_lock(&reg_lock);
    hand_off_locked(r);
    for (Rec **pp = &reg_head; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == r) {
            *pp = r->next;
            break;
        }
    }
    r->registered = 0;
    ft_atomic_store(&r->seen, 0);
    int alone = reg_head == NULL;
    pthread_mutex_unlock(&reg_lock);
    free(r->items); /* hand_off_locked emptied it */
    r->items = NULL;
    r->cap = 0;
    /* With nobody left to wait for, nothing would ever poll again. */
    if (alone)
        release_orphans(UINT64_MAX);
}

void ft_qsbr_offline(void)
{
    Rec *r = &self;
    if (!r->registered)
        return;
    advance(r);
    ft_atomic_store_release(&r->seen, 0);
}

void ft_qsbr_online(void)
{
    Rec *r = &self;
    if (!r->registered)
        return;
    come_online(r);
    if (r->len > r->head || ft_atomic_load(&orphan_count) != 0)
        poll_settle(r);
}

struct FtQsbrTaken {
    Item *items;
    size_t len, cap;
};

static void take(FtQsbrTaken *t, const Item *items, size_t n,
                 void (*visit)(FtObject *, void *), void *arg)
{
    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n)
            cap *= 2;
        Item *a = realloc(t->items, cap * sizeof *a);
        if (a == NULL)
            fatal_oom();
        t->items = a;
        t->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        t->items[t->len++] = items[i];
        if (items[i].release == NULL)
            visit((FtObject *)items[i].p, arg);
    }
}

/* The other threads are parked or offline, so their queues do not change
 * under us (a thread parked inside poll_self re-reads head and len after
 * the release it is in returns, and finds its queue empty). */
FtQsbrTaken *ft_qsbr_take_all(void (*visit)(FtObject *op, void *arg),
                              void *arg)
{
    FtQsbrTaken *t = calloc(1, sizeof *t);
    if (t == NULL)
        fatal_oom();
    pthread_mutex_lock(&reg_lock);
    for (Rec *r = reg_head; r != NULL; r = r->next) {
        take(t, r->items + r->head, r->len - r->head, visit, arg);
        r->head = r->len = r->unassigned = 0;
        r->arm_at = BATCH;
        r->asked_at = 0;
    }
    take(t, orphans, orphan_len, visit, arg);
    orphan_len = 0;
    ft_atomic_store(&orphan_count, 0);
    pthread_mutex_unlock(&reg_lock);
    return t;
}

void ft_qsbr_release_taken(FtQsbrTaken *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->len; i++)
        release_item(t->items[i]);
    free(t->items);
    free(t);
}

size_t ft_qsbr_pending(void)
{
    pthread_mutex_lock(&reg_lock);
    size_t n = orphan_len;
    pthread_mutex_unlock(&reg_lock);
    return n + (self.len - self.head);
}

#endif
