// libFuzzer target: arbitrary bytes through the text reader and the
// anonymisation scanner must never crash, hang or read out of bounds.
#include <scrqm/anonymisation.hxx>
#include <scrqm/text_reader.hxx>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const scrqm::AnonymisationCheck check(SCRQM_DATA_DIR_FOR_TESTS);
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try
    {
        const scrqm::Document doc = scrqm::read_text(bytes, size % 2 == 0, "fuzz.txt");
        scrqm::AnonymisationOptions options;
        options.deny = {"Northmoor"};
        options.register_entries = {{"Zoë Smith-Jones", "Child A", "name"}};
        const auto findings = check.run(doc, options);
        for (const auto& f : findings)
            if (f.start > f.end)
                __builtin_trap();
    }
    catch (const scrqm::ReadError&)
    {
        // binary input: refused with a message, as designed
    }
    return 0;
}
