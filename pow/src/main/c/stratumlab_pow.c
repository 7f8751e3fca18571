/*
 * The native PoW implementation (docs/protocol.md §6), loaded through JNI by
 * org.stratumlab.pow.NativePow: Keccak-256 with the original padding, and the Conflux PoW check and nonce scan,
 * in plain C (scalar) and, where the CPU has them, AVX2 (4 nonces at once) and AVX-512 (8 at once). The SIMD
 * paths are compiled with per-function target options and chosen at run time from CPUID, so one library runs on
 * every x86-64 CPU.
 *
 * Built by build.sh when a C compiler is present; Java works without it.
 */
#include <jni.h>
#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "lanes are read with memcpy: a little-endian target is assumed"
#endif

static const uint64_t ROUND_CONSTANTS[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
    0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
    0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

/* Original Keccak padding (0x01 ... 0x80): the first byte after the message, and the top bit of lane 16. */
#define PAD_FIRST 0x01ULL
#define PAD_LAST 0x8000000000000000ULL
#define RATE_BYTES 136

/* docs/protocol.md §6: (H - lb) mod 2^256 < boundary, lb = nonce AND (2^255 - 2^128); H from the digest lanes. */
static inline int meets_boundary(uint64_t s0, uint64_t s1, uint64_t s2, uint64_t s3, uint64_t n3, uint64_t n2,
        const uint64_t b[4]) {
    uint64_t h3 = __builtin_bswap64(s0), h2 = __builtin_bswap64(s1);
    uint64_t lb3 = n3 & 0x7FFFFFFFFFFFFFFFULL;
    uint64_t r2 = h2 - n2;
    uint64_t r3 = h3 - lb3 - (h2 < n2);
    if ((b[0] & b[1] & b[2] & b[3]) == ~0ULL) {
        return 1; /* difficulty 1 */
    }
    /* The most significant word decides all but once in 2^64. */
    if (r3 != b[0]) {
        return r3 < b[0];
    }
    if (r2 != b[1]) {
        return r2 < b[1];
    }
    uint64_t h1 = __builtin_bswap64(s2), h0 = __builtin_bswap64(s3);
    return h1 != b[2] ? h1 < b[2] : h0 < b[3];
}

/* ---- scalar ---- */
#define T uint64_t
#define FN(name) scalar_##name
#define XOR(a, b) ((a) ^ (b))
#define ROL(a, n) (((a) << (n)) | ((a) >> (64 - (n))))
#define CHI(a, b, c) ((a) ^ (~(b) & (c)))
#define XOR5(a, b, c, d, e) ((a) ^ (b) ^ (c) ^ (d) ^ (e))
#define BCAST(x) ((uint64_t) (x))
#define WIDTH 1
#define NONCES(n0) ((uint64_t) (n0))
#define STORE(ptr, v) ((ptr)[0] = (v))
#include "keccak_template.h"
#undef T
#undef FN
#undef XOR
#undef ROL
#undef CHI
#undef XOR5
#undef BCAST
#undef WIDTH
#undef NONCES
#undef STORE

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_SIMD 1

/* ---- scalar with BMI1/BMI2 (andn, rorx): gcc -O2 code about 15% faster on the benchmark machine's Zen 5 ---- */
#pragma GCC push_options
#pragma GCC target("bmi,bmi2")
#define T uint64_t
#define FN(name) bmi2_##name
#define XOR(a, b) ((a) ^ (b))
#define ROL(a, n) (((a) << (n)) | ((a) >> (64 - (n))))
#define CHI(a, b, c) ((a) ^ (~(b) & (c)))
#define XOR5(a, b, c, d, e) ((a) ^ (b) ^ (c) ^ (d) ^ (e))
#define BCAST(x) ((uint64_t) (x))
#define WIDTH 1
#define NONCES(n0) ((uint64_t) (n0))
#define STORE(ptr, v) ((ptr)[0] = (v))
#include "keccak_template.h"
#undef T
#undef FN
#undef XOR
#undef ROL
#undef CHI
#undef XOR5
#undef BCAST
#undef WIDTH
#undef NONCES
#undef STORE

#pragma GCC pop_options


/* ---- AVX2: 4 nonces per call of the permutation ---- */
#pragma GCC push_options
#pragma GCC target("avx2")
#define T __m256i
#define FN(name) avx2_##name
#define XOR(a, b) _mm256_xor_si256((a), (b))
#define ROL(a, n) _mm256_or_si256(_mm256_slli_epi64((a), (n)), _mm256_srli_epi64((a), 64 - (n)))
#define CHI(a, b, c) _mm256_xor_si256((a), _mm256_andnot_si256((b), (c)))
#define XOR5(a, b, c, d, e) XOR(XOR(XOR((a), (b)), XOR((c), (d))), (e))
#define BCAST(x) _mm256_set1_epi64x((long long) (x))
#define WIDTH 4
#define NONCES(n0) _mm256_add_epi64(BCAST(n0), _mm256_set_epi64x(3, 2, 1, 0))
#define STORE(ptr, v) _mm256_storeu_si256((__m256i *) (ptr), (v))
#include "keccak_template.h"
#undef T
#undef FN
#undef XOR
#undef ROL
#undef CHI
#undef XOR5
#undef BCAST
#undef WIDTH
#undef NONCES
#undef STORE
#pragma GCC pop_options

/* ---- AVX-512: 8 nonces per call; rotations and chi in one instruction each (vprolq, vpternlogq) ---- */
#pragma GCC push_options
#pragma GCC target("avx512f")
#define T __m512i
#define FN(name) avx512_##name
#define XOR(a, b) _mm512_xor_si512((a), (b))
#define ROL(a, n) _mm512_rol_epi64((a), (n))
#define CHI(a, b, c) _mm512_ternarylogic_epi64((a), (b), (c), 0xD2)
#define XOR5(a, b, c, d, e) _mm512_ternarylogic_epi64(_mm512_ternarylogic_epi64((a), (b), (c), 0x96), (d), (e), 0x96)
#define BCAST(x) _mm512_set1_epi64((long long) (x))
#define WIDTH 8
#define NONCES(n0) _mm512_add_epi64(BCAST(n0), _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0))
#define STORE(ptr, v) _mm512_storeu_si512((void *) (ptr), (v))
#include "keccak_template.h"
#undef T
#undef FN
#undef XOR
#undef ROL
#undef CHI
#undef XOR5
#undef BCAST
#undef WIDTH
#undef NONCES
#undef STORE
#pragma GCC pop_options
#endif

/* The scalar path for this CPU, chosen once when the library loads. */
static void (*permute1)(uint64_t *) = scalar_permute;
static int64_t (*scan1)(const uint64_t[4], uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, const uint64_t[4]) =
    scalar_scan;

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
#ifdef HAVE_SIMD
    __builtin_cpu_init();
    if (__builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")) {
        permute1 = bmi2_permute;
        scan1 = bmi2_scan;
    }
#endif
    return JNI_VERSION_1_8;
}

/* The widest path this CPU runs: 8 (AVX-512), 4 (AVX2) or 1 (scalar). */
static int best_width(void) {
#ifdef HAVE_SIMD
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        return 8;
    }
    if (__builtin_cpu_supports("avx2")) {
        return 4;
    }
#endif
    return 1;
}

static void pow_state(uint64_t s[25], const uint64_t p[4], uint64_t n3, uint64_t n2, uint64_t n1, uint64_t n0) {
    memset(s, 0, 25 * sizeof(uint64_t));
    s[0] = p[0]; s[1] = p[1]; s[2] = p[2]; s[3] = p[3];
    s[4] = n0; s[5] = n1; s[6] = n2; s[7] = n3;
    s[8] = PAD_FIRST;
    s[16] = PAD_LAST;
    permute1(s);
    uint64_t x0 = s[0] ^ p[0], x1 = s[1] ^ p[1], x2 = s[2] ^ p[2], x3 = s[3] ^ p[3];
    memset(s, 0, 25 * sizeof(uint64_t));
    s[0] = x0; s[1] = x1; s[2] = x2; s[3] = x3;
    s[4] = PAD_FIRST;
    s[16] = PAD_LAST;
    permute1(s);
}

JNIEXPORT jint JNICALL Java_org_stratumlab_pow_NativePow_bestWidth(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return best_width();
}

JNIEXPORT void JNICALL Java_org_stratumlab_pow_NativePow_hash(JNIEnv *env, jclass cls, jlong p0, jlong p1,
        jlong p2, jlong p3, jlong n3, jlong n2, jlong n1, jlong n0, jlongArray out) {
    (void) cls;
    const uint64_t p[4] = {(uint64_t) p0, (uint64_t) p1, (uint64_t) p2, (uint64_t) p3};
    uint64_t s[25];
    pow_state(s, p, (uint64_t) n3, (uint64_t) n2, (uint64_t) n1, (uint64_t) n0);
    (*env)->SetLongArrayRegion(env, out, 0, 4, (const jlong *) s);
}

JNIEXPORT jboolean JNICALL Java_org_stratumlab_pow_NativePow_isValid(JNIEnv *env, jclass cls, jlong p0, jlong p1,
        jlong p2, jlong p3, jlong n3, jlong n2, jlong n1, jlong n0, jlong b3, jlong b2, jlong b1, jlong b0) {
    (void) env;
    (void) cls;
    const uint64_t p[4] = {(uint64_t) p0, (uint64_t) p1, (uint64_t) p2, (uint64_t) p3};
    const uint64_t b[4] = {(uint64_t) b3, (uint64_t) b2, (uint64_t) b1, (uint64_t) b0};
    uint64_t s[25];
    pow_state(s, p, (uint64_t) n3, (uint64_t) n2, (uint64_t) n1, (uint64_t) n0);
    return meets_boundary(s[0], s[1], s[2], s[3], (uint64_t) n3, (uint64_t) n2, b) ? JNI_TRUE : JNI_FALSE;
}

JNIEXPORT jlong JNICALL Java_org_stratumlab_pow_NativePow_scan(JNIEnv *env, jclass cls, jlong p0, jlong p1,
        jlong p2, jlong p3, jlong n3, jlong n2, jlong n1, jlong n0, jlong count, jlong b3, jlong b2, jlong b1,
        jlong b0, jint width) {
    (void) env;
    (void) cls;
    const uint64_t p[4] = {(uint64_t) p0, (uint64_t) p1, (uint64_t) p2, (uint64_t) p3};
    const uint64_t b[4] = {(uint64_t) b3, (uint64_t) b2, (uint64_t) b1, (uint64_t) b0};
#ifdef HAVE_SIMD
    if (width == 8) {
        return avx512_scan(p, (uint64_t) n3, (uint64_t) n2, (uint64_t) n1, (uint64_t) n0, (uint64_t) count, b);
    }
    if (width == 4) {
        return avx2_scan(p, (uint64_t) n3, (uint64_t) n2, (uint64_t) n1, (uint64_t) n0, (uint64_t) count, b);
    }
#else
    (void) width;
#endif
    return scan1(p, (uint64_t) n3, (uint64_t) n2, (uint64_t) n1, (uint64_t) n0, (uint64_t) count, b);
}

static void absorb(uint64_t s[25], const uint8_t block[RATE_BYTES]) {
    for (int i = 0; i < RATE_BYTES / 8; i++) {
        uint64_t lane;
        memcpy(&lane, block + 8 * i, 8); /* lanes are little-endian, as x86-64 is */
        s[i] ^= lane;
    }
    permute1(s);
}

JNIEXPORT void JNICALL Java_org_stratumlab_pow_NativePow_keccak256(JNIEnv *env, jclass cls, jbyteArray input,
        jint offset, jint length, jbyteArray digest, jint digestOffset) {
    (void) cls;
    uint64_t s[25] = {0};
    uint8_t block[RATE_BYTES];
    jint position = 0;
    for (; length - position >= RATE_BYTES; position += RATE_BYTES) {
        (*env)->GetByteArrayRegion(env, input, offset + position, RATE_BYTES, (jbyte *) block);
        absorb(s, block);
    }
    jint remaining = length - position;
    memset(block, 0, sizeof block);
    (*env)->GetByteArrayRegion(env, input, offset + position, remaining, (jbyte *) block);
    block[remaining] ^= 0x01;
    block[RATE_BYTES - 1] ^= 0x80;
    absorb(s, block);
    (*env)->SetByteArrayRegion(env, digest, digestOffset, 32, (const jbyte *) s);
}
