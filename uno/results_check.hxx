// The pre-publication check of a Writer frame (vnd.scrqm:CheckAll): run with
// progress and cancel, its results kept per frame (uno/results_check.cxx).
// The results panel (results_panel.cxx) shows them and acts on them.
//
// Cancel: the check runs in the dispatch (the panel, Go to and Fix need its
// results when it returns). Every 100 ms it updates the frame's status
// indicator; the framework's StatusIndicatorFactory runs
// Application::Reschedule in setText, so a click on Cancel (or Esc in the
// document) is handled meanwhile and sets an atomic flag that the read (every
// 256 paragraphs) and run_check's hook (between checks) test. An edit or a
// close of the document during the check cancels it too (listeners); a
// close is vetoed until the check has stopped, then done. Nothing waits for
// another thread.
#pragma once

#include <scrqm/check_entry.hxx>

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace scrqm::lo
{

// The results of one frame's last check.
struct Results
{
    // Held so that the frame's address (the registry key) is never reused
    // while these results exist.
    com::sun::star::uno::Reference<com::sun::star::frame::XFrame> frame;
    com::sun::star::uno::Reference<com::sun::star::frame::XModel> model;
    Document doc;
    // Where each paragraph came from, for Go to and Fix: read on their first
    // use (the check reads faster without), body paragraphs found one by one.
    std::vector<com::sun::star::uno::Reference<com::sun::star::uno::XInterface>> sources;
    bool sourced = false;
    // Every finding in reading order (result.findings), those not ignored,
    // the verdict of those.
    CheckOutcome outcome;
    double seconds = 0, read_seconds = 0;
    // Per finding its page (0: none), from Writer's layout (pages.hxx):
    // found when the panel first lists these results, not by the check.
    std::vector<int> pages;
    bool paged = false;
    int page_count = 0; // the last page the view cursor reached then
    double page_seconds = 0;
    std::string error;     // the check could not run
    bool checked = false;  // every check ran (the findings are complete)
    std::string cancelled; // the last check was cancelled: why (findings: the one before)

    const std::vector<Finding>& all() const { return outcome.result.findings; }
};

// A check in progress on one frame. `cancel` is set from any thread (the
// panel's Cancel, vnd.scrqm:Results.Cancel from a macro, the listeners) and
// read by the check between paragraphs and checks.
struct Running
{
    std::atomic<bool> cancel{false};
    std::atomic<std::size_t> read{0}; // paragraphs read so far
    std::mutex mutex;
    std::string reason; // guarded by mutex
    // Set by the close listener: close this (frame or model) once stopped.
    com::sun::star::uno::Reference<com::sun::star::util::XCloseable> close_later;

    void stop(const std::string& why)
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (reason.empty())
                reason = why;
        }
        cancel = true;
    }
    std::string why()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return reason;
    }
};

// Thrown when the document no longer matches the findings.
struct Changed : std::runtime_error
{
    Changed() : std::runtime_error("The text has changed since the check: Re-check") {}
};

// The frame's last results, its running check: nullptr when none.
std::shared_ptr<Results>
results_of(const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame);
std::shared_ptr<Running>
running_of(const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame);

// The document's ignored findings (the user-defined property
// scrqm.ignored, salted hashes: scrqm/ignore.hxx), and storing them.
IgnoreList read_ignored(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model);
void write_ignored(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                   const IgnoreList& list);

// Makes sure `r` knows where finding `f` is in the document, for Go to and
// Fix. Throws Changed when the document no longer reads as it was checked.
void need_source(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    Results& r, const Finding& f);

// Checks the frame's document and keeps the results: a complete check's, or
// when cancelled the previous complete check's marked so (or only the
// cancel). `started` comes first (the panels show the check running), `tell`
// gets the progress, `after` comes once the results are kept (the panels
// show them); then a close that came during the check is done, from the
// main loop. Returns false (and checks nothing) while a check of the frame
// runs: a second one could only come from the first one's progress updates.
bool check_frame(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
    const std::function<void()>& started, const std::function<void(const std::string&)>& tell,
    const std::function<void()>& after);

} // namespace scrqm::lo
