/*
 * The physical floor of the hot path's second budget (issues #2/#4: allocate + free an empty list
 * <= 8 ns), in plain C.
 *
 * `x = []; del x` with a list free-list hit, doing the bookkeeping PyHeapSim's model needs and nothing
 * else, in the same struct-of-arrays layout (Objects/ObjectTable.cs):
 *   allocate  object limit check; pop a block address from the list free list (Memory/FreeLists.cs,
 *             with its byte total); pop a table slot; write the header (count 1, type, kind, flags,
 *             stamp to odd), scalar, address and block size; count the allocation; the observer test;
 *             link into generation 0 (gc_list_append); count the caller's reference; return a handle
 *   free      the handle check; the immortal and negative-refcount checks; drop the caller's reference;
 *             the leaf test (no weak references, no item array); unlink from the GC list
 *             (gc_list_remove); push the block on the free list; count the free; the observer and
 *             interned tests; clear the header, bump the stamp to even, clear the payload, push the slot
 * The slow paths (collection, pymalloc, growing the table) are never taken and abort if they are.
 * Build and run: benchmarks/floor/run.sh
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { int64_t refcount; uint32_t stamp; int32_t external; int32_t type; uint16_t flags; uint8_t kind; } header;
typedef struct { int index; uint32_t stamp; } handle;

enum { SLOTS = 1 << 16, FREE_LIST = 80, KIND_LIST = 8, LIVE = 1, GC = 2, IMMORTAL = 4, WEAKREFS = 8, INTERNED = 16 };
enum { GEN0 = 1 };

static header hdr[SLOTS];
static int gc_next[SLOTS], gc_prev[SLOTS], block_bytes[SLOTS];
static int64_t scalar[SLOTS], address[SLOTS];
static void *payload[SLOTS];
static int free_head, high_water = 8, live_count, max_objects = SLOTS - 1;
static int64_t parked_address[FREE_LIST];
static int parked_bytes[FREE_LIST], parked;
static int64_t parked_total, allocated, freed;
static void *observer;
static int gen0_count, gen0_threshold = 2000;

__attribute__((noinline)) static void fail(const char *why) { puts(why); exit(1); }

static inline handle new_list(int type, int bytes)
{
    if (live_count >= max_objects) fail("object limit");
    int64_t a;
    if (parked > 0) { int n = --parked; a = parked_address[n]; parked_total -= parked_bytes[n]; }
    else { if (++gen0_count > gen0_threshold) fail("collect"); fail("pymalloc"); a = 0; }
    int o = free_head;
    if (o != 0) free_head = (int)scalar[o];
    else { o = high_water++; if (o == SLOTS) fail("grow"); }
    header *h = &hdr[o];
    h->refcount = 1; h->type = type; h->kind = KIND_LIST; h->flags = LIVE | GC; h->stamp++;
    scalar[o] = 0; address[o] = a; block_bytes[o] = bytes; live_count++;
    allocated++;
    if (observer) fail("observer");
    if (gc_next[o] == 0)
    {
        int last = gc_prev[GEN0];
        gc_next[last] = o; gc_prev[o] = last; gc_next[o] = GEN0; gc_prev[GEN0] = o;
    }
    if ((h->flags & IMMORTAL) == 0) h->external++;
    return (handle){ o, h->stamp };
}

__attribute__((noinline)) static void dealloc(int o)
{
    header *h = &hdr[o];
    if ((h->flags & WEAKREFS) != 0 || h->kind != KIND_LIST || payload[o] != NULL) fail("not a leaf");
    if (gc_next[o] != 0)
    {
        int p = gc_prev[o], n = gc_next[o];
        gc_next[p] = n; gc_prev[n] = p; gc_next[o] = 0; gc_prev[o] = 0;
    }
    int64_t a = address[o];
    int bytes = block_bytes[o];
    if (parked < FREE_LIST) { parked_address[parked] = a; parked_bytes[parked] = bytes; parked_total += bytes; parked++; }
    else fail("pymalloc free");
    freed++;
    if (observer) fail("observer");
    if ((h->flags & INTERNED) != 0) fail("interned");
    h->stamp++; h->flags = 0; h->kind = 0; h->refcount = 0; h->external = 0; h->type = 0;
    payload[o] = NULL;
    scalar[o] = free_head; free_head = o; live_count--;
}

static inline void decref(handle r)
{
    if ((unsigned)r.index >= (unsigned)high_water) fail("stale");
    header *h = &hdr[r.index];
    if (h->stamp != r.stamp || (r.stamp & 1) == 0) fail("stale");
    if ((h->flags & IMMORTAL) != 0) return;
    int64_t c = h->refcount;
    if (c > 0 && h->external > 0) { h->external--; h->refcount = c - 1; if (c == 1) dealloc(r.index); }
    else fail("negative refcount");
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(void)
{
    gc_next[GEN0] = GEN0; gc_prev[GEN0] = GEN0;
    for (int i = 0; i < FREE_LIST; i++) { parked_address[i] = 0x10000 + 64 * i; parked_bytes[i] = 56; }
    parked = FREE_LIST;
    volatile int list_type = 7;
    int type = list_type;
    const long n = 100000000;
    for (int round = 0; round < 5; round++)
    {
        double t0 = now();
        for (long k = 0; k < n; k++) { handle r = new_list(type, 56); __asm__ volatile("" ::: "memory"); decref(r); }
        printf("list alloc+free ns/op: %.2f\n", (now() - t0) / n);
    }
    return 0;
}
