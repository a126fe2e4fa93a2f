// The publication copy ("Save publication copy…", Action=publication-copy,
// `scrqm publish`): a NEW file made from the document with what a reader of
// the published report must not get (comments, tracked changes, hidden text,
// personal properties, scrqm's own tags, notes and ignore list) taken out,
// then checked. The open document is never modified: the copy is made from
// the file on disk when the document is unmodified, else from storeToURL
// (which neither moves the document nor clears its modified flag), and is
// cleaned in a hidden document of its own.
#pragma once

#include <scrqm/check_entry.hxx>
#include <scrqm/model.hxx>

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstddef>
#include <string>

namespace scrqm::lo
{

struct PublicationRequest
{
    std::string output;        // a file path or a file: URL
    std::string format;        // docx, odt or pdf; empty: from the output's extension
    bool keep_changes = false; // Changes=keep: refuse rather than accept tracked changes
    CheckArguments check;      // how the copy is checked (Checks, Profile, Case, ...)
};

// What the cleaning took out of the copy.
struct PublicationCleaned
{
    std::size_t changes_accepted = 0;
    std::size_t comments = 0;
    std::size_t hidden_text = 0; // hidden ranges, hidden sections, hidden-paragraph fields
    std::size_t properties = 0;  // personal document properties emptied
    std::size_t user_properties = 0;
    std::size_t scrqm_bookmarks = 0;
};

struct PublicationOutcome
{
    std::string output; // the copy's file URL
    std::string format;
    bool from_file = false; // the copy started from the file on disk (else storeToURL)
    PublicationCleaned cleaned;
    CheckOutcome check; // of the copy as written (as cleaned, for a PDF)
};

// docx|odt|pdf from Format and the output's extension; throws
// std::invalid_argument with a one-line message when they are missing,
// unknown or disagree.
std::string publication_format(const std::string& output, const std::string& format);

// Writes the copy and checks it. Throws std::runtime_error (a message for the
// user) and uno::Exception.
PublicationOutcome
publish_copy(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
             const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
             const PublicationRequest& request);

// The macro API's answer: the result JSON of the copy's check with
// "publication":{"output","format","cleaned":{...}} and "verdict".
std::string publication_json(const PublicationOutcome& outcome);

// scrqm's own data in a document, as hidden-data items of kind "scrqm-data":
// its tag bookmarks, its question notes and its ignore list. Reads only.
void read_scrqm_data(const com::sun::star::uno::Reference<com::sun::star::frame::XModel>& model,
                     Document& doc);

// vnd.scrqm:PublicationCopy: asks where to save (a file dialog), writes the
// copy and shows its verdict and findings in a message box.
void publication_copy_ui(
    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
    const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame);

} // namespace scrqm::lo
