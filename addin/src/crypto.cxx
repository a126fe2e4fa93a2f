#include <scrqm/crypto.hxx>

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

namespace scrqm
{

namespace
{

void init()
{
    // Thread-safe and idempotent; fails only when the system has no
    // source of randomness.
    static const bool ok = sodium_init() >= 0;
    if (!ok)
        throw std::runtime_error("libsodium could not be initialised (no random source)");
}

} // namespace

std::string sha256_hex(const std::string& data)
{
    init();
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return to_hex(std::string(reinterpret_cast<const char*>(out), sizeof out));
}

std::string random_bytes(std::size_t n)
{
    init();
    std::string out(n, '\0');
    randombytes_buf(out.data(), n);
    return out;
}

std::string to_hex(const std::string& bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes)
    {
        const auto b = static_cast<unsigned char>(c);
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    return out;
}

std::string from_hex(const std::string& hex)
{
    auto value = [](char c) -> int
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0)
        return {};
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2)
    {
        const int hi = value(hex[i]), lo = value(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return {};
        out += static_cast<char>(hi << 4 | lo);
    }
    return out;
}

SecretKey::SecretKey()
{
    sodium_memzero(bytes_, kSize);
}

SecretKey::SecretKey(const std::string& bytes)
{
    if (bytes.size() != kSize)
        throw std::invalid_argument("a secret key has 32 bytes");
    std::copy(bytes.begin(), bytes.end(), bytes_);
}

SecretKey::~SecretKey()
{
    sodium_memzero(bytes_, kSize);
}

SecretKey::SecretKey(const SecretKey& other)
{
    std::copy(other.bytes_, other.bytes_ + kSize, bytes_);
}

SecretKey& SecretKey::operator=(const SecretKey& other)
{
    std::copy(other.bytes_, other.bytes_ + kSize, bytes_);
    return *this;
}

SecretKey SecretKey::random()
{
    init();
    SecretKey k;
    randombytes_buf(k.bytes_, kSize);
    return k;
}

SecretKey SecretKey::from_passphrase(const std::string& passphrase, const std::string& salt,
                                     unsigned long long ops, std::size_t mem)
{
    init();
    if (salt.size() != crypto_pwhash_SALTBYTES)
        throw std::invalid_argument("an Argon2id salt has 16 bytes");
    SecretKey k;
    if (crypto_pwhash(k.bytes_, kSize, passphrase.data(), passphrase.size(),
                      reinterpret_cast<const unsigned char*>(salt.data()), ops, mem,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("not enough memory to derive the register's key");
    return k;
}

SecretKey SecretKey::derive(unsigned id, const char* context) const
{
    static_assert(crypto_kdf_KEYBYTES == kSize && crypto_kdf_BYTES_MAX >= kSize);
    SecretKey k;
    crypto_kdf_derive_from_key(k.bytes_, kSize, id, context, bytes_);
    return k;
}

std::string keyed_hash_hex(const SecretKey& key, const std::string& data)
{
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()),
                       data.size(), key.data(), SecretKey::kSize);
    return to_hex(std::string(reinterpret_cast<const char*>(out), sizeof out));
}

std::string seal(const SecretKey& key, const std::string& plain, const std::string& associated)
{
    std::string out = random_bytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const std::size_t nonce = out.size();
    out.resize(nonce + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long written = 0;
    auto* bytes = reinterpret_cast<unsigned char*>(out.data());
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        bytes + nonce, &written, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
        reinterpret_cast<const unsigned char*>(associated.data()), associated.size(), nullptr,
        bytes, key.data());
    out.resize(nonce + written);
    return out;
}

bool open(const SecretKey& key, const std::string& sealed, const std::string& associated,
          std::string& plain)
{
    init();
    const std::size_t nonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (sealed.size() < nonce + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return false;
    plain.assign(sealed.size() - nonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long written = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(sealed.data());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr, bytes + nonce,
            sealed.size() - nonce, reinterpret_cast<const unsigned char*>(associated.data()),
            associated.size(), bytes, key.data()) != 0)
    {
        sodium_memzero(plain.data(), plain.size());
        plain.clear();
        return false;
    }
    plain.resize(written);
    return true;
}

} // namespace scrqm
