// Built without the LibreOffice SDK: office formats cannot be opened.
#include <scrqm/office.hxx>

namespace scrqm
{

void install_interrupt_cleanup() {}

bool office_supported()
{
    return false;
}

std::unique_ptr<OfficeSession> start_office(const OfficeOptions&)
{
    throw OfficeError("this scrqm was built without LibreOffice support "
                      "(-DSCRQM_WITH_OFFICE=OFF); convert the document to .txt or rebuild "
                      "with the SDK (./setup.sh)");
}

} // namespace scrqm
