#ifndef ADVISOR_MATH_H
#define ADVISOR_MATH_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <math.h>
#include "advisor_cpus.h"
#include "advisor_hash.h"

/// The sine and cosine of `x` in one call. glibc's sincos gives bit for bit the results of sin and
/// cos (RandomSourceTests checks it) in about the time of one of them; Swift's Glibc module doesn't
/// export it.
static inline void advisor_sincos(double x, double *sine, double *cosine) {
#if defined(__APPLE__)
    __sincos(x, sine, cosine);
#else
    sincos(x, sine, cosine);
#endif
}

#endif
