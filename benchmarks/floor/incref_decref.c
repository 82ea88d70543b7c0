/*
 * The physical floor of the hot path's first budget (issue #2: IncRef+DecRef <= 1 ns), in plain C.
 *
 * The same 24-byte header PyHeapSim keeps per object (Objects/ObjectHeader.cs) and the same work its
 * public IncRef/DecRef do (PyHeap.Handles.cs), on one object, in a loop like the BenchmarkDotNet row
 * incref_decref. The compiler barriers stop gcc from folding the increment into the decrement, which
 * a real caller's separate calls never allow either. Three variants:
 *   bare     ob_refcnt++ ; ob_refcnt--                      (what CPython's Py_INCREF/Py_DECREF do)
 *   stamp    + the handle check (slot bound, stamp equal and odd) and the zero test
 *   checked  + the immortal flag, the external-reference count and the negative-refcount check:
 *            everything PyHeapSim's public pair does
 * Build and run: benchmarks/floor/run.sh
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { int64_t refcount; uint32_t stamp; int32_t external; int32_t type; uint16_t flags; uint8_t kind; } header;

enum { SLOTS = 1024, IMMORTAL = 4 };
static header table[SLOTS];
static int high_water = SLOTS;

__attribute__((noinline)) static void fail(const char *why) { puts(why); exit(1); }
__attribute__((noinline)) static void dealloc(int o) { (void)o; fail("dealloc"); }

#define BARRIER __asm__ volatile("" ::: "memory")

static inline header *live(int o, uint32_t stamp)
{
    if ((unsigned)o >= (unsigned)high_water) fail("stale");
    header *h = &table[o];
    if (h->stamp != stamp || (stamp & 1) == 0) fail("stale");
    return h;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(void)
{
    volatile int which = 5;
    int o = which;
    uint32_t stamp = 1;
    for (int i = 0; i < SLOTS; i++) table[i] = (header){ .refcount = 1, .stamp = 1, .external = 1 };
    const long n = 200000000;
    for (int round = 0; round < 5; round++)
    {
        double t0 = now();
        for (long k = 0; k < n; k++) { table[o].refcount++; BARRIER; table[o].refcount--; BARRIER; }
        double t1 = now();
        for (long k = 0; k < n; k++)
        {
            live(o, stamp)->refcount++;
            BARRIER;
            header *h = live(o, stamp);
            if (--h->refcount == 0) dealloc(o);
            BARRIER;
        }
        double t2 = now();
        for (long k = 0; k < n; k++)
        {
            header *h = live(o, stamp);
            if ((h->flags & IMMORTAL) == 0) { h->refcount++; h->external++; }
            BARRIER;
            h = live(o, stamp);
            if ((h->flags & IMMORTAL) == 0)
            {
                int64_t c = h->refcount;
                if (c > 0 && h->external > 0) { h->external--; h->refcount = c - 1; if (c == 1) dealloc(o); }
                else fail("negative refcount");
            }
            BARRIER;
        }
        double t3 = now();
        printf("incref+decref ns/pair: bare %.2f  stamp %.2f  checked %.2f\n", (t1 - t0) / n, (t2 - t1) / n, (t3 - t2) / n);
    }
    return 0;
}
