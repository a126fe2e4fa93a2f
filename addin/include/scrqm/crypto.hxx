// The few cryptographic primitives scrqm needs, all from libsodium (audited,
// constant-time, in Debian): a passphrase-derived key (Argon2id), an
// authenticated encryption (XChaCha20-Poly1305), a keyed hash (BLAKE2b) and
// SHA-256 for the stored forms that were defined with it. No primitive is
// written here by hand.
#pragma once

#include <cstddef>
#include <string>

namespace scrqm
{

// SHA-256 of `data`, as 64 lower-case hex digits (libsodium's). For a
// document's ignore list, whose stored form is defined with it, and for
// cache keys; never to protect an identifier (see KeyedHash).
std::string sha256_hex(const std::string& data);

// `n` random bytes from the system's generator.
std::string random_bytes(std::size_t n);

// Lower-case hex and back; from_hex returns "" for anything that is not
// exactly hex of an even length.
std::string to_hex(const std::string& bytes);
std::string from_hex(const std::string& hex);

// A 32-byte secret key, wiped from memory when it goes.
class SecretKey
{
public:
    SecretKey();
    explicit SecretKey(const std::string& bytes); // exactly 32 bytes
    ~SecretKey();
    SecretKey(const SecretKey& other);
    SecretKey& operator=(const SecretKey& other);

    static constexpr std::size_t kSize = 32;
    static SecretKey random();
    // Argon2id (libsodium's crypto_pwhash) of `passphrase` with a 16-byte
    // `salt`; `ops` and `mem` are its cost (bounded by the caller).
    static SecretKey from_passphrase(const std::string& passphrase, const std::string& salt,
                                     unsigned long long ops, std::size_t mem);
    // A subkey for one purpose (libsodium's crypto_kdf): 8-character
    // `context`, numbered `id`. Keys for different purposes never coincide.
    SecretKey derive(unsigned id, const char* context) const;

    const unsigned char* data() const { return bytes_; }

private:
    unsigned char bytes_[kSize];
};

// BLAKE2b-256 keyed with `key` (libsodium's crypto_generichash), as 64 hex
// digits: without the key, no list of names can be tested against it.
std::string keyed_hash_hex(const SecretKey& key, const std::string& data);

// XChaCha20-Poly1305 (IETF) of `plain` under `key` with a random 24-byte
// nonce; `associated` is authenticated, not encrypted. Returns nonce followed
// by the ciphertext and its tag.
std::string seal(const SecretKey& key, const std::string& plain, const std::string& associated);
// The inverse; false when the key is wrong or a byte was changed.
bool open(const SecretKey& key, const std::string& sealed, const std::string& associated,
          std::string& plain);

} // namespace scrqm
