// Running actions on office documents in a private headless LibreOffice.
// This header is UNO-free: the implementation lives in uno/office_client.cxx
// (or cli/no_office.cxx when built without the SDK).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace scrqm
{

// The office could not be used at all (missing, failed to start).
class OfficeError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct OfficeOptions
{
    std::string soffice; // path to soffice; empty: $SCRQM_SOFFICE or the default
    std::string oxt;     // the extension to install into the throw-away profile
    int start_timeout_seconds = 60;
};

using NamedArgs = std::vector<std::pair<std::string, std::string>>;

class OfficeSession
{
public:
    virtual ~OfficeSession() = default;
    // Opens `path` read-only and hidden, calls org.scrqm.ReviewAssistant with
    // Action=`action` plus `args`, closes the document and returns the JSON.
    // Throws ReadError when the document cannot be opened (corrupted,
    // password-protected, unsupported), OfficeError when the office failed.
    // An empty `path` opens nothing: the action runs without a Document.
    virtual std::string run(const std::string& path, const std::string& action,
                            const NamedArgs& args) = 0;
};

// Starts LibreOffice with a fresh private profile, installs the extension.
// The office and the profile go away with the session, also on SIGINT and
// SIGTERM. Throws OfficeError.
std::unique_ptr<OfficeSession> start_office(const OfficeOptions& options);

// Makes SIGINT, SIGTERM and SIGHUP stop every office and remove its profile
// (start_office does it too). Call it before starting threads that may start
// offices: the signals are blocked in the calling thread and in the threads
// it starts afterwards, and only a dedicated thread receives them.
void install_interrupt_cleanup();

// Whether this build can open office documents at all.
bool office_supported();

} // namespace scrqm
