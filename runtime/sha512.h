/* runtime/sha512.h — SHA-512 (FIPS 180-4), incremental or in one call.
 * The random module uses it to turn str/bytes seeds into ints as CPython
 * does; a future hashlib can use the same context.
 */
#ifndef FT_RUNTIME_SHA512_H
#define FT_RUNTIME_SHA512_H

#include <stddef.h>
#include <stdint.h>

#define FT_SHA512_DIGEST_SIZE 64
#define FT_SHA512_BLOCK_SIZE 128

typedef struct {
    uint64_t h[8];
    uint64_t nbytes; /* message length so far (< 2**61 bytes in practice) */
    size_t fill;     /* bytes waiting in block */
    unsigned char block[FT_SHA512_BLOCK_SIZE];
} FtSha512;

void ft_sha512_init(FtSha512 *c);
void ft_sha512_update(FtSha512 *c, const void *data, size_t n);
/* Writes the digest; c must be initialised again before reuse. */
void ft_sha512_final(FtSha512 *c, unsigned char out[FT_SHA512_DIGEST_SIZE]);
void ft_sha512(const void *data, size_t n,
               unsigned char out[FT_SHA512_DIGEST_SIZE]);

#endif
