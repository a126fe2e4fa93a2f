#include <scrqm/catalogue.hxx>
#include <scrqm/json.hxx>
#include <scrqm/register.hxx>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <sstream>

namespace scrqm
{

namespace
{

// FIPS 180-4 SHA-256.
class Sha256
{
public:
    void update(const unsigned char* data, std::size_t n)
    {
        for (std::size_t i = 0; i < n; ++i)
        {
            block_[fill_++] = data[i];
            if (fill_ == 64)
            {
                compress();
                fill_ = 0;
            }
        }
        length_ += n;
    }

    std::string hex()
    {
        const std::uint64_t bits = length_ * 8;
        const unsigned char pad = 0x80;
        update(&pad, 1);
        const unsigned char zero = 0;
        while (fill_ != 56)
            update(&zero, 1);
        unsigned char len[8];
        for (int i = 0; i < 8; ++i)
            len[i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
        update(len, 8);
        static const char digits[] = "0123456789abcdef";
        std::string out;
        for (std::uint32_t v : h_)
            for (int shift = 28; shift >= 0; shift -= 4)
                out += digits[(v >> shift) & 0xF];
        return out;
    }

private:
    static std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

    void compress()
    {
        static constexpr std::uint32_t k[64] = {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
            0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
            0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
            0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
            0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
            0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
            0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
            0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2};
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = static_cast<std::uint32_t>(block_[4 * i]) << 24 |
                   static_cast<std::uint32_t>(block_[4 * i + 1]) << 16 |
                   static_cast<std::uint32_t>(block_[4 * i + 2]) << 8 |
                   static_cast<std::uint32_t>(block_[4 * i + 3]);
        for (int i = 16; i < 64; ++i)
        {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6],
                      h = h_[7];
        for (int i = 0; i < 64; ++i)
        {
            const std::uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
            const std::uint32_t ch = (e & f) ^ (~e & g);
            const std::uint32_t t1 = h + s1 + ch + k[i] + w[i];
            const std::uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
            const std::uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
            const std::uint32_t t2 = s0 + maj;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h_[0] += a;
        h_[1] += b;
        h_[2] += c;
        h_[3] += d;
        h_[4] += e;
        h_[5] += f;
        h_[6] += g;
        h_[7] += h;
    }

    std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    unsigned char block_[64] = {};
    std::size_t fill_ = 0;
    std::uint64_t length_ = 0;
};

std::string random_salt()
{
    std::random_device rd;
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 32; ++i)
        s += digits[rd() & 0xF];
    return s;
}

std::vector<std::string> keys_of(const std::string& text)
{
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    std::vector<std::string> keys;
    for (const Token& t : tokenize(u))
        keys.push_back(t.key);
    return keys;
}

std::string join(const std::vector<std::string>& words)
{
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : " ") + w;
    return out;
}

} // namespace

std::string sha256_hex(const std::string& data)
{
    Sha256 s;
    s.update(reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return s.hex();
}

std::string HashedRegister::hash(const std::string& folded_phrase) const
{
    return sha256_hex(salt_ + "\x1f" + folded_phrase);
}

HashedRegister HashedRegister::from_entries(const std::vector<RegisterEntry>& entries,
                                            std::string salt)
{
    HashedRegister r;
    r.salt_ = salt.empty() ? random_salt() : std::move(salt);
    auto add = [&r](const std::vector<std::string>& words, const Target& t)
    {
        if (words.empty())
            return;
        r.forms_.emplace(r.hash(join(words)), t);
        r.max_words_ = std::max(r.max_words_, words.size());
    };
    for (const RegisterEntry& e : entries)
    {
        const Target target{e.pseudonym, e.kind};
        const std::vector<std::string> words = keys_of(e.real);
        add(words, target);
        const bool name = e.kind.empty() || e.kind == "name";
        if (!name || words.size() < 2)
            continue;
        // Parts of a name: "Carter", "Liam"; initial and surname: "l carter".
        for (const std::string& w : words)
            if (w.size() > 1)
            {
                add({w}, target);
                // A hyphenated surname written with a space, and its halves.
                if (w.find('-') != std::string::npos)
                {
                    const std::vector<std::string> halves =
                        keys_of(std::string(w).replace(w.find('-'), 1, " "));
                    add(halves, target);
                    for (const std::string& h : halves)
                        add({h}, target);
                }
            }
        add({words.front().substr(0, 1), words.back()}, target);
        // The whole name with hyphens written as spaces: "zoe smith jones".
        std::string spaced = join(words);
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        add(keys_of(spaced), target);
    }
    return r;
}

void HashedRegister::add(const std::vector<RegisterEntry>& entries)
{
    HashedRegister more = from_entries(entries, salt_);
    salt_ = more.salt_;
    for (auto& [h, t] : more.forms_)
        forms_[h] = std::move(t);
    max_words_ = std::max(max_words_, more.max_words_);
}

void HashedRegister::remove(const std::vector<RegisterEntry>& entries)
{
    if (salt_.empty())
        return;
    for (const auto& form : from_entries(entries, salt_).forms_)
        forms_.erase(form.first);
}

std::size_t HashedRegister::match(const std::vector<Token>& tokens, std::size_t i,
                                  const Target** target) const
{
    if (forms_.empty())
        return 0;
    const std::size_t longest = std::min(max_words_, tokens.size() - i);
    std::string phrase;
    std::vector<std::string> phrases;
    for (std::size_t n = 1; n <= longest; ++n)
    {
        phrase += (n > 1 ? " " : "") + tokens[i + n - 1].key;
        phrases.push_back(phrase);
    }
    for (std::size_t n = longest; n >= 1; --n)
    {
        const auto it = forms_.find(hash(phrases[n - 1]));
        if (it != forms_.end())
        {
            if (target)
                *target = &it->second;
            return n;
        }
    }
    return 0;
}

std::string HashedRegister::to_json() const
{
    JsonWriter w;
    w.begin_object()
        .member("version", 1)
        .member("salt", salt_)
        .member("max_words", static_cast<std::uint64_t>(max_words_));
    w.key("forms").begin_object();
    for (const auto& [h, t] : forms_)
    {
        w.key(h)
            .begin_object()
            .member("pseudonym", t.pseudonym)
            .member("kind", t.kind)
            .end_object();
    }
    w.end_object().end_object();
    return w.take();
}

HashedRegister HashedRegister::from_json(const std::string& json, const std::string& name)
{
    const boost::property_tree::ptree root = parse_json_data(json, name);
    HashedRegister r;
    r.salt_ = root.get<std::string>("salt", "");
    r.max_words_ = root.get<std::size_t>("max_words", 0);
    if (r.salt_.empty() || root.get<int>("version", 0) != 1)
        throw DataError(name + ": not a scrqm register (no salt or unknown version)");
    if (const auto forms = root.get_child_optional("forms"))
        for (const auto& [h, node] : *forms)
        {
            if (h.size() != 64)
                throw DataError(name + ": malformed hash \"" + h + "\"");
            r.forms_.emplace(h, Target{node.get<std::string>("pseudonym", ""),
                                       node.get<std::string>("kind", "")});
        }
    return r;
}

} // namespace scrqm
