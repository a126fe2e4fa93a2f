// The case identifier register as it is matched and stored: every matching
// form of each real identifier under a keyed hash (BLAKE2b with a key the
// register's passphrase derives), never in clear and never under a hash a
// list of names could be tested against. Stored, the whole of it is sealed
// (authenticated encryption) with a key from the same passphrase: the file
// says nothing without it, and a changed byte is refused.
#pragma once

#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/crypto.hxx>

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace scrqm
{

class HashedRegister
{
public:
    struct Target
    {
        std::string pseudonym;
        std::string kind;
    };

    HashedRegister() = default;
    // Hashes every matching form of each entry (the whole, and for names the
    // parts, "initial surname" and a hyphenated surname with a space) with
    // the keyed hash under `key`.
    static HashedRegister from_entries(const std::vector<RegisterEntry>& entries,
                                       const SecretKey& key);
    // The same under a random key: a register in clear, hashed in memory for
    // one check so that it matches as a stored one does.
    static HashedRegister from_entries(const std::vector<RegisterEntry>& entries);

    // Adds the entries' forms, hashed with this register's salt (a new
    // register gets one); a form already there takes the new pseudonym.
    void add(const std::vector<RegisterEntry>& entries);
    // Removes the entries' forms (a part shared with another entry, such as
    // a surname, goes too).
    void remove(const std::vector<RegisterEntry>& entries);

    bool empty() const { return forms_.empty(); }
    std::size_t size() const { return forms_.size(); }

    // The longest registered phrase that starts at tokens[i]: its length in
    // tokens (0 if none) and its target.
    std::size_t match(const std::vector<Token>& tokens, std::size_t i, const Target** target) const;

    // The forms as JSON, the plain text of a sealed register:
    // {"max_words":..,"forms":{hash:{"pseudonym":..,"kind":..}}}. Without
    // the key, which it does not hold.
    std::string to_json() const;
    static HashedRegister from_json(const std::string& json, const SecretKey& key,
                                    const std::string& name);

private:
    std::string hash(const std::string& folded_phrase) const;
    SecretKey key_;
    std::size_t max_words_ = 0;
    std::unordered_map<std::string, Target> forms_;
};

// ------------------------------------------------------ sealed registers
// A sealed register is one line of JSON:
// {"scrqm-register":3,"kdf":"argon2id13","ops":..,"mem":..,"salt":hex,"key":hex,"box":hex}
// The passphrase and the salt give a key by Argon2id, which seals a random
// master key ("key"); two subkeys of the master key seal the forms
// (XChaCha20-Poly1305, the header authenticated with them) and key their
// hashes. Version 2 (still read) derived the master key from the passphrase.
// Nothing in it is a name or a hash of one.

// The passphrase is wrong, or the file was changed.
class WrongPassphrase : public DataError
{
public:
    using DataError::DataError;
};

// Fewer characters than this are refused when a register is sealed.
constexpr std::size_t kMinPassphraseChars = 8;
constexpr std::size_t kMaxPassphraseBytes = 1024;

// Whether `text` is a sealed register (by its first member), or a register
// an older scrqm stored (salted SHA-256, no passphrase).
bool is_sealed_register(const std::string& text);
bool is_unprotected_stored_register(const std::string& text);

// Seals `entries` under `passphrase`. Throws DataError for a passphrase
// shorter than kMinPassphraseChars or longer than kMaxPassphraseBytes.
std::string seal_register(const std::vector<RegisterEntry>& entries, const std::string& passphrase);
// Opens a sealed register. Throws WrongPassphrase when the passphrase does
// not open it, DataError ("<name>: ...") when it is no sealed register.
HashedRegister open_register(const std::string& sealed, const std::string& passphrase,
                             const std::string& name);

// Opens `sealed` ("" starts an empty register), lets `edit` add or remove
// forms, and seals it again under the same passphrase and salt (the forms'
// keyed hashes stay valid). Throws like open_register and seal_register.
std::string edit_register(const std::string& sealed, const std::string& passphrase,
                          const std::function<void(HashedRegister&)>& edit);

// The same register sealed under `new_passphrase` (a new salt; the master
// key, and so the forms' keyed hashes, kept). Throws WrongPassphrase when
// `passphrase` does not open it, DataError for a new passphrase out of
// bounds or a file that is no sealed register.
std::string change_register_passphrase(const std::string& sealed, const std::string& passphrase,
                                       const std::string& new_passphrase, const std::string& name);

// The one line a check says about a register it could not open for want of
// its passphrase: "<which> is locked: ...".
std::string register_locked_note(const std::string& which);

} // namespace scrqm
