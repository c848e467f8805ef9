/* tests/unit/test_random.c — the random module's C helpers against their
 * published test vectors: MT19937 (the authors' mt19937ar.out, seeded by
 * init_by_array {0x123, 0x234, 0x345, 0x456}) and SHA-512 (FIPS 180-4
 * examples, padding boundaries at 111/112/128 bytes, a million 'a's fed
 * in uneven pieces).
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "runtime/mt19937.h"
#include "runtime/sha512.h"

static void test_mt_reference(void)
{
    static const uint32_t key[] = {0x123, 0x234, 0x345, 0x456};
    static const uint32_t want[] = {1067595299U, 955945823U, 477289528U,
                                    4107218783U, 4228976476U};
    FtMtState s;
    ft_mt_init_by_array(&s, key, 4);
    for (int i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(ft_mt_next32(&s), want[i]);
    /* past the first regeneration the sequence goes on from index 0 */
    for (int i = 5; i < 2000; i++)
        ft_mt_next32(&s);
    CU_ASSERT_EQUAL(s.index, 2000 - 3 * FT_MT_N);
}

static int digest_is(const unsigned char *d, const char *hex)
{
    char buf[2 * FT_SHA512_DIGEST_SIZE + 1];
    for (int i = 0; i < FT_SHA512_DIGEST_SIZE; i++)
        snprintf(buf + 2 * i, 3, "%02x", d[i]);
    return strcmp(buf, hex) == 0;
}

static int sha_of_is(const char *msg, size_t n, const char *hex)
{
    unsigned char d[FT_SHA512_DIGEST_SIZE];
    ft_sha512(msg, n, d);
    return digest_is(d, hex);
}

static void test_sha512_vectors(void)
{
    CU_ASSERT(sha_of_is("", 0,
                        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a"
                        "921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd4"
                        "7417a81a538327af927da3e"));
    CU_ASSERT(sha_of_is("abc", 3,
                        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9ee"
                        "ee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d44236"
                        "43ce80e2a9ac94fa54ca49f"));
    const char *two = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklm"
                      "nhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqr"
                      "stu";
    CU_ASSERT(sha_of_is(two, strlen(two),
                        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299a"
                        "eadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb"
                        "6dd26545e96e55b874be909"));
    char x[128];
    memset(x, 'x', sizeof x);
    CU_ASSERT(sha_of_is(x, 111,
                        "9a2a120825c2319867758ec277924f6faa254968bf752046dacdd"
                        "948d8ad299b10359fd04bfd7d3810b5fa1b16a294236138baff9"
                        "81cbb85248478053ac4d3dd"));
    CU_ASSERT(sha_of_is(x, 112,
                        "a3722b515ef40c910f2419f6e0da8ca51d410114ce6272faae640"
                        "45f9e9f630e7fa8dd5a3243c9860b899d148c3da4bc0f9e07454"
                        "542604d030bb55531fe0d5b"));
    CU_ASSERT(sha_of_is(x, 128,
                        "e2e22f8422b54b06e35c3ea30a383d1de7a8fbc27992923074103"
                        "117020d8dd7024c3ecf7d6d1a15a6de5a75ff32fb486b9e8ced4"
                        "c02ffe05822bf2cb734d0e0"));
}

static void test_sha512_pieces(void)
{
    char a[1000];
    memset(a, 'a', sizeof a);
    FtSha512 c;
    ft_sha512_init(&c);
    size_t left = 1000000, piece = 1;
    while (left > 0) {
        size_t n = piece < left ? piece : left;
        ft_sha512_update(&c, a, n);
        left -= n;
        piece = piece * 7 % 997 + 1; /* uneven sizes across block edges */
    }
    unsigned char d[FT_SHA512_DIGEST_SIZE];
    ft_sha512_final(&c, d);
    CU_ASSERT(digest_is(d, "e718483d0ce769644e2e42c7bc15b4638e1f98b13b20442856"
                           "32a803afa973ebde0ff244877ea60a4cb0432ce577c31beb00"
                           "9c5c2c49aa2e4eadb217ad8cc09b"));
}

void test_register_random(void)
{
    CU_pSuite s = CU_add_suite("random", NULL, NULL);
    CU_add_test(s, "MT19937 reference output", test_mt_reference);
    CU_add_test(s, "SHA-512 test vectors", test_sha512_vectors);
    CU_add_test(s, "SHA-512 fed in pieces", test_sha512_pieces);
}
