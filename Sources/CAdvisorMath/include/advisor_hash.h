#ifndef ADVISOR_HASH_H
#define ADVISOR_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// XXH64 (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md), the 64-bit
/// non-cryptographic hash: the compiled cache's checksum and file names. The cache guards against
/// damaged and stale files, not forged ones (whoever can write the cache folder could write a
/// matching SHA-256 as easily), and SHA-256 over a 773 KB entry, with the first use of
/// swift-crypto's generic types, took 0.8 ms of a 17 ms warm `recommend`.
static const uint64_t advisor_xxh_p1 = 0x9E3779B185EBCA87ULL;
static const uint64_t advisor_xxh_p2 = 0xC2B2AE3D27D4EB4FULL;
static const uint64_t advisor_xxh_p3 = 0x165667B19E3779F9ULL;
static const uint64_t advisor_xxh_p4 = 0x85EBCA77C2B2AE63ULL;
static const uint64_t advisor_xxh_p5 = 0x27D4EB2F165667C5ULL;

static inline uint64_t advisor_xxh_rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/// Little-endian reads, whatever the alignment.
static inline uint64_t advisor_xxh_read64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline uint32_t advisor_xxh_read32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

static inline uint64_t advisor_xxh_round(uint64_t acc, uint64_t lane) {
    acc += lane * advisor_xxh_p2;
    acc = advisor_xxh_rotl(acc, 31);
    return acc * advisor_xxh_p1;
}

static inline uint64_t advisor_xxh_merge(uint64_t acc, uint64_t lane) {
    acc ^= advisor_xxh_round(0, lane);
    return acc * advisor_xxh_p1 + advisor_xxh_p4;
}

static inline uint64_t advisor_xxh64(const void *data, size_t length, uint64_t seed) {
    const uint8_t *p = (const uint8_t *)data;
    const uint8_t *end = p + length;
    uint64_t h;
    if (length >= 32) {
        uint64_t v1 = seed + advisor_xxh_p1 + advisor_xxh_p2, v2 = seed + advisor_xxh_p2;
        uint64_t v3 = seed, v4 = seed - advisor_xxh_p1;
        const uint8_t *limit = end - 32;
        do {
            v1 = advisor_xxh_round(v1, advisor_xxh_read64(p));
            v2 = advisor_xxh_round(v2, advisor_xxh_read64(p + 8));
            v3 = advisor_xxh_round(v3, advisor_xxh_read64(p + 16));
            v4 = advisor_xxh_round(v4, advisor_xxh_read64(p + 24));
            p += 32;
        } while (p <= limit);
        h = advisor_xxh_rotl(v1, 1) + advisor_xxh_rotl(v2, 7) + advisor_xxh_rotl(v3, 12) + advisor_xxh_rotl(v4, 18);
        h = advisor_xxh_merge(h, v1);
        h = advisor_xxh_merge(h, v2);
        h = advisor_xxh_merge(h, v3);
        h = advisor_xxh_merge(h, v4);
    } else {
        h = seed + advisor_xxh_p5;
    }
    h += (uint64_t)length;
    while (end - p >= 8) {
        h ^= advisor_xxh_round(0, advisor_xxh_read64(p));
        h = advisor_xxh_rotl(h, 27) * advisor_xxh_p1 + advisor_xxh_p4;
        p += 8;
    }
    if (end - p >= 4) {
        h ^= (uint64_t)advisor_xxh_read32(p) * advisor_xxh_p1;
        h = advisor_xxh_rotl(h, 23) * advisor_xxh_p2 + advisor_xxh_p3;
        p += 4;
    }
    while (p < end) {
        h ^= (uint64_t)(*p) * advisor_xxh_p5;
        h = advisor_xxh_rotl(h, 11) * advisor_xxh_p1;
        p++;
    }
    h ^= h >> 33;
    h *= advisor_xxh_p2;
    h ^= h >> 29;
    h *= advisor_xxh_p3;
    h ^= h >> 32;
    return h;
}

#endif
