#ifndef ADVISOR_CPUS_H
#define ADVISOR_CPUS_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <sched.h>
#include <unistd.h>

/// The cores this process may run on: its CPU affinity, else the cores online. Foundation's
/// `ProcessInfo.activeProcessorCount` builds the whole process description on first use, which
/// took a fifth of a millisecond of a short run; Swift's Glibc module doesn't export
/// sched_getaffinity or CPU_COUNT.
static inline int advisor_cpu_count(void) {
#if defined(__linux__)
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0) return count;
    }
#endif
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (int)online : 1;
}

#endif
