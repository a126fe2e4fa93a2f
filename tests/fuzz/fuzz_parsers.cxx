// libFuzzer targets for every parser of text that scrqm did not write
// itself: registers (CSV, JSON, sealed), data files (a framework, a
// structure profile, a .properties file), the office's answers (result and
// coverage JSON) and the document properties it reads back (the ignore list,
// question states, tag names, marker and check lists). Built once per
// target with SCRQM_FUZZ_TARGET naming it; each must never crash, hang, read
// out of bounds or leak, whatever the bytes: a refusal is a DataError (or
// the documented exception), never anything else.
#include <scrqm/anonymisation.hxx>
#include <scrqm/catalogue.hxx>
#include <scrqm/checks.hxx>
#include <scrqm/coverage.hxx>
#include <scrqm/ignore.hxx>
#include <scrqm/properties.hxx>
#include <scrqm/register.hxx>
#include <scrqm/result.hxx>
#include <scrqm/structure.hxx>
#include <scrqm/tags.hxx>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace
{

[[maybe_unused]] const std::string& data_dir()
{
    static const std::string dir = SCRQM_DATA_DIR_FOR_TESTS;
    return dir;
}

// Loaders read files: the input goes to one private file per process.
[[maybe_unused]] std::string as_file(const std::string& bytes, const char* suffix)
{
    static const std::string path = "/tmp/scrqm-fuzz-" + std::to_string(::getpid()) + suffix;
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return path;
}

void fuzz_one(const std::string& bytes)
{
#if SCRQM_FUZZ_TARGET == 1 // register: CSV, JSON, sealed
    try
    {
        if (scrqm::is_sealed_register(bytes) || scrqm::is_unprotected_stored_register(bytes))
            scrqm::open_register(bytes, "fuzzing passphrase", "fuzz");
        else
            for (const scrqm::RegisterEntry& e : scrqm::parse_register(bytes, "fuzz"))
                if (e.real.empty())
                    __builtin_trap(); // the strict reader lets no empty identifier through
    }
    catch (const scrqm::DataError&)
    {
    }
#elif SCRQM_FUZZ_TARGET == 2 // data files: a framework and a structure profile
    const std::string path = as_file(bytes, ".json");
    try
    {
        scrqm::load_catalogue(path);
    }
    catch (const scrqm::DataError&)
    {
    }
    try
    {
        scrqm::load_profile(path, data_dir());
    }
    catch (const scrqm::DataError&)
    {
    }
    scrqm::parse_properties(bytes);
#elif SCRQM_FUZZ_TARGET == 3 // the office's answers
    try
    {
        const scrqm::Result r = scrqm::result_from_json(bytes);
        scrqm::to_json(r);
    }
    catch (const std::runtime_error&)
    {
    }
    try
    {
        scrqm::coverage_text_from_json(bytes);
    }
    catch (const std::runtime_error&)
    {
    }
#elif SCRQM_FUZZ_TARGET == 4 // properties stored in documents
    static const scrqm::Catalogue catalogue = scrqm::load_framework(data_dir(), "scr-qm-2016");
    const scrqm::IgnoreList list = scrqm::IgnoreList::parse(bytes);
    if (scrqm::IgnoreList::parse(list.serialise()).size() != list.size())
        __builtin_trap(); // what it writes, it reads back
    try
    {
        scrqm::parse_question_states(bytes, "QM1", 12);
    }
    catch (const scrqm::DataError&)
    {
    }
    scrqm::parse_tag_name(bytes);
    try
    {
        scrqm::parse_marker_list(bytes, catalogue);
    }
    catch (const std::invalid_argument&)
    {
    }
    try
    {
        scrqm::parse_check_list(bytes);
    }
    catch (const scrqm::DataError&)
    {
    }
#else
#error "SCRQM_FUZZ_TARGET: 1 register, 2 data files, 3 office answers, 4 document properties"
#endif
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz_one(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
