// What encrypting one database page costs, apart from SQLite (docs/benchmarks.md, the
// encryption ratio of issue 2). SQLCipher 3.4.1 (Debian's libsqlcipher) protects each
// 4 KiB page with AES-256-CBC and an HMAC-SHA1, through OpenSSL: for every page it makes a
// new cipher and HMAC context, and a page it writes gets a new random IV. The benchmarks
// time that, and the same arithmetic on contexts made once, which is the least any
// implementation of this page format can spend.
//   build/release/tests/bench/bench_page_cipher
#define OPENSSL_SUPPRESS_DEPRECATED // HMAC_CTX: the calls SQLCipher 3.4.1 makes
#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>

namespace {

constexpr int kPage = 4096;
constexpr int kReserve = 48;                          // IV (16) + HMAC-SHA1 (20), rounded to the block size
constexpr int kEncrypted = kPage - kReserve;          // the part of the page that is encrypted
constexpr int kAuthenticated = kPage - kReserve + 16; // encrypted part and IV; then the page number

struct Page
{
    std::array<unsigned char, 32> key{}, hmacKey{};
    std::array<unsigned char, 16> iv{};
    std::array<unsigned char, kPage> in{}, out{};
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    Page()
    {
        key.fill(1);
        hmacKey.fill(2);
        iv.fill(3);
        in.fill(4);
    }
};

// As SQLCipher 3.4.1's OpenSSL provider does it, context made and freed for each page.
void cipherAsSqlcipher(Page& p, int encrypt)
{
    EVP_CIPHER_CTX* c = EVP_CIPHER_CTX_new();
    int n = 0;
    EVP_CipherInit_ex(c, EVP_aes_256_cbc(), nullptr, nullptr, nullptr, encrypt);
    EVP_CIPHER_CTX_set_padding(c, 0);
    EVP_CipherInit_ex(c, nullptr, nullptr, p.key.data(), p.iv.data(), encrypt);
    EVP_CipherUpdate(c, p.out.data(), &n, p.in.data(), kEncrypted);
    EVP_CipherFinal_ex(c, p.out.data() + n, &n);
    EVP_CIPHER_CTX_free(c);
}

void hmacAsSqlcipher(Page& p, unsigned pageNumber)
{
    HMAC_CTX* h = HMAC_CTX_new();
    unsigned int size = 0;
    HMAC_Init_ex(h, p.hmacKey.data(), static_cast<int>(p.hmacKey.size()), EVP_sha1(), nullptr);
    HMAC_Update(h, p.out.data(), kAuthenticated);
    HMAC_Update(h, reinterpret_cast<const unsigned char*>(&pageNumber), sizeof pageNumber);
    HMAC_Final(h, p.mac.data(), &size);
    HMAC_CTX_free(h);
}

// A page written: new random IV, encrypt, authenticate.
void BM_WritePageAsSqlcipher(benchmark::State& state)
{
    Page p;
    unsigned n = 0;
    for (auto _ : state) {
        RAND_bytes(p.iv.data(), static_cast<int>(p.iv.size()));
        cipherAsSqlcipher(p, 1);
        hmacAsSqlcipher(p, ++n);
        benchmark::DoNotOptimize(p.mac);
    }
    state.SetBytesProcessed(state.iterations() * kPage);
}
BENCHMARK(BM_WritePageAsSqlcipher);

// A page read: authenticate, decrypt.
void BM_ReadPageAsSqlcipher(benchmark::State& state)
{
    Page p;
    unsigned n = 0;
    for (auto _ : state) {
        hmacAsSqlcipher(p, ++n);
        cipherAsSqlcipher(p, 0);
        benchmark::DoNotOptimize(p.out);
    }
    state.SetBytesProcessed(state.iterations() * kPage);
}
BENCHMARK(BM_ReadPageAsSqlcipher);

// The arithmetic alone (contexts made once, keys set once): the floor for this format.
void pageWork(benchmark::State& state, int encrypt)
{
    Page p;
    EVP_CIPHER_CTX* c = EVP_CIPHER_CTX_new();
    EVP_CipherInit_ex(c, EVP_aes_256_cbc(), nullptr, p.key.data(), p.iv.data(), encrypt);
    EVP_CIPHER_CTX_set_padding(c, 0);
    HMAC_CTX* keyed = HMAC_CTX_new();
    HMAC_Init_ex(keyed, p.hmacKey.data(), static_cast<int>(p.hmacKey.size()), EVP_sha1(), nullptr);
    HMAC_CTX* h = HMAC_CTX_new();
    unsigned n = 0;
    for (auto _ : state) {
        int written = 0;
        unsigned int size = 0;
        EVP_CipherInit_ex(c, nullptr, nullptr, nullptr, p.iv.data(), encrypt);
        EVP_CipherUpdate(c, p.out.data(), &written, p.in.data(), kEncrypted);
        HMAC_CTX_copy(h, keyed);
        HMAC_Update(h, p.out.data(), kAuthenticated);
        ++n;
        HMAC_Update(h, reinterpret_cast<const unsigned char*>(&n), sizeof n);
        HMAC_Final(h, p.mac.data(), &size);
        benchmark::DoNotOptimize(p.mac);
    }
    HMAC_CTX_free(h);
    HMAC_CTX_free(keyed);
    EVP_CIPHER_CTX_free(c);
    state.SetBytesProcessed(state.iterations() * kPage);
}
void BM_WritePageArithmeticOnly(benchmark::State& state)
{
    pageWork(state, 1);
}
BENCHMARK(BM_WritePageArithmeticOnly);
void BM_ReadPageArithmeticOnly(benchmark::State& state)
{
    pageWork(state, 0);
}
BENCHMARK(BM_ReadPageArithmeticOnly);

} // namespace

BENCHMARK_MAIN();
