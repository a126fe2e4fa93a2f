#include <scrqm/json.hxx>
#include <scrqm/normalise.hxx>
#include <scrqm/register.hxx>
#include <scrqm/strings.hxx>

#include <boost/property_tree/ptree.hpp>
#include <sodium.h>

#include <algorithm>
#include <cstdint>

namespace scrqm
{

namespace
{

// Version 3 keeps a random master key sealed under the passphrase's key, so
// that a new passphrase re-seals only that key (the forms' keyed hashes stay
// valid); version 2 derived the master key from the passphrase itself and is
// still read (and edited in its own form).
constexpr int kSealedVersion = 3;
constexpr int kDerivedMasterVersion = 2;
constexpr const char* kKdf = "argon2id13";
// Argon2id's "interactive" cost (libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE:
// 2 passes over 64 MiB, about 0.1 s here). A file may ask for more, up to a
// bound, so that a changed header cannot make opening take minutes.
constexpr unsigned long long kOps = 2;
constexpr std::size_t kMem = 64u << 20;
constexpr unsigned long long kMaxOps = 8;
constexpr std::size_t kMinMem = 8u << 10;
constexpr std::size_t kMaxMem = 256u << 20;
constexpr std::size_t kSaltBytes = 16;
// The purposes of the subkeys, for crypto_kdf (8 characters).
constexpr const char* kKdfContext = "scrqmreg";
constexpr unsigned kSealKeyId = 1;
constexpr unsigned kMatchKeyId = 2;

std::vector<std::string> keys_of(const std::string& text)
{
    // Keyed on the matching view, as the scanner reads the text: an entry
    // typed with a no-break space or fullwidth digits still matches.
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(normalise_for_matching(text));
    std::vector<std::string> keys;
    for (const Token& t : tokenize(u))
        keys.push_back(t.key);
    return keys;
}

// What the seal authenticates besides the forms: every header member, so
// that a changed cost or salt is refused like a changed form.
std::string associated_data(unsigned long long ops, std::size_t mem, const std::string& salt_hex,
                            int version)
{
    return "scrqm-register " + std::to_string(version) + " " + kKdf + " " + std::to_string(ops) +
           " " + std::to_string(mem) + " " + salt_hex;
}

std::size_t first_non_space(const std::string& text)
{
    std::size_t i = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        i = 3;
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        ++i;
    return i;
}

} // namespace

std::string HashedRegister::hash(const std::string& folded_phrase) const
{
    return keyed_hash_hex(key_, folded_phrase);
}

HashedRegister HashedRegister::from_entries(const std::vector<RegisterEntry>& entries)
{
    return from_entries(entries, SecretKey::random());
}

HashedRegister HashedRegister::from_entries(const std::vector<RegisterEntry>& entries,
                                            const SecretKey& key)
{
    HashedRegister r;
    r.key_ = key;
    auto add = [&r](const std::vector<std::string>& words, const Target& t)
    {
        if (words.empty())
            return;
        r.forms_.emplace(r.hash(join(words, " ")), t);
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
        std::string spaced = join(words, " ");
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        add(keys_of(spaced), target);
    }
    return r;
}

void HashedRegister::add(const std::vector<RegisterEntry>& entries)
{
    // The same key, so that the new forms match like the old ones; the
    // longest form may be a variant ("zoe smith jones"), not the entry.
    HashedRegister more = from_entries(entries, key_);
    for (auto& [h, t] : more.forms_)
        forms_[h] = std::move(t);
    max_words_ = std::max(max_words_, more.max_words_);
}

void HashedRegister::remove(const std::vector<RegisterEntry>& entries)
{
    for (const auto& form : from_entries(entries, key_).forms_)
        forms_.erase(form.first);
}

std::size_t HashedRegister::match(const std::vector<Token>& tokens, std::size_t i,
                                  const Target** target) const
{
    if (forms_.empty() || i >= tokens.size())
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
    // Sorted, so that the same register seals the same plain text.
    std::vector<const std::pair<const std::string, Target>*> sorted;
    for (const auto& form : forms_)
        sorted.push_back(&form);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    JsonWriter w;
    w.begin_object().member("max_words", static_cast<std::uint64_t>(max_words_));
    w.key("forms").begin_object();
    for (const auto* form : sorted)
        w.key(form->first)
            .begin_object()
            .member("pseudonym", form->second.pseudonym)
            .member("kind", form->second.kind)
            .end_object();
    w.end_object().end_object();
    return w.take();
}

HashedRegister HashedRegister::from_json(const std::string& json, const SecretKey& key,
                                         const std::string& name)
{
    const boost::property_tree::ptree root = parse_json_data(json, name);
    HashedRegister r;
    r.key_ = key;
    r.max_words_ = root.get<std::size_t>("max_words", 0);
    if (const auto forms = root.get_child_optional("forms"))
        for (const auto& [h, node] : *forms)
        {
            if (h.size() != 64 || from_hex(h).size() != 32)
                throw DataError(name + ": malformed form in the register");
            r.forms_.emplace(h, Target{node.get<std::string>("pseudonym", ""),
                                       node.get<std::string>("kind", "")});
        }
    return r;
}

bool is_sealed_register(const std::string& text)
{
    return text.compare(first_non_space(text), 18, "{\"scrqm-register\":") == 0;
}

bool is_unprotected_stored_register(const std::string& text)
{
    // What scrqm stored before registers were sealed: {"version":1,"salt":..
    return text.compare(first_non_space(text), 12, "{\"version\":1") == 0 &&
           text.find("\"salt\"") != std::string::npos &&
           text.find("\"forms\"") != std::string::npos;
}

namespace
{

void check_passphrase(const std::string& passphrase)
{
    const std::size_t chars =
        static_cast<std::size_t>(icu::UnicodeString::fromUTF8(passphrase).countChar32());
    if (chars < kMinPassphraseChars)
        throw DataError("the register's passphrase is too short: at least " +
                        std::to_string(kMinPassphraseChars) + " characters");
    if (passphrase.size() > kMaxPassphraseBytes)
        throw DataError("the register's passphrase is too long: at most " +
                        std::to_string(kMaxPassphraseBytes) + " bytes");
}

struct Opened
{
    HashedRegister forms;
    SecretKey master;
    std::string salt_hex;
    unsigned long long ops = 0;
    std::size_t mem = 0;
    int version = kSealedVersion;
    SecretKey passphrase_key; // version 3: the key that seals `master`
};

// Seals forms hashed with `o.master`'s match key; version 3 also seals the
// master key under the passphrase's key.
std::string seal_forms(const HashedRegister& forms, const Opened& o)
{
    const std::string ad = associated_data(o.ops, o.mem, o.salt_hex, o.version);
    const std::string box = seal(o.master.derive(kSealKeyId, kKdfContext), forms.to_json(), ad);
    JsonWriter w;
    w.begin_object()
        .member("scrqm-register", o.version)
        .member("kdf", kKdf)
        .member("ops", static_cast<std::uint64_t>(o.ops))
        .member("mem", static_cast<std::uint64_t>(o.mem))
        .member("salt", o.salt_hex);
    if (o.version == kSealedVersion)
        w.member("key", to_hex(seal(o.passphrase_key,
                                    std::string(reinterpret_cast<const char*>(o.master.data()),
                                                SecretKey::kSize),
                                    ad)));
    w.member("box", to_hex(box)).end_object();
    return w.take() + "\n";
}

// A new salt and passphrase key for `o` (version 3), its master key kept.
void new_passphrase(Opened& o, const std::string& passphrase)
{
    const std::string salt = random_bytes(kSaltBytes);
    o.salt_hex = to_hex(salt);
    o.ops = kOps;
    o.mem = kMem;
    o.version = kSealedVersion;
    o.passphrase_key = SecretKey::from_passphrase(passphrase, salt, kOps, kMem);
}

Opened open_sealed(const std::string& sealed, const std::string& passphrase,
                   const std::string& name)
{
    if (is_unprotected_stored_register(sealed))
        throw DataError(name + ": a register stored by an older scrqm without a passphrase; "
                               "set the register again with a passphrase");
    if (!is_sealed_register(sealed))
        throw DataError(name + ": not a sealed scrqm register");
    const boost::property_tree::ptree root = parse_json_data(sealed, name);
    const auto version = root.get_optional<int>("scrqm-register");
    const auto ops = root.get_optional<unsigned long long>("ops");
    const auto mem = root.get_optional<std::size_t>("mem");
    const std::string salt_hex = root.get<std::string>("salt", "");
    const std::string box = from_hex(root.get<std::string>("box", ""));
    if (!version || (*version != kSealedVersion && *version != kDerivedMasterVersion))
        throw DataError(name + ": a sealed register of another scrqm version");
    const std::string wrapped = from_hex(root.get<std::string>("key", ""));
    if (root.get<std::string>("kdf", "") != kKdf || !ops || !mem || *ops < 1 || *ops > kMaxOps ||
        *mem < kMinMem || *mem > kMaxMem || from_hex(salt_hex).size() != kSaltBytes ||
        box.empty() || (*version == kSealedVersion && wrapped.empty()))
        throw DataError(name + ": a damaged sealed register (its header is not scrqm's)");
    const WrongPassphrase wrong(name + ": wrong passphrase for this case register (or the file "
                                       "was changed)");
    const std::string ad = associated_data(*ops, *mem, salt_hex, *version);
    Opened o;
    o.salt_hex = salt_hex;
    o.ops = *ops;
    o.mem = *mem;
    o.version = *version;
    o.passphrase_key = SecretKey::from_passphrase(passphrase, from_hex(salt_hex), *ops, *mem);
    if (*version == kSealedVersion)
    {
        std::string master;
        if (!open(o.passphrase_key, wrapped, ad, master) || master.size() != SecretKey::kSize)
            throw wrong;
        o.master = SecretKey(master);
        sodium_memzero(master.data(), master.size());
    }
    else
        o.master = o.passphrase_key;
    std::string plain;
    if (!open(o.master.derive(kSealKeyId, kKdfContext), box, ad, plain))
        throw wrong;
    o.forms = HashedRegister::from_json(plain, o.master.derive(kMatchKeyId, kKdfContext), name);
    return o;
}

} // namespace

std::string seal_register(const std::vector<RegisterEntry>& entries, const std::string& passphrase)
{
    check_passphrase(passphrase);
    Opened o;
    o.master = SecretKey::random();
    new_passphrase(o, passphrase);
    return seal_forms(
        HashedRegister::from_entries(entries, o.master.derive(kMatchKeyId, kKdfContext)), o);
}

HashedRegister open_register(const std::string& sealed, const std::string& passphrase,
                             const std::string& name)
{
    return open_sealed(sealed, passphrase, name).forms;
}

std::string edit_register(const std::string& sealed, const std::string& passphrase,
                          const std::function<void(HashedRegister&)>& edit)
{
    if (sealed.empty())
    {
        std::string fresh = seal_register({}, passphrase);
        return edit_register(fresh, passphrase, edit);
    }
    Opened o = open_sealed(sealed, passphrase, "the case register");
    edit(o.forms);
    return seal_forms(o.forms, o);
}

std::string change_register_passphrase(const std::string& sealed, const std::string& passphrase,
                                       const std::string& new_passphrase_text,
                                       const std::string& name)
{
    check_passphrase(new_passphrase_text);
    Opened o = open_sealed(sealed, passphrase, name);
    // A version 2 register's master key came from the old passphrase: kept
    // as the master key, now sealed under the new one.
    new_passphrase(o, new_passphrase_text);
    return seal_forms(o.forms, o);
}

std::string register_locked_note(const std::string& which)
{
    return which + " is locked: its identifiers were not looked for (give its passphrase)";
}

} // namespace scrqm
