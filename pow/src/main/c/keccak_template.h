/*
 * Keccak-f[1600] and the Conflux PoW scan for one lane type. Included once per type by stratumlab_pow.c, with
 * these macros defined: T (the lane type), FN(name) (the function name for this type), XOR(a, b), ROL(a, n),
 * CHI(a, b, c) = a ^ (~b & c), XOR5(a, b, c, d, e), BCAST(x) (every lane x), WIDTH (nonces per call),
 * NONCES(n0) (lane i holds n0 + i) and STORE(ptr, v) (lanes to WIDTH uint64_t).
 *
 * The round is the "row" form of the Keccak team's optimised 64-bit code: theta's column parities carried from
 * the previous round, each output row made from its five source lanes (theta XOR, rho, pi fused into the read),
 * then chi and iota; two rounds per loop iteration, a -> e -> a, so no copies.
 */

#define ROUND(A, E, rc)                                                                                        \
    do {                                                                                                       \
        T d0 = XOR(c4, ROL(c1, 1)), d1 = XOR(c0, ROL(c2, 1)), d2 = XOR(c1, ROL(c3, 1));                        \
        T d3 = XOR(c2, ROL(c4, 1)), d4 = XOR(c3, ROL(c0, 1));                                                  \
        T b0 = XOR(A##0, d0), b1 = ROL(XOR(A##6, d1), 44), b2 = ROL(XOR(A##12, d2), 43);                       \
        T b3 = ROL(XOR(A##18, d3), 21), b4 = ROL(XOR(A##24, d4), 14);                                          \
        E##0 = XOR(CHI(b0, b1, b2), BCAST(rc)); E##1 = CHI(b1, b2, b3); E##2 = CHI(b2, b3, b4);                \
        E##3 = CHI(b3, b4, b0); E##4 = CHI(b4, b0, b1);                                                        \
        b0 = ROL(XOR(A##3, d3), 28); b1 = ROL(XOR(A##9, d4), 20); b2 = ROL(XOR(A##10, d0), 3);                 \
        b3 = ROL(XOR(A##16, d1), 45); b4 = ROL(XOR(A##22, d2), 61);                                            \
        E##5 = CHI(b0, b1, b2); E##6 = CHI(b1, b2, b3); E##7 = CHI(b2, b3, b4);                                \
        E##8 = CHI(b3, b4, b0); E##9 = CHI(b4, b0, b1);                                                        \
        b0 = ROL(XOR(A##1, d1), 1); b1 = ROL(XOR(A##7, d2), 6); b2 = ROL(XOR(A##13, d3), 25);                  \
        b3 = ROL(XOR(A##19, d4), 8); b4 = ROL(XOR(A##20, d0), 18);                                             \
        E##10 = CHI(b0, b1, b2); E##11 = CHI(b1, b2, b3); E##12 = CHI(b2, b3, b4);                             \
        E##13 = CHI(b3, b4, b0); E##14 = CHI(b4, b0, b1);                                                      \
        b0 = ROL(XOR(A##4, d4), 27); b1 = ROL(XOR(A##5, d0), 36); b2 = ROL(XOR(A##11, d1), 10);                \
        b3 = ROL(XOR(A##17, d2), 15); b4 = ROL(XOR(A##23, d3), 56);                                            \
        E##15 = CHI(b0, b1, b2); E##16 = CHI(b1, b2, b3); E##17 = CHI(b2, b3, b4);                             \
        E##18 = CHI(b3, b4, b0); E##19 = CHI(b4, b0, b1);                                                      \
        b0 = ROL(XOR(A##2, d2), 62); b1 = ROL(XOR(A##8, d3), 55); b2 = ROL(XOR(A##14, d4), 39);                \
        b3 = ROL(XOR(A##15, d0), 41); b4 = ROL(XOR(A##21, d1), 2);                                             \
        E##20 = CHI(b0, b1, b2); E##21 = CHI(b1, b2, b3); E##22 = CHI(b2, b3, b4);                             \
        E##23 = CHI(b3, b4, b0); E##24 = CHI(b4, b0, b1);                                                      \
        c0 = XOR5(E##0, E##5, E##10, E##15, E##20); c1 = XOR5(E##1, E##6, E##11, E##16, E##21);               \
        c2 = XOR5(E##2, E##7, E##12, E##17, E##22); c3 = XOR5(E##3, E##8, E##13, E##18, E##23);               \
        c4 = XOR5(E##4, E##9, E##14, E##19, E##24);                                                            \
    } while (0)

static inline void FN(permute)(T *s) {
    T a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], a4 = s[4], a5 = s[5], a6 = s[6], a7 = s[7], a8 = s[8];
    T a9 = s[9], a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14], a15 = s[15], a16 = s[16];
    T a17 = s[17], a18 = s[18], a19 = s[19], a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24];
    T e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16, e17, e18, e19, e20, e21, e22,
        e23, e24;
    T c0 = XOR5(a0, a5, a10, a15, a20), c1 = XOR5(a1, a6, a11, a16, a21), c2 = XOR5(a2, a7, a12, a17, a22);
    T c3 = XOR5(a3, a8, a13, a18, a23), c4 = XOR5(a4, a9, a14, a19, a24);
    for (int round = 0; round < 24; round += 2) {
        ROUND(a, e, ROUND_CONSTANTS[round]);
        ROUND(e, a, ROUND_CONSTANTS[round + 1]);
    }
    s[0] = a0; s[1] = a1; s[2] = a2; s[3] = a3; s[4] = a4; s[5] = a5; s[6] = a6; s[7] = a7; s[8] = a8;
    s[9] = a9; s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14; s[15] = a15; s[16] = a16;
    s[17] = a17; s[18] = a18; s[19] = a19; s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24;
}

/*
 * Scans count nonces (n3, n2, n1, n0 + i), WIDTH at a time; n0 + count must not pass 2^64 (the caller splits
 * the range there). Returns the offset of the first valid nonce, or -1.
 */
static int64_t FN(scan)(const uint64_t p[4], uint64_t n3, uint64_t n2, uint64_t n1, uint64_t n0, uint64_t count,
        const uint64_t b[4]) {
    T s[25];
    uint64_t h[4][WIDTH];
    for (uint64_t base = 0; base < count; base += WIDTH) {
        s[0] = BCAST(p[0]); s[1] = BCAST(p[1]); s[2] = BCAST(p[2]); s[3] = BCAST(p[3]);
        s[4] = NONCES(n0 + base);
        s[5] = BCAST(n1); s[6] = BCAST(n2); s[7] = BCAST(n3);
        s[8] = BCAST(PAD_FIRST);
        for (int i = 9; i < 25; i++) {
            s[i] = BCAST(0);
        }
        s[16] = BCAST(PAD_LAST);
        FN(permute)(s);
        s[0] = XOR(s[0], BCAST(p[0])); s[1] = XOR(s[1], BCAST(p[1]));
        s[2] = XOR(s[2], BCAST(p[2])); s[3] = XOR(s[3], BCAST(p[3]));
        s[4] = BCAST(PAD_FIRST);
        for (int i = 5; i < 25; i++) {
            s[i] = BCAST(0);
        }
        s[16] = BCAST(PAD_LAST);
        FN(permute)(s);
        STORE(h[0], s[0]); STORE(h[1], s[1]); STORE(h[2], s[2]); STORE(h[3], s[3]);
        uint64_t lanes = count - base < WIDTH ? count - base : WIDTH;
        for (uint64_t i = 0; i < lanes; i++) {
            if (meets_boundary(h[0][i], h[1][i], h[2][i], h[3][i], n3, n2, b)) {
                return (int64_t) (base + i);
            }
        }
    }
    return -1;
}

#undef ROUND
